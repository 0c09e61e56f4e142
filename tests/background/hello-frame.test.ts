/**
 * cs:hello and the frame context it reads (frame-context.ts) over the fake-browser Services: which page
 * counts as the top, which verdict warns, when the frame tree is read, and what a frame is told.
 */
import { describe, expect, it, vi } from 'vitest';
import { documentUrlForWarnings, frameContext, requesterOf, topUrlOf } from '../../src/background/handlers/frame-context';
import { hello } from '../../src/background/handlers/hello';
import type { ContentScriptSender } from '../../src/messaging/router';
import { type Background, buildBackground, unlockedWith } from './fakes';

const AMAZON_TOP = 'https://www.amazon.com/';
const AMAZON_MFA = 'https://www.amazon.com/ap/mfa';
const AMAZON_LOOKALIKE = 'https://amazon-account-verify.com/ap/signin';
const PAYPAL_LOOKALIKE = 'https://paypal-account-verify.com/signin';

const sender = (frameUrl: string, frameId: number, extra: Partial<ContentScriptSender> = {}): ContentScriptSender => ({
  role: 'content-script',
  tabId: 7,
  frameId,
  frameUrl,
  origin: new URL(frameUrl).origin,
  ...extra,
});

async function withAccounts(accounts: [string, string[]][] = [['Amazon', ['amazon.com']]]) {
  const bg = buildBackground();
  const created = await unlockedWith(bg, accounts);
  return { bg, ids: created.map((account) => account.id) };
}

/** The browser's tree for tab 7: `top` at frame 0 and, when given, `child` as frame 3 below it. */
function tree(bg: Background, top: string, child?: string) {
  bg.tabs.set(7, top);
  if (child) bg.childFrames.set('7:3', child);
}

const ask = (bg: Background, from: ContentScriptSender) => hello(bg.services)({ type: 'cs:hello' }, from);

describe('cs:hello: which page is the top', () => {
  it("takes a child frame's top page from the browser's tab when the sender has no tab URL", async () => {
    const { bg } = await withAccounts();
    tree(bg, AMAZON_LOOKALIKE, AMAZON_MFA);
    const state = await ask(bg, sender(AMAZON_MFA, 3));
    expect(state.fillable).toBe(false);
    expect(state.warning?.headline).toContain('amazon.com');
    expect(state.verdict).toBe('verified');
  });

  it("prefers the sender's own tab URL over another read of the tab", async () => {
    const { bg, ids } = await withAccounts();
    tree(bg, AMAZON_TOP, AMAZON_MFA);
    const tabUrl = vi.spyOn(bg.services, 'tabUrl');
    const state = await ask(bg, sender(AMAZON_MFA, 3, { tabUrl: AMAZON_TOP }));
    expect(state.accounts.map((account) => account.id)).toEqual(ids);
    expect(tabUrl).not.toHaveBeenCalled();
  });

  it('for the top frame the frame itself is the page, whatever the tab reported before', async () => {
    const { bg, ids } = await withAccounts();
    tree(bg, AMAZON_TOP);
    const state = await ask(bg, sender(AMAZON_TOP, 0, { tabUrl: AMAZON_LOOKALIKE }));
    expect(state).toMatchObject({ fillable: true, verdict: 'verified' });
    expect(state.warning).toBeUndefined();
    expect(state.accounts.map((account) => account.id)).toEqual(ids);
  });

  it('with no top URL at all, the frame is judged by itself (no crash, nothing to fill)', async () => {
    const { bg } = await withAccounts();
    const state = await ask(bg, sender(AMAZON_LOOKALIKE, 3));
    expect(state).toMatchObject({ verdict: 'lookalike', fillable: false, accounts: [] });
    expect(state.warning?.headline).toContain('amazon.com');
  });
});

