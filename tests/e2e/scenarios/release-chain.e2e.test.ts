/**
 * Shared scenario (Chromium and Firefox): origins and the whole frame chain. An amazon.com document with an opaque
 * origin (sandboxed iframe, `Content-Security-Policy: sandbox`) and an amazon.com frame below a foreign frame get
 * no code, by automatic fill nor when asked to fill (the context menu's path); the same shapes without the flaw
 * are filled. Every case asserts what the page's own script saw (window.__seen).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DriverPage, driverForThisFile } from '../harness/driver';
import { totpWindow } from '../harness/otp';
import { createVault, enrolLink, sendFrom } from '../harness/scenario-flows';
import { eventually, sleep, until } from '../harness/ui';

const AMAZON_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const BROWSER = process.env.OTP_GUARD_E2E_BROWSER ?? 'chromium';
const fixture = (name: string) => readFileSync(join(import.meta.dirname, '..', 'fixtures', 'chain', name), 'utf8');
const REFUSED = 'cs:request-code refused: not-allowed';

// Run in an extension page, where `chrome` exists.
declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  extension: { getViews?(): Window[] };
  webNavigation: { getAllFrames(details: { tabId: number }): Promise<{ frameId: number; url: string }[] | null> };
  scripting: { executeScript(options: object): Promise<unknown> };
  tabs: { sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown> };
};

let popup: DriverPage;
const driver = driverForThisFile(async (d) => {
  const serve = (host: string, path: string, name: string) => d.server.serve(host, path, fixture(name));
  serve('www.amazon.com', '/chain/mfa', 'mfa.html');
  serve('www.amazon.com', '/chain/sandboxed', 'sandboxed.html');
  serve('www.amazon.com', '/chain/same', 'same.html');
  serve('www.amazon.com', '/chain/outer-foreign', 'outer-foreign.html');
  serve('www.amazon.com', '/chain/outer-same', 'outer-same.html');
  serve('www.amazon.com', '/chain/middle', 'middle.html');
  serve('widgets.example-cdn.net', '/chain/middle', 'middle.html');
  for (const kind of ['srcdoc', 'data', 'blob']) serve('www.amazon.com', `/chain/outer-${kind}`, `outer-${kind}.html`);
  d.server.serve('www.amazon.com', '/chain/csp-sandbox', { body: fixture('mfa.html'), headers: { 'content-security-policy': 'sandbox allow-scripts allow-forms' } });
  popup = await createVault(d);
  await enrolLink(popup, `otpauth://totp/Amazon:me%40example.com?secret=${AMAZON_SECRET}&issuer=Amazon`, ['amazon.com']);
});

interface Seen {
  origin: string;
  seen: string[];
  value: string;
}

/** What the document's own script recorded, read in its own world. */
function readSeen(): Seen {
  const page = window as unknown as { __origin: string; __seen: string[] };
  return { origin: page.__origin, seen: [...page.__seen], value: (document.querySelector('#auth-mfa-otpcode') as HTMLInputElement).value };
}

/** The amazon.com document at `path` (a data: frame's URL can contain the same text: match the start). */
const amazonAt = (path: string) => `https://www.amazon.com${path}`;

/** What the frame's own script saw, once the frame and its field are there. */
async function frameSaw(page: DriverPage, path: string): Promise<Seen> {
  return until(() => page.evaluateInFrame(amazonAt(path), readSeen), `the frame ${path} and its field`, 10_000);
}

const filledFrame = (page: DriverPage, path: string) =>
  eventually(() => frameSaw(page, path), (seen) => /^\d{6}$/.test(seen.value), `a code in the frame ${path}`, 10_000);

/** Ample time for the engine to (wrongly) fill. */
const settle = () => sleep(1_500);

/**
 * What the context menu's "Fill one-time code" does for the frame that was right-clicked: inject the engine into
 * that frame, then tell it to fill now (it asks the background for a code for its focused field).
 */
async function askToFill(page: DriverPage, path: string): Promise<void> {
  await page.evaluateInFrame(amazonAt(path), () => (document.querySelector('#auth-mfa-otpcode') as HTMLInputElement).focus());
  const tabId = await driver().tabIdOf(page);
  await driver().inExtension(
    async ({ tabId, prefix }) => {
      // As the background: the content script takes orders only from a sender without a tab, and Firefox gives
      // an extension page in a tab one. Firefox's event page is a window this page can reach (woken first);
      // Chromium's worker is not, and there an extension page's message has no tab.
      await chrome.runtime.sendMessage({ type: 'ui:vault-status' });
      const views = chrome.extension.getViews?.() ?? [];
      const background = views.find((view) => view.location.pathname === '/_generated_background_page.html') as unknown as { chrome?: typeof chrome } | undefined;
      const api = background?.chrome ?? chrome;
      const frames = (await api.webNavigation.getAllFrames({ tabId })) ?? [];
      const target = frames.find((candidate) => candidate.url.startsWith(prefix));
      if (!target) throw new Error(`no frame at ${prefix}`);
      await api.scripting.executeScript({ target: { tabId, frameIds: [target.frameId] }, files: ['/content/engine.js'], injectImmediately: true });
      await api.tabs.sendMessage(tabId, { type: 'bg:fill-now', overwrite: true }, { frameId: target.frameId });
    },
    { tabId, prefix: amazonAt(path) },
  );
}

