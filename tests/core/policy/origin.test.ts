import { describe, expect, it } from 'vitest';
import { documentOriginRefusal } from '../../../src/core/policy/origin';

describe('documentOriginRefusal (is the asking document the one its URL names?)', () => {
  it('accepts exactly the https origin of the URL', () => {
    expect(documentOriginRefusal('https://www.amazon.com/ap/mfa', 'https://www.amazon.com')).toBeNull();
  });

  it('refuses an http document even when its origin matches its URL (no code outside https)', () => {
    expect(documentOriginRefusal('http://www.amazon.com/ap/mfa', 'http://www.amazon.com')).toBe('origin-mismatch');
  });

  it.each(['not a url', 'https://', ''])('refuses a URL that does not parse (%j), fail closed', (url) => {
    expect(documentOriginRefusal(url, 'https://www.amazon.com')).toBe('origin-mismatch');
  });
});
