/**
 * Origins and the whole frame chain, in a real browser: an amazon.com document with an opaque origin
 * (sandboxed iframe, `Content-Security-Policy: sandbox`) and an amazon.com frame below a foreign frame
 * get no code, by automatic fill nor when asked to fill (the context menu's path); the same shapes
 * without the flaw are filled. Every case asserts what the page's own script saw (window.__seen).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, launchHarness } from './harness/browser';
import { createVaultThroughPopup, enrolLink, sendFromPopup } from './harness/flows';
import { totpWindow } from './harness/otp';

const AMAZON_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const FIELD = '#auth-mfa-otpcode';
const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', 'chain', name), 'utf8');

// The worker-side helpers below run inside the extension's service worker, where `chrome` exists.
declare const chrome: {
  webNavigation: { getAllFrames(details: { tabId: number }): Promise<{ frameId: number; url: string }[] | null> };
  scripting: { executeScript(options: object): Promise<unknown> };
  tabs: { sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown> };
};

let harness: Harness;
let popup: Page;

interface Seen {
  origin: string;
  seen: string[];
  value: string;
}

/** What the document's own script recorded, read in its own world. */
const pageSaw = (frame: Page | Frame): Promise<Seen> =>
  frame.evaluate(() => {
    const page = window as unknown as { __origin: string; __seen: string[] };
    return { origin: page.__origin, seen: [...page.__seen], value: (document.querySelector('#auth-mfa-otpcode') as HTMLInputElement).value };
  });

/** The amazon.com document at `path` (a data: frame's URL can contain the same text: match the start). */
const isAmazonAt = (url: string, path: string) => url.startsWith(`https://www.amazon.com${path}`);

async function frameAt(page: Page, path: string): Promise<Frame> {
  await expect.poll(() => page.frames().some((frame) => isAmazonAt(frame.url(), path)), { timeout: 10_000 }).toBe(true);
  const frame = page.frames().find((candidate) => isAmazonAt(candidate.url(), path))!;
  await frame.locator(FIELD).waitFor({ state: 'attached' });
  return frame;
}

/** Ample time for the engine to (wrongly) fill. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 1_500));

/**
 * What the context menu's "Fill one-time code" does for the frame that was right-clicked: inject the
 * engine into that frame, then tell it to fill now (it asks the background for a code for its focused field).
 */
async function askToFill(page: Page, frame: Frame, path: string): Promise<void> {
  await frame.locator(FIELD).focus();
  const tabId = await harness.tabIdOf(page);
  const worker = await harness.serviceWorker();
  await worker.evaluate(
    async ({ tabId, prefix }) => {
      const frames = (await chrome.webNavigation.getAllFrames({ tabId })) ?? [];
      const target = frames.find((candidate) => candidate.url.startsWith(prefix));
      if (!target) throw new Error(`no frame at ${prefix}`);
      await chrome.scripting.executeScript({ target: { tabId, frameIds: [target.frameId] }, files: ['content/engine.js'], injectImmediately: true });
      await chrome.tabs.sendMessage(tabId, { type: 'bg:fill-now', overwrite: true }, { frameId: target.frameId });
    },
    { tabId, prefix: `https://www.amazon.com${path}` },
  );
}

const expectCode = (value: string) => expect(totpWindow(AMAZON_SECRET, Date.now())).toContain(value);

beforeAll(async () => {
  harness = await launchHarness();
  const serve = (host: string, path: string, name: string) => harness.server.serve(host, path, fixture(name));
  serve('www.amazon.com', '/chain/mfa', 'mfa.html');
  serve('www.amazon.com', '/chain/sandboxed', 'sandboxed.html');
  serve('www.amazon.com', '/chain/same', 'same.html');
  serve('www.amazon.com', '/chain/outer-foreign', 'outer-foreign.html');
  serve('www.amazon.com', '/chain/outer-same', 'outer-same.html');
  serve('www.amazon.com', '/chain/middle', 'middle.html');
  serve('widgets.example-cdn.net', '/chain/middle', 'middle.html');
  for (const kind of ['srcdoc', 'data', 'blob']) serve('www.amazon.com', `/chain/outer-${kind}`, `outer-${kind}.html`);
  harness.server.serve('www.amazon.com', '/chain/csp-sandbox', {
    body: fixture('mfa.html'),
    headers: { 'content-security-policy': 'sandbox allow-scripts allow-forms' },
  });
  popup = await createVaultThroughPopup(harness);
  await enrolLink(popup, `otpauth://totp/Amazon:me%40example.com?secret=${AMAZON_SECRET}&issuer=Amazon`, ['amazon.com']);
});
afterAll(async () => harness?.close());