describe('cs:hello: the warning', () => {
  it("names what the frame imitates first, then what the top page imitates", async () => {
    const { bg } = await withAccounts([
      ['Amazon', ['amazon.com']],
      ['PayPal', ['paypal.com']],
    ]);
    tree(bg, PAYPAL_LOOKALIKE, AMAZON_LOOKALIKE);
    const both = await ask(bg, sender(AMAZON_LOOKALIKE, 3, { tabUrl: PAYPAL_LOOKALIKE }));
    expect(both.warning?.headline).toContain('amazon.com');
    expect(both.warning?.headline).not.toContain('paypal.com');
    const topOnly = await ask(bg, sender(AMAZON_MFA, 3, { tabUrl: PAYPAL_LOOKALIKE }));
    expect(topOnly.warning?.headline).toContain('paypal.com');
    expect(topOnly.verdict).toBe('verified');
  });

  it('a verified page gets no warning and, with nothing to fill, no engine', async () => {
    const { bg } = await withAccounts([['PayPal', ['paypal.com']]]);
    tree(bg, AMAZON_TOP);
    const state = await ask(bg, sender(AMAZON_TOP, 0));
    expect(state).toMatchObject({ fillable: false, accounts: [], locked: false });
    expect(state.warning).toBeUndefined();
    expect(bg.services.injectEngine).not.toHaveBeenCalled();
  });
});

describe('cs:hello: when the frame tree is read', () => {
  it('not for a verified http top page, nor for an http frame on a verified https page', async () => {
    const { bg } = await withAccounts();
    tree(bg, 'http://www.amazon.com/', AMAZON_MFA);
    const chain = vi.spyOn(bg.services, 'frameChain');
    expect((await ask(bg, sender(AMAZON_MFA, 3, { tabUrl: 'http://www.amazon.com/' }))).fillable).toBe(false);
    expect((await ask(bg, sender('http://www.amazon.com/ap/mfa', 3, { tabUrl: AMAZON_TOP }))).fillable).toBe(false);
    expect(chain).not.toHaveBeenCalled();
    await bg.vault.lock();
    expect((await ask(bg, sender(AMAZON_MFA, 3, { tabUrl: 'http://www.amazon.com/' }))).fillable).toBe(false);
    expect(chain).not.toHaveBeenCalled();
  });

  it('for a verified https frame on a verified https page, for that tab and frame', async () => {
    const { bg } = await withAccounts();
    tree(bg, AMAZON_TOP, AMAZON_MFA);
    const chain = vi.spyOn(bg.services, 'frameChain');
    expect((await ask(bg, sender(AMAZON_MFA, 3, { tabUrl: AMAZON_TOP }))).fillable).toBe(true);
    expect(chain).toHaveBeenCalledWith(7, 3);
  });
});

describe('cs:hello: what the frame is told', () => {
  it('the accounts by id and display name, and the settings for filling', async () => {
    const { bg, ids } = await withAccounts();
    await bg.services.settings.update({ autoFill: false, autoSubmit: true });
    tree(bg, AMAZON_TOP);
    const state = await ask(bg, sender(AMAZON_TOP, 0));
    expect(state.accounts).toEqual([{ id: ids[0], label: 'Amazon — me@example.com' }]);
    expect(state).toMatchObject({ autoFill: false, autoSubmit: true, locked: false, fillable: true });
    await bg.services.settings.update({ autoFill: true, autoSubmit: false });
    expect(await ask(bg, sender(AMAZON_TOP, 0))).toMatchObject({ autoFill: true, autoSubmit: false });
  });

  it('locked: fillable (unlock first) only where the release check would pass, never on a sandboxed or unknown page', async () => {
    const { bg } = await withAccounts();
    tree(bg, AMAZON_TOP, AMAZON_MFA);
    await bg.vault.lock();
    expect(await ask(bg, sender(AMAZON_MFA, 3, { tabUrl: AMAZON_TOP }))).toMatchObject({ locked: true, fillable: true, accounts: [] });
    expect((await ask(bg, sender(AMAZON_TOP, 0, { origin: 'null' }))).fillable).toBe(false);
    bg.tabs.set(8, 'https://example.org/');
    expect((await ask(bg, { ...sender('https://example.org/', 0), tabId: 8 })).fillable).toBe(false);
    // A frame the browser's tree does not know (the chain cannot be read) is not fillable either.
    expect((await ask(bg, sender(AMAZON_MFA, 4, { tabUrl: AMAZON_TOP }))).fillable).toBe(false);
  });

  it('unlocked, a refused frame is not fillable even though the page is verified', async () => {
    const { bg } = await withAccounts();
    tree(bg, AMAZON_TOP);
    expect(await ask(bg, sender(AMAZON_TOP, 0, { origin: 'null' }))).toMatchObject({ locked: false, fillable: false, accounts: [] });
    expect(bg.services.injectEngine).not.toHaveBeenCalled();
  });

  it('the badge is refreshed for the top frame only, with the URL used for warnings', async () => {
    const { bg } = await withAccounts();
    tree(bg, AMAZON_TOP, AMAZON_MFA);
    await ask(bg, sender(AMAZON_MFA, 3, { tabUrl: AMAZON_TOP }));
    expect(bg.services.refreshBadge).not.toHaveBeenCalled();
    await ask(bg, sender('about:blank', 0, { origin: 'https://amazon-account-verify.com' }));
    expect(bg.services.refreshBadge).toHaveBeenCalledWith(7, 'https://amazon-account-verify.com/');
  });

  it('the engine goes to the asking frame when it has something to fill', async () => {
    const { bg } = await withAccounts();
    tree(bg, AMAZON_TOP, AMAZON_MFA);
    await ask(bg, sender(AMAZON_MFA, 3, { tabUrl: AMAZON_TOP }));
    expect(bg.services.injectEngine).toHaveBeenCalledWith(7, 3);
  });
});

