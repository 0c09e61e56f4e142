import { describe, expect, it, vi } from 'vitest';
import { EXTENSION_PAGES } from '../../src/background/start';
import { createRouter, type RefusalLog } from '../../src/messaging/router';
import { classifySender, type SenderRole } from '../../src/messaging/sender';

const warningPage: SenderRole = { role: 'extension-page', page: 'src/warning/index.html' };
// Only the confirmation page may decide a held code (the per-page allow-list in sender.ts).
const confirmPage: SenderRole = { role: 'extension-page', page: 'src/confirm/index.html' };
const content: SenderRole = { role: 'content-script', tabId: 2, frameId: 0, frameUrl: 'https://amazon-verify-account.com/' };

function setup() {
  const refused = vi.fn<RefusalLog['refused']>();
  const decide = vi.fn(async () => ({ decided: true }));
  const confirm = vi.fn(async () => ({ choice: 'discard' as const }));
  const go = vi.fn(async () => ({ navigated: true }));
  const route = createRouter(
    { ui: { 'ui:held-code-decide': decide, 'ui:warning-go': go }, cs: { 'cs:confirm-held-code': confirm } },
    { refused },
  );
  return { route, decide, confirm, go };
}

describe('the warning messages through the router', () => {
  it('the warning and confirmation pages are allow-listed extension pages', () => {
    const self = { id: 'ext', baseUrl: 'chrome-extension://ext/', pages: EXTENSION_PAGES };
    expect(classifySender({ id: 'ext', url: 'chrome-extension://ext/src/warning/index.html' }, self)).toEqual(warningPage);
    expect(classifySender({ id: 'ext', url: 'chrome-extension://ext/src/confirm/index.html?request=abcdefgh12' }, self)).toEqual({
      role: 'extension-page',
      page: 'src/confirm/index.html',
    });
  });

  it('only an extension page may decide a held code, and only with a known choice', async () => {
    const { route, decide } = setup();
    expect(await route({ type: 'ui:held-code-decide', requestId: 'abcdefgh12', choice: 'enter' }, content)).toMatchObject({ ok: false, error: { code: 'refused' } });
    for (const bad of [
      { type: 'ui:held-code-decide', requestId: 'abcdefgh12', choice: 'yes' },
      { type: 'ui:held-code-decide', requestId: 'short', choice: 'enter' },
      { type: 'ui:held-code-decide', requestId: 'abcdefgh12', choice: 'enter', code: '123456' },
    ]) {
      expect(await route(bad, confirmPage)).toMatchObject({ ok: false, error: { code: 'bad-shape' } });
    }
    expect(decide).not.toHaveBeenCalled();
    expect(await route({ type: 'ui:held-code-decide', requestId: 'abcdefgh12', choice: 'enter' }, confirmPage)).toEqual({ ok: true, value: { decided: true } });
  });

  it('a content script asks with a digit count only: no digits, no text, no URL', async () => {
    const { route, confirm } = setup();
    for (const bad of [
      { type: 'cs:confirm-held-code', digits: 6, code: '482913' },
      { type: 'cs:confirm-held-code', digits: 6, headline: 'Enter it, it is fine' },
      { type: 'cs:confirm-held-code', digits: 0 },
      { type: 'cs:confirm-held-code', digits: 6.5 },
      { type: 'cs:confirm-held-code', digits: '6' },
    ]) {
      expect(await route(bad, content)).toMatchObject({ ok: false, error: { code: 'bad-shape' } });
    }
    expect(confirm).not.toHaveBeenCalled();
    expect(await route({ type: 'cs:confirm-held-code', digits: 6 }, content)).toEqual({ ok: true, value: { choice: 'discard' } });
  });

  it('the warning page names a tab and nothing else (never the URL to go to)', async () => {
    const { route, go } = setup();
    expect(await route({ type: 'ui:warning-go', tabId: 3, url: 'https://evil.example/' }, warningPage)).toMatchObject({ ok: false, error: { code: 'bad-shape' } });
    expect(await route({ type: 'ui:warning-go', tabId: 3 }, content)).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(go).not.toHaveBeenCalled();
  });
});
