import { describe, expect, it } from 'vitest';
import { INTERSTITIAL_PAGES } from '../../src/background/interstitial';
import { EXTENSION_PAGES } from '../../src/background/start';
import { classifySender, type ExtensionIdentity, pageMaySend } from '../../src/messaging/sender';

const self: ExtensionIdentity = {
  id: 'abcdefghijklmnop',
  baseUrl: 'chrome-extension://abcdefghijklmnop/',
  pages: ['src/popup/index.html', 'src/options/index.html'],
};

describe('classifySender', () => {
  it('knows the popup and the options page by their URL', () => {
    expect(classifySender({ id: self.id, url: `${self.baseUrl}src/popup/index.html?tab=3` }, self)).toEqual({
      role: 'extension-page',
      page: 'src/popup/index.html',
    });
    // An extension page shown in a tab: the browser's own tab id comes along (the warning page stands for its tab).
    expect(classifySender({ id: self.id, url: `${self.baseUrl}src/options/index.html#import`, tab: { id: 9 } }, self)).toEqual({
      role: 'extension-page',
      page: 'src/options/index.html',
      tabId: 9,
    });
  });

  it('refuses an extension page that is not on the allow-list, naming it in the logged reason', () => {
    expect(classifySender({ id: self.id, url: `${self.baseUrl}other.html` }, self)).toEqual({
      role: 'refused',
      reason: 'extension page not allowed: other.html',
    });
    expect(classifySender({ id: 'otherextensionid', url: `${self.baseUrl}src/popup/index.html` }, self)).toEqual({
      role: 'refused',
      reason: 'sender is not this extension',
    });
    expect(classifySender({ id: self.id, url: 'file:///etc/passwd', frameId: 0, tab: { id: 3 } }, self)).toEqual({
      role: 'refused',
      reason: 'not an extension page nor a content script in a web tab',
    });
  });

  it('an extension page gets a tab id only when the browser names a real tab', () => {
    const popupUrl = `${self.baseUrl}src/popup/index.html`;
    expect(classifySender({ id: self.id, url: popupUrl, tab: { id: -1 } }, self)).toEqual({ role: 'extension-page', page: 'src/popup/index.html' });
    expect(classifySender({ id: self.id, url: popupUrl, tab: {} }, self)).toEqual({ role: 'extension-page', page: 'src/popup/index.html' });
    expect(classifySender({ id: self.id, url: popupUrl, tab: { id: 0 } }, self)).toMatchObject({ tabId: 0 });
  });

  it('a content script runs on http pages too (for the warnings), and in the tab with id 0', () => {
    const role = classifySender({ id: self.id, url: 'http://shop.example/', frameId: 0, tab: { id: 0 } }, self);
    expect(role).toMatchObject({ role: 'content-script', tabId: 0, frameUrl: 'http://shop.example/' });
    expect(role).not.toHaveProperty('tabUrl');
  });

  it.each([
    ['no tab id (TAB_ID_NONE)', { id: self.id, url: 'https://www.amazon.com/', frameId: 0, tab: { id: -1 } }],
    ['a tab without an id', { id: self.id, url: 'https://www.amazon.com/', frameId: 0, tab: {} }],
    ['an https address inside another scheme', { id: self.id, url: 'moz-extension://other/page.html?https://www.amazon.com/', frameId: 0, tab: { id: 3 } }],
    ['an http address inside another scheme', { id: self.id, url: 'view-source:http://www.amazon.com/', frameId: 0, tab: { id: 3 } }],
  ])('refuses a would-be content script with %s', (_name, sender) => {
    expect(classifySender(sender, self).role).toBe('refused');
  });

  it('knows a content script by its tab, frame and web URL', () => {
    expect(
      classifySender(
        { id: self.id, url: 'https://www.amazon.com/ap/mfa', frameId: 0, tab: { id: 4, url: 'https://www.amazon.com/ap/mfa' } },
        self,
      ),
    ).toEqual({
      role: 'content-script',
      tabId: 4,
      frameId: 0,
      frameUrl: 'https://www.amazon.com/ap/mfa',
      tabUrl: 'https://www.amazon.com/ap/mfa',
    });
  });

  it('passes on the browser’s origin and document data for the release policy, opaque ones included', () => {
    const base = { id: self.id, url: 'https://www.amazon.com/ap/mfa', frameId: 3, tab: { id: 4 } };
    expect(classifySender({ ...base, origin: 'https://www.amazon.com', documentId: 'D1', documentLifecycle: 'active' }, self)).toEqual({
      role: 'content-script',
      tabId: 4,
      frameId: 3,
      frameUrl: 'https://www.amazon.com/ap/mfa',
      origin: 'https://www.amazon.com',
      documentId: 'D1',
      documentLifecycle: 'active',
    });
    expect(classifySender({ ...base, origin: 'null' }, self)).toMatchObject({ role: 'content-script', origin: 'null' });
  });

  it('leaves out what the browser did not give (the policy then refuses: no origin)', () => {
    const role = classifySender({ id: self.id, url: 'https://www.amazon.com/', frameId: 0, tab: { id: 4 } }, self);
    expect(role).not.toHaveProperty('origin');
    expect(role).not.toHaveProperty('documentId');
    const odd = { id: self.id, url: 'https://www.amazon.com/', frameId: 0, tab: { id: 4 }, origin: 42, documentId: {}, documentLifecycle: 7 };
    const oddRole = classifySender(odd as unknown as Parameters<typeof classifySender>[0], self);
    expect(oddRole).not.toHaveProperty('origin');
    expect(oddRole).not.toHaveProperty('documentLifecycle');
    // A tab id that is not a number is no tab, for a content script and for an extension page.
    const stringTab = { id: self.id, url: 'https://www.amazon.com/', frameId: 0, tab: { id: '4' } };
    expect(classifySender(stringTab as unknown as Parameters<typeof classifySender>[0], self).role).toBe('refused');
    const pageInStringTab = { id: self.id, url: `${self.baseUrl}src/popup/index.html`, tab: { id: '4' } };
    expect(classifySender(pageInStringTab as unknown as Parameters<typeof classifySender>[0], self)).not.toHaveProperty('tabId');
  });

  it.each([
    ['another extension', { id: 'otherextensionid', url: 'chrome-extension://otherextensionid/popup.html' }],
    ['another extension claiming our popup URL', { id: 'otherextensionid', url: `${self.baseUrl}src/popup/index.html` }],
    ['no id at all', { url: 'https://evil.example/' }],
    ['a web URL without a tab', { id: self.id, url: 'https://evil.example/', frameId: 0 }],
    ['a tab without a frame id', { id: self.id, url: 'https://evil.example/', tab: { id: 3 } }],
    ['a file: page', { id: self.id, url: 'file:///etc/passwd', frameId: 0, tab: { id: 3 } }],
    ['an about:blank frame without an origin', { id: self.id, url: 'about:blank', frameId: 2, tab: { id: 3 } }],
    ['an about:blank frame with an opaque origin', { id: self.id, url: 'about:blank', origin: 'null', frameId: 2, tab: { id: 3 } }],
    ['an about:srcdoc frame of a file: page', { id: self.id, url: 'about:srcdoc', origin: 'file://', frameId: 2, tab: { id: 3 } }],
    ['an about: page that is not a written document', { id: self.id, url: 'about:config', origin: 'https://www.amazon.com', frameId: 2, tab: { id: 3 } }],
    ['a blob: frame', { id: self.id, url: 'blob:https://www.amazon.com/2f1c', frameId: 2, tab: { id: 3 } }],
  ])('refuses %s', (_name, sender) => {
    expect(classifySender(sender, self).role).toBe('refused');
  });

  it.each(['about:blankety', 'xabout:blank', 'about:srcdoc2'])('%s is no document a web page wrote: refused', (url) => {
    expect(classifySender({ id: self.id, url, origin: 'https://www.amazon.com', frameId: 2, tab: { id: 3 } }, self).role).toBe('refused');
  });

  it('a written document with a web origin over http is a content script too (the release policy refuses it codes)', () => {
    const role = classifySender({ id: self.id, url: 'about:blank', origin: 'http://shop.example', frameId: 2, tab: { id: 3 } }, self);
    expect(role).toMatchObject({ role: 'content-script', origin: 'http://shop.example' });
  });

  it.each(['about:blank', 'about:srcdoc', 'about:blank#top', 'ABOUT:SRCDOC?x'])('a %s document a web page wrote is its content script (for the guard), with its creator origin', (url) => {
    const role = classifySender({ id: self.id, url, origin: 'https://www.amazon.com', frameId: 2, tab: { id: 3 } }, self);
    expect(role).toMatchObject({ role: 'content-script', tabId: 3, frameId: 2, frameUrl: url, origin: 'https://www.amazon.com' });
  });
});