describe('frame-context', () => {
  it("the requester is the sender's frame, URL, origin, document and lifecycle, nothing more", () => {
    const full = sender(AMAZON_MFA, 3, { documentId: 'doc-1', documentLifecycle: 'active', tabUrl: AMAZON_LOOKALIKE });
    expect(requesterOf(full)).toStrictEqual({ frameId: 3, url: AMAZON_MFA, origin: 'https://www.amazon.com', documentId: 'doc-1', documentLifecycle: 'active' });
    const bare: ContentScriptSender = { role: 'content-script', tabId: 7, frameId: 2, frameUrl: AMAZON_MFA };
    expect(requesterOf(bare)).toStrictEqual({ frameId: 2, url: AMAZON_MFA });
  });

  it('the chain is the browser tree of the sender\'s tab and frame, not the frame\'s own URL', async () => {
    const { bg } = await withAccounts();
    tree(bg, AMAZON_LOOKALIKE, AMAZON_MFA);
    const context = await frameContext(bg.services, sender(AMAZON_MFA, 3, { tabUrl: AMAZON_TOP }));
    expect(context.chain).toEqual({ ok: true, value: [{ frameId: 0, url: AMAZON_LOOKALIKE }, { frameId: 3, url: AMAZON_MFA }] });
    expect(context.requester.url).toBe(AMAZON_MFA);
  });

  it('a document the page wrote itself is judged, for warnings, by the web origin that wrote it', () => {
    expect(documentUrlForWarnings(sender('about:blank', 3, { origin: 'https://amazon-account-verify.com' }))).toBe('https://amazon-account-verify.com/');
    expect(documentUrlForWarnings(sender('about:blank', 3, { origin: 'null' }))).toBe('about:blank');
    expect(documentUrlForWarnings(sender(AMAZON_MFA, 3))).toBe(AMAZON_MFA);
  });

  it('the top URL: the frame itself at frame 0, else the sender\'s tab URL, else the browser\'s tab', async () => {
    const { bg } = await withAccounts();
    bg.tabs.set(7, AMAZON_LOOKALIKE);
    expect(await topUrlOf(bg.services, sender(AMAZON_TOP, 0, { tabUrl: 'https://other.example/' }))).toBe(AMAZON_TOP);
    expect(await topUrlOf(bg.services, sender(AMAZON_MFA, 3, { tabUrl: 'https://other.example/' }))).toBe('https://other.example/');
    expect(await topUrlOf(bg.services, sender(AMAZON_MFA, 3))).toBe(AMAZON_LOOKALIKE);
    expect(await topUrlOf(bg.services, { ...sender(AMAZON_MFA, 3), tabId: 9 })).toBeUndefined();
  });
});
