/**
 * Hostile pages against the typed-code guard and the fill engine, in a real browser. Every fixture
 * records what the PAGE's own script saw (tests/e2e/fixtures/hostile/recorder.js: events, values it
 * polled, DOM/focus/style changes); the tests assert on that record, not on what the extension believes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, launchHarness } from './harness/browser';
import { createVaultThroughPopup, enrolLink } from './harness/flows';
import { totpWindow } from './harness/otp';

const AMAZON_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
/** Called a lookalike of amazon.com by the detector (brand + "verify account"). */
const LOOKALIKE = 'amazon-verify-account.com';
const CODE = '482915';
const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', 'hostile', name), 'utf8');

let harness: Harness;

interface Seen {
  where: string;
  type: string;
  key: string;
  data: string;
  value: string;
}

/** Everything with a digit in it that the page's script saw: events, and values it read by polling. */
async function digitsThePageSaw(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const w = window as unknown as { __seen: Seen[]; __values: string[] };
    const events = w.__seen.filter((e) => /\d/.test(e.key + e.data + e.value)).map((e) => `${e.where} ${e.type} ${e.key}${e.data} value=${e.value}`);
    return [...events, ...w.__values.filter((value) => /\d/.test(value)).map((value) => `polled ${value}`)];
  });
}

const otpValue = (page: Page) => page.evaluate(() => (document.getElementById('otp') as HTMLInputElement).value);
const focus = (page: Page, id: string) => page.evaluate((target) => document.getElementById(target)?.focus(), id);

/** The question's host element (plain DOM: Playwright's locators overflow on the deep-shadow page). */
const promptCount = (page: Page) => page.evaluate(() => document.querySelectorAll('otp-guard-dialog').length);

async function openBuilt(url: string): Promise<Page> {
  const page = await harness.openAt(url);
  await page.waitForFunction(() => (window as unknown as { __built?: boolean }).__built === true);
  return page;
}

/** Waits for the guard to ask about the held code (the question's UI is someone else's: only its presence is checked). */
async function expectAsked(page: Page): Promise<void> {
  await expect.poll(() => promptCount(page), { timeout: 10_000 }).toBeGreaterThan(0);
}

beforeAll(async () => {
  harness = await launchHarness();
  harness.server.serve('*', '/hostile/recorder.js', { body: fixture('recorder.js'), contentType: 'text/javascript' });
  for (const name of ['deep-shadow', 'channels', 'many-inputs', 'reopen']) harness.server.serve('*', `/hostile/${name}`, fixture(`${name}.html`));
  const popup = await createVaultThroughPopup(harness);
  await enrolLink(popup, `otpauth://totp/Amazon:me%40example.com?secret=${AMAZON_SECRET}&issuer=Amazon`, ['amazon.com']);
  await popup.close();
});
afterAll(async () => harness?.close());

describe('a deep shadow tree (~20,000 nested open shadow roots)', () => {
  it('on a lookalike: typed digits are held, the page sees none', async () => {
    const page = await openBuilt(`https://${LOOKALIKE}/hostile/deep-shadow`);
    // Playwright's own locators recurse over the tree and overflow here: plain DOM calls instead.
    await page.evaluate(() => document.getElementById('otp')?.focus());
    await page.keyboard.type(CODE, { delay: 20 });
    await expectAsked(page);
    expect(await digitsThePageSaw(page)).toEqual([]);
    expect(await otpValue(page)).toBe('');
    await page.close();
  });

  it('on amazon.com: the code is still filled', async () => {
    const page = await openBuilt('https://www.amazon.com/hostile/deep-shadow');
    await expect.poll(() => otpValue(page), { timeout: 10_000 }).toMatch(/^\d{6}$/);
    expect(totpWindow(AMAZON_SECRET, Date.now())).toContain(await otpValue(page));
    await page.close();
  });
});