describe('automatic fill: origins and the whole frame chain', () => {
  it('fills amazon.com → amazon.com frame (control), but not the same frame sandboxed', async () => {
    const control = await harness.openAt('https://www.amazon.com/chain/same');
    const legit = await frameAt(control, '/chain/mfa?in=same');
    await expect.poll(async () => (await pageSaw(legit)).value, { timeout: 10_000 }).toMatch(/^\d{6}$/);
    const saw = await pageSaw(legit);
    expect(saw.origin).toBe('https://www.amazon.com');
    expectCode(saw.value);
    expect(saw.seen).toContain(`change:${saw.value}`);
    await control.close();

    const page = await harness.openAt('https://www.amazon.com/chain/sandboxed');
    const sandboxed = await frameAt(page, '/chain/mfa?in=sandbox');
    await settle();
    expect(await pageSaw(sandboxed)).toEqual({ origin: 'null', seen: [], value: '' });
    await page.close();
  });

  it('fills the amazon.com page (control), but not the same page served with CSP: sandbox', async () => {
    const control = await harness.openAt('https://www.amazon.com/chain/mfa?in=top');
    await expect.poll(async () => (await pageSaw(control)).value, { timeout: 10_000 }).toMatch(/^\d{6}$/);
    expectCode((await pageSaw(control)).value);
    await control.close();

    const page = await harness.openAt('https://www.amazon.com/chain/csp-sandbox');
    await page.locator(FIELD).waitFor({ state: 'attached' });
    await settle();
    expect(await pageSaw(page)).toEqual({ origin: 'null', seen: [], value: '' });
    await page.close();
  });

  it('fills amazon.com → amazon.com → amazon.com (control), but not amazon.com → foreign frame → amazon.com', async () => {
    const control = await harness.openAt('https://www.amazon.com/chain/outer-same');
    const nested = await frameAt(control, '/chain/mfa?in=nested');
    await expect.poll(async () => (await pageSaw(nested)).value, { timeout: 10_000 }).toMatch(/^\d{6}$/);
    expectCode((await pageSaw(nested)).value);
    await control.close();

    const page = await harness.openAt('https://www.amazon.com/chain/outer-foreign');
    expect(page.frames().some((frame) => frame.url().startsWith('https://widgets.example-cdn.net/'))).toBe(true);
    const below = await frameAt(page, '/chain/mfa?in=nested');
    await settle();
    expect(await pageSaw(below)).toEqual({ origin: 'https://www.amazon.com', seen: [], value: '' });
    await page.close();
  });

  it.each([
    ['about:srcdoc', 'srcdoc'],
    ['data:', 'data'],
    ['blob:', 'blob'],
  ])('does not fill amazon.com → %s frame → amazon.com (a middle frame without an https URL)', async (_name, kind) => {
    const page = await harness.openAt(`https://www.amazon.com/chain/outer-${kind}`);
    const below = await frameAt(page, `/chain/mfa?in=${kind}`);
    await settle();
    expect(await pageSaw(below)).toEqual({ origin: 'https://www.amazon.com', seen: [], value: '' });
    await page.close();
  });
});

describe('asked to fill (the context menu’s path): the background refuses by itself', () => {
  beforeAll(() => sendFromPopup(popup, { type: 'ui:set-settings', patch: { autoFill: false } }));
  afterAll(() => sendFromPopup(popup, { type: 'ui:set-settings', patch: { autoFill: true } }));

  it('gives the code to amazon.com → amazon.com → amazon.com when asked (control)', async () => {
    const page = await harness.openAt('https://www.amazon.com/chain/outer-same');
    const nested = await frameAt(page, '/chain/mfa?in=nested');
    await settle();
    expect((await pageSaw(nested)).value).toBe('');
    await askToFill(page, nested, '/chain/mfa?in=nested');
    await expect.poll(async () => (await pageSaw(nested)).value, { timeout: 10_000 }).toMatch(/^\d{6}$/);
    expectCode((await pageSaw(nested)).value);
    await page.close();
  });

  it.each([
    ['a sandboxed iframe on www.amazon.com', 'https://www.amazon.com/chain/sandboxed', '/chain/mfa?in=sandbox'],
    ['a page served with CSP: sandbox', 'https://www.amazon.com/chain/csp-sandbox', '/chain/csp-sandbox'],
    ['amazon.com below a foreign frame', 'https://www.amazon.com/chain/outer-foreign', '/chain/mfa?in=nested'],
    ['amazon.com below an about:srcdoc frame', 'https://www.amazon.com/chain/outer-srcdoc', '/chain/mfa?in=srcdoc'],
    ['amazon.com below a data: frame', 'https://www.amazon.com/chain/outer-data', '/chain/mfa?in=data'],
  ])('refuses %s when asked', async (_name, url, framePart) => {
    const page = await harness.openAt(url);
    const frame = await frameAt(page, framePart);
    const refusalsBefore = harness.workerLogs.filter((line) => line.includes('cs:request-code refused: not-allowed')).length;
    await askToFill(page, frame, framePart);
    // The background's answer is logged; the page must have seen nothing at all.
    await expect
      .poll(() => harness.workerLogs.filter((line) => line.includes('cs:request-code refused: not-allowed')).length, { timeout: 10_000 })
      .toBeGreaterThan(refusalsBefore);
    await settle();
    expect(await pageSaw(frame)).toMatchObject({ seen: [], value: '' });
    await page.close();
  });
});
