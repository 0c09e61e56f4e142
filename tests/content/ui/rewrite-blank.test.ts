// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { rewriteBlank } from '../../../src/content/ui/code-guard';

// A lookalike that rewrote itself with document.open() is blanked. Firefox refuses document.open() to a
// content script (SecurityError); the kit's form must be gone all the same.
describe('rewriteBlank', () => {
  const kitPage = () => {
    const doc = document.implementation.createHTMLDocument('Verify');
    doc.body.innerHTML = '<form><label for="otp">Code</label><input id="otp"></form>';
    return doc;
  };

  it('replaces the document where document.open() is allowed', () => {
    const doc = kitPage();
    rewriteBlank(doc);
    expect(doc.getElementById('otp')).toBeNull();
    expect(doc.title).toBe('Stopped by OTP Guard');
  });

  it('removes the page’s nodes where document.open() throws (Firefox content scripts)', () => {
    const doc = kitPage();
    vi.spyOn(doc, 'open').mockImplementation(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    const write = vi.spyOn(doc, 'write');
    rewriteBlank(doc);
    expect(write).not.toHaveBeenCalled();
    expect(doc.getElementById('otp')).toBeNull();
    expect(doc.querySelectorAll('input, form, label')).toHaveLength(0);
    expect(doc.title).toBe('Stopped by OTP Guard');
    expect(doc.body).not.toBeNull();
  });
});