describe('every way text enters a lookalike page', () => {
  /**
   * Keeps the service worker's thread busy for `ms`: no verdict can reach a page meanwhile, so what the
   * user types first is typed before the page is known to be a lookalike (or not).
   */
  const busyWorker = async (ms: number) => {
    const worker = await harness.serviceWorker();
    return worker.evaluate((wait: number) => {
      const end = Date.now() + wait;
      while (Date.now() < end) {
        // spin
      }
    }, ms);
  };

  it('typing before the verdict has reached the page is held, then asked about', async () => {
    const busy = busyWorker(4_000);
    const page = await harness.context.newPage();
    await page.goto(`https://${LOOKALIKE}/hostile/channels`, { waitUntil: 'domcontentloaded' });
    await page.locator('#plain').focus();
    await page.keyboard.type(CODE);
    expect(await page.evaluate(() => document.querySelector('otp-guard-banner'))).toBeNull(); // no verdict yet
    expect(await promptCount(page)).toBe(0);
    expect(await digitsThePageSaw(page)).toEqual([]);
    await busy;
    await expectAsked(page);
    expect(await digitsThePageSaw(page)).toEqual([]);
    await page.close();
  });

  it('on a site that is not a lookalike, what was typed before the verdict goes in once it arrives', async () => {
    const busy = busyWorker(4_000);
    const page = await harness.context.newPage();
    await page.goto('https://shop.example.com/hostile/channels', { waitUntil: 'domcontentloaded' });
    await page.locator('#plain').focus();
    await page.keyboard.type(`${CODE} `);
    await busy;
    await expect.poll(() => page.locator('#plain').inputValue(), { timeout: 10_000 }).toBe(`${CODE} `);
    expect(await promptCount(page)).toBe(0);
    await page.close();
  });

  it.each([
    ['an input with no code hints', '#plain'],
    ['a contenteditable box', '#editor'],
  ])('%s', async (_name, selector) => {
    const page = await openBuilt(`https://${LOOKALIKE}/hostile/channels`);
    await page.locator(selector).click();
    await page.keyboard.type(CODE, { delay: 20 });
    await expectAsked(page);
    expect(await digitsThePageSaw(page)).toEqual([]);
    await page.close();
  });

  it.each([
    ['an about:blank frame the page wrote', '#blank'],
    ['a srcdoc frame', '#srcdoc'],
  ])('%s', async (_name, selector) => {
    const page = await openBuilt(`https://${LOOKALIKE}/hostile/channels`);
    if (selector === '#srcdoc') await page.waitForFunction(() => (window as unknown as { __srcdocReady?: boolean }).__srcdocReady);
    await page.frameLocator(selector).locator('#inner').click();
    await page.keyboard.type(CODE, { delay: 20 });
    await expectAsked(page);
    expect(await digitsThePageSaw(page)).toEqual([]);
    await page.close();
  });

  it('an about:blank popup window the page opened and wrote', async () => {
    const page = await openBuilt(`https://${LOOKALIKE}/hostile/channels`);
    const opened = harness.context.waitForEvent('page');
    await page.locator('#pop').click();
    const popup = await opened;
    await popup.locator('#inner').focus();
    await popup.keyboard.type(CODE, { delay: 20 });
    await expectAsked(popup);
    expect(await digitsThePageSaw(page)).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('an input in a closed shadow root', async () => {
    const page = await openBuilt(`https://${LOOKALIKE}/hostile/channels`);
    await page.evaluate(() => (window as unknown as { __focusClosed(): void }).__focusClosed());
    await page.keyboard.type(CODE, { delay: 20 });
    await expectAsked(page);
    expect(await digitsThePageSaw(page)).toEqual([]);
    await page.close();
  });

  it('a focus swap to a see-through twin input between keystrokes', async () => {
    const page = await openBuilt(`https://${LOOKALIKE}/hostile/channels`);
    await focus(page, 'visible');
    await page.evaluate(() => (window as unknown as { __startSwap(): void }).__startSwap());
    await page.keyboard.type(CODE, { delay: 40 });
    await expectAsked(page);
    expect(await digitsThePageSaw(page)).toEqual([]);
    await page.close();
  });

  it.each([
    ['an input', '#plain'],
    ['a contenteditable box', '#editor'],
  ])('IME composition into %s (CDP Input.imeSetComposition, then Input.insertText)', async (_name, selector) => {
    const page = await openBuilt(`https://${LOOKALIKE}/hostile/channels`);
    await page.locator(selector).click();
    const cdp: CDPSession = await harness.context.newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: '482', selectionStart: 3, selectionEnd: 3 });
    await cdp.send('Input.imeSetComposition', { text: CODE, selectionStart: 6, selectionEnd: 6 });
    await page.waitForTimeout(100); // the page polls field values every 5 ms
    await cdp.send('Input.insertText', { text: CODE });
    await cdp.detach();
    await expectAsked(page);
    expect(await digitsThePageSaw(page)).toEqual([]);
    expect(await page.locator(selector).evaluate((field) => (field as HTMLInputElement).value ?? field.textContent)).toBe('');
    await page.close();
  });

  it('a page that rewrites itself with document.open() (which erases event listeners) is blanked', async () => {
    const page = await harness.openAt(`https://${LOOKALIKE}/hostile/reopen`);
    await page.waitForFunction(() => (window as unknown as { __built?: boolean }).__built === true);
    // The kit's form is gone before any key could reach the listeners it registered after document.open().
    await expect.poll(() => page.title()).toBe('Stopped by OTP Guard');
    expect(await page.evaluate(() => document.getElementById('otp'))).toBeNull();
    await page.keyboard.type(CODE, { delay: 20 });
    expect(await digitsThePageSaw(page)).toEqual([]);
    await page.close();
  });

  it('drag-and-drop of text from outside the page', async () => {
    const page = await openBuilt(`https://${LOOKALIKE}/hostile/channels`);
    const box = await page.locator('#plain').boundingBox();
    if (!box) throw new Error('no box for #plain');
    const at = { x: box.x + 10, y: box.y + box.height / 2 };
    const cdp = await harness.context.newCDPSession(page);
    const data = { items: [{ mimeType: 'text/plain', data: `Your code: ${CODE}` }], dragOperationsMask: 1 };
    for (const type of ['dragEnter', 'dragOver', 'drop'] as const) await cdp.send('Input.dispatchDragEvent', { type, ...at, data });
    await cdp.detach();
    await expectAsked(page);
    expect(await digitsThePageSaw(page)).toEqual([]);
    expect(await page.locator('#plain').inputValue()).toBe('');
    await page.close();
  });

  it('paste (Ctrl+V) of a message with the code', async () => {
    const page = await openBuilt(`https://${LOOKALIKE}/hostile/channels`);
    // The clipboard is filled from another page, so the lookalike's script never handles the text itself.
    const other = await harness.openAt('https://shop.example.com/hostile/channels');
    await harness.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://shop.example.com' });
    await other.evaluate((text) => navigator.clipboard.writeText(text), `Your Amazon code is ${CODE}`);
    await other.close();
    await page.bringToFront();
    await page.locator('#plain').click();
    await page.keyboard.press('Control+V');
    await expectAsked(page);
    expect(await digitsThePageSaw(page)).toEqual([]);
    expect(await page.locator('#plain').inputValue()).toBe('');
    await page.close();
  });

  it('what still passes without a question: text without digits, and a short number ended by a letter', async () => {
    const page = await openBuilt(`https://${LOOKALIKE}/hostile/channels`);
    await page.locator('#plain').click();
    await page.keyboard.type('red shoes size 42 wide', { delay: 10 });
    await expect.poll(() => page.locator('#plain').inputValue()).toBe('red shoes size 42 wide');
    expect(await promptCount(page)).toBe(0);
    await page.close();
  });
});