const expectCode = (value: string) => expect(totpWindow(AMAZON_SECRET, Date.now())).toContain(value);
const refusals = () => driver().backgroundConsole().filter((line) => line.includes(REFUSED)).length;

describe(`automatic fill: origins and the whole frame chain (${BROWSER})`, () => {
  it('fills amazon.com → amazon.com frame (control), but not the same frame sandboxed', async () => {
    const control = await driver().openAt('https://www.amazon.com/chain/same');
    const saw = await filledFrame(control, '/chain/mfa?in=same');
    expect(saw.origin).toBe('https://www.amazon.com');
    expectCode(saw.value);
    expect(saw.seen).toContain(`change:${saw.value}`);
    await control.close();

    const page = await driver().openAt('https://www.amazon.com/chain/sandboxed');
    await frameSaw(page, '/chain/mfa?in=sandbox');
    await settle();
    expect(await frameSaw(page, '/chain/mfa?in=sandbox')).toEqual({ origin: 'null', seen: [], value: '' });
    await page.close();
  });

  it('fills the amazon.com page (control), but not the same page served with CSP: sandbox', async () => {
    const control = await driver().openAt('https://www.amazon.com/chain/mfa?in=top');
    const seen = await eventually(() => control.evaluate(readSeen), (saw) => /^\d{6}$/.test(saw.value), 'a code in the page', 10_000);
    expectCode(seen.value);
    await control.close();

    const page = await driver().openAt('https://www.amazon.com/chain/csp-sandbox');
    await until(() => page.evaluate(() => document.querySelector('#auth-mfa-otpcode') !== null), 'the field');
    await settle();
    expect(await page.evaluate(readSeen)).toEqual({ origin: 'null', seen: [], value: '' });
    await page.close();
  });

  it('fills amazon.com → amazon.com → amazon.com (control), but not amazon.com → foreign frame → amazon.com', async () => {
    const control = await driver().openAt('https://www.amazon.com/chain/outer-same');
    expectCode((await filledFrame(control, '/chain/mfa?in=nested')).value);
    await control.close();

    const page = await driver().openAt('https://www.amazon.com/chain/outer-foreign');
    await frameSaw(page, '/chain/mfa?in=nested');
    expect(page.frameUrls().some((url) => url.startsWith('https://widgets.example-cdn.net/'))).toBe(true);
    await settle();
    expect(await frameSaw(page, '/chain/mfa?in=nested')).toEqual({ origin: 'https://www.amazon.com', seen: [], value: '' });
    await page.close();
  });

  it.each([
    ['about:srcdoc', 'srcdoc'],
    ['data:', 'data'],
    ['blob:', 'blob'],
  ])('does not fill amazon.com → %s frame → amazon.com (a middle frame without an https URL)', async (_name, kind) => {
    const page = await driver().openAt(`https://www.amazon.com/chain/outer-${kind}`);
    await frameSaw(page, `/chain/mfa?in=${kind}`);
    await settle();
    expect(await frameSaw(page, `/chain/mfa?in=${kind}`)).toEqual({ origin: 'https://www.amazon.com', seen: [], value: '' });
    await page.close();
  });
});

describe(`asked to fill (the context menu’s path): the background refuses by itself (${BROWSER})`, () => {
  beforeAll(() => sendFrom(popup, { type: 'ui:set-settings', patch: { autoFill: false } }));
  afterAll(() => sendFrom(popup, { type: 'ui:set-settings', patch: { autoFill: true } }));

  it('gives the code to amazon.com → amazon.com → amazon.com when asked (control)', async () => {
    const page = await driver().openAt('https://www.amazon.com/chain/outer-same');
    await frameSaw(page, '/chain/mfa?in=nested');
    await settle();
    expect((await frameSaw(page, '/chain/mfa?in=nested')).value).toBe('');
    await askToFill(page, '/chain/mfa?in=nested');
    expectCode((await filledFrame(page, '/chain/mfa?in=nested')).value);
    await page.close();
  });

  it.each([
    ['a sandboxed iframe on www.amazon.com', 'https://www.amazon.com/chain/sandboxed', '/chain/mfa?in=sandbox'],
    ['a page served with CSP: sandbox', 'https://www.amazon.com/chain/csp-sandbox', '/chain/csp-sandbox'],
    ['amazon.com below a foreign frame', 'https://www.amazon.com/chain/outer-foreign', '/chain/mfa?in=nested'],
    ['amazon.com below an about:srcdoc frame', 'https://www.amazon.com/chain/outer-srcdoc', '/chain/mfa?in=srcdoc'],
    ['amazon.com below a data: frame', 'https://www.amazon.com/chain/outer-data', '/chain/mfa?in=data'],
  ])('refuses %s when asked', async (_name, url, framePart) => {
    const page = await driver().openAt(url);
    await frameSaw(page, framePart);
    const before = refusals();
    await askToFill(page, framePart);
    // The background's answer is logged; the page must have seen nothing at all.
    await eventually(async () => refusals(), (count) => count > before, `the background to log "${REFUSED}"`, 10_000);
    await settle();
    expect(await frameSaw(page, framePart)).toMatchObject({ seen: [], value: '' });
    await page.close();
  });
});