describe('pageMaySend: the per-page allow-list', () => {
  const warning = 'src/warning/index.html';
  const confirm = 'src/confirm/index.html';
  const popupPage = 'src/popup/index.html';
  const optionsPage = 'src/options/index.html';
  const warningOnly = ['ui:warning-describe', 'ui:warning-go', 'ui:warning-continue'];
  const confirmOnly = ['ui:held-code-describe', 'ui:held-code-decide'];
  // A sample of what the popup and options use: secrets, codes, the vault itself.
  const popupMessages = ['ui:unlock', 'ui:copy-code', 'ui:list-accounts', 'ui:export-backup', 'ui:set-settings', 'ui:warning-status', 'ui:warning-forget'];

  it.each(warningOnly)('the warning page may send %s', (type) => {
    expect(pageMaySend(warning, type)).toBe(true);
  });

  it.each(confirmOnly)('the confirmation page may send %s', (type) => {
    expect(pageMaySend(confirm, type)).toBe(true);
  });

  it.each([...popupMessages, ...confirmOnly])('the warning page may not send %s', (type) => {
    expect(pageMaySend(warning, type)).toBe(false);
  });

  it.each([...popupMessages, ...warningOnly])('the confirmation page may not send %s', (type) => {
    expect(pageMaySend(confirm, type)).toBe(false);
  });

  it.each([popupPage, optionsPage])('%s may send the rest', (page) => {
    for (const type of popupMessages) expect(pageMaySend(page, type)).toBe(true);
  });

  it.each([popupPage, optionsPage])('%s may not send what belongs to the warning or confirmation page', (page) => {
    for (const type of [...warningOnly, ...confirmOnly]) expect(pageMaySend(page, type)).toBe(false);
  });

  it.each(['other.html', 'src/popup/other.html', '', 'constructor', '__proto__', 'SRC/POPUP/INDEX.HTML'])(
    'an unknown extension page (%j) may send nothing',
    (page) => {
      for (const type of [...popupMessages, ...warningOnly, ...confirmOnly]) expect(pageMaySend(page, type)).toBe(false);
    },
  );

  it('every page the background lets talk has an entry (paths agree with the shells)', () => {
    for (const page of EXTENSION_PAGES) {
      expect([...popupMessages, ...warningOnly, ...confirmOnly].some((type) => pageMaySend(page, type))).toBe(true);
    }
    expect(INTERSTITIAL_PAGES).toEqual([warning, confirm]);
  });

  it('the page comes from the sender URL on our origin: a query or fragment naming another page changes nothing', () => {
    const all = { ...self, pages: EXTENSION_PAGES };
    const role = classifySender({ id: self.id, url: `${self.baseUrl}src/warning/index.html?page=src/popup/index.html#src/popup/index.html` }, all);
    expect(role).toEqual({ role: 'extension-page', page: warning });
    expect(pageMaySend(warning, 'ui:unlock')).toBe(false);
  });
});