describe('the same channels on a site that is not a lookalike', () => {
  it.each([
    ['an about:blank frame', '#blank'],
    ['a srcdoc frame', '#srcdoc'],
  ])('%s: typed digits go in as typed', async (_name, selector) => {
    const page = await openBuilt('https://shop.example.com/hostile/channels');
    if (selector === '#srcdoc') await page.waitForFunction(() => (window as unknown as { __srcdocReady?: boolean }).__srcdocReady);
    const inner = page.frameLocator(selector).locator('#inner');
    await inner.click();
    await page.keyboard.type(CODE, { delay: 20 });
    await expect.poll(() => inner.inputValue()).toBe(CODE);
    expect(await promptCount(page)).toBe(0);
    await page.close();
  });
});

describe('observing held digits', () => {
  it('the page sees no DOM, focus, style or value change while digits are held', async () => {
    const page = await openBuilt(`https://${LOOKALIKE}/hostile/channels`);
    await focus(page, 'visible');
    await page.waitForTimeout(300); // the banner and the engine have settled
    const before = await page.evaluate(() => (window as unknown as { __changes: unknown[] }).__changes.length);
    await page.keyboard.type('482', { delay: 50 });
    await page.waitForTimeout(2_000); // longer than the guard's pause: a short run is never asked about
    const changes = await page.evaluate((from) => (window as unknown as { __changes: unknown[] }).__changes.slice(from), before);
    expect(changes).toEqual([]);
    expect(await digitsThePageSaw(page)).toEqual([]);
    expect(await promptCount(page)).toBe(0);
    await page.close();
  });
});

describe('pages with very many inputs', () => {
  it.each([10_000, 100_000])('%i visible inputs: the guard is still active', async (count) => {
    const page = await harness.context.newPage();
    await page.goto(`https://${LOOKALIKE}/hostile/many-inputs?n=${count}`, { timeout: 60_000 });
    await page.waitForFunction(() => (window as unknown as { __built?: boolean }).__built === true, undefined, { timeout: 60_000 });
    await focus(page, 'otp');
    await page.keyboard.type(CODE, { delay: 20 });
    await expectAsked(page);
    expect(await digitsThePageSaw(page)).toEqual([]);
    await page.close();
  }, 120_000);
});
