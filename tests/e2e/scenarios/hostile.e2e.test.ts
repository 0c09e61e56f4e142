/**
 * Shared scenario (Chromium and Firefox): hostile pages against the typed-code guard and the fill engine. Every
 * fixture records what the PAGE's own script saw (fixtures/hostile/recorder.js: events, values it polled,
 * DOM/focus/style changes); the tests assert on that record, not on what the extension believes.
 * Lookalike visits pass OTP Guard's warning page if it comes (openLookalike): the tests are about the page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canExpress, type DriverPage, driverForThisFile } from '../harness/driver';
import { closeQuestionWindows, openLookalike } from '../harness/lookalike';
import { totpWindow } from '../harness/otp';
import { createVault, enrolLink } from '../harness/scenario-flows';
import { click, countOf, eventually, sleep, until } from '../harness/ui';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

const AMAZON_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
/** Called a lookalike of amazon.com by the detector (brand + "verify account"; high confidence). */
const LOOKALIKE = 'amazon-verify-account.com';
/** A lookalike the detector is less sure of (medium: banner, never the warning page), for typing before the verdict. */
const MEDIUM_LOOKALIKE = 'amazon-help.net';
const CODE = '482915';
const BROWSER = process.env.OTP_GUARD_E2E_BROWSER ?? 'chromium';
/** Firefox ESR 140 (not 153): some about:blank documents behave differently there (see the cases below). */
const ESR_140 = BROWSER === 'firefox' && (await import('../harness/firefox')).firefoxMajorVersion() < 153;
const fixture = (name: string) => readFileSync(join(import.meta.dirname, '..', 'fixtures', 'hostile', name), 'utf8');

const driver = driverForThisFile(async (d) => {
  d.server.serve('*', '/hostile/recorder.js', { body: fixture('recorder.js'), contentType: 'text/javascript' });
  for (const name of ['deep-shadow', 'channels', 'many-inputs', 'reopen']) d.server.serve('*', `/hostile/${name}`, fixture(`${name}.html`));
  const popup = await createVault(d);
  await enrolLink(popup, `otpauth://totp/Amazon:me%40example.com?secret=${AMAZON_SECRET}&issuer=Amazon`, ['amazon.com']);
  await popup.close();
});

interface Seen {
  where: string;
  type: string;
  key: string;
  data: string;
  value: string;
}

/** Everything with a digit in it that the page's script saw: events, and values it read by polling. */
function digitsThePageSaw(page: DriverPage): Promise<string[]> {
  return page.evaluate(() => {
    const w = window as unknown as { __seen: Seen[]; __values: string[] };
    const events = w.__seen.filter((e) => /\d/.test(e.key + e.data + e.value)).map((e) => `${e.where} ${e.type} ${e.key}${e.data} value=${e.value}`);
    return [...events, ...w.__values.filter((value) => /\d/.test(value)).map((value) => `polled ${value}`)];
  });
}

const built = (page: DriverPage) => page.evaluate(() => (window as unknown as { __built?: boolean }).__built === true);
const fieldText = (page: DriverPage, id: string) =>
  page.evaluate((target) => {
    const field = document.getElementById(target) as HTMLInputElement | null;
    return field?.value ?? field?.textContent ?? null;
  }, id);
const focus = (page: DriverPage, id: string) => page.evaluate((target) => document.getElementById(target)?.focus(), id);
/** The question's in-page hint (plain DOM: the deep-shadow page overflows generic tree walks). */
const promptCount = (page: DriverPage) => countOf(page, 'otp-guard-dialog');

/** Opens a fixture on the lookalike (past the warning page, if any) once its script has built the page. */
async function openBuilt(url: string, timeoutMs?: number): Promise<DriverPage> {
  const page = await openLookalike(driver(), url, { ready: built, ...(timeoutMs ? { timeoutMs } : {}) });
  return page;
}

async function openBuiltLegit(url: string): Promise<DriverPage> {
  const page = await driver().openAt(url);
  await until(() => built(page), `${url} to be built`);
  return page;
}

/** Waits for the guard to ask about the held code (the question's UI is someone else's: only its presence). */
async function expectAsked(page: DriverPage): Promise<void> {
  await eventually(() => promptCount(page), (count) => count > 0, 'the question about the held code', 10_000);
}

async function done(...pages: DriverPage[]): Promise<void> {
  for (const page of pages) if (!page.isClosed()) await page.close();
  await closeQuestionWindows(driver());
}

/** A real click on the element `inner` inside the frame `frame` (a same-origin frame the page wrote). */
async function clickInFrame(page: DriverPage, frame: string, inner: string): Promise<void> {
  const at = await page.evaluate(
    ({ frame, inner }) => {
      const element = document.querySelector(frame) as HTMLIFrameElement;
      const box = element.getBoundingClientRect();
      const field = element.contentDocument?.querySelector(inner)?.getBoundingClientRect();
      if (!field) return null;
      return { x: box.x + element.clientLeft + field.x + field.width / 2, y: box.y + element.clientTop + field.y + field.height / 2 };
    },
    { frame, inner },
  );
  if (!at) throw new Error(`no ${inner} in ${frame}`);
  await page.clickAt(at.x, at.y);
}

/**
 * ESR 140 replaces an iframe's initial about:blank document after the page's script wrote into it (ESR 153 and
 * Chromium keep it), so the field the page wrote is gone: write it again as the page would, and watch it again.
 */
async function rewriteBlankFrameIfReplaced(page: DriverPage): Promise<void> {
  await page.evaluate(() => {
    const blank = document.getElementById('blank') as HTMLIFrameElement;
    const doc = blank.contentDocument;
    if (!doc || doc.getElementById('inner')) return;
    doc.body.innerHTML = '<input id="inner" name="code">';
    const page = window as unknown as { __watch(win: Window | null, where: string): void; __track(field: Element | null): void };
    page.__watch(blank.contentWindow, 'blank');
    page.__track(doc.getElementById('inner'));
  });
}

const frameValue = (page: DriverPage, frame: string) =>
  page.evaluate((css) => (document.querySelector(css) as HTMLIFrameElement).contentDocument?.querySelector<HTMLInputElement>('#inner')?.value ?? null, frame);
const srcdocReady = (page: DriverPage) => until(() => page.evaluate(() => (window as unknown as { __srcdocReady?: boolean }).__srcdocReady), 'the srcdoc frame');

/**
 * A case Firefox gets wrong today (a product bug, reported): run as an expected failure there, so the suite stays
 * green and turns red the day the bug is fixed (then drop the wrapper). Chromium runs it as a normal test.
 */
const firefoxBug = (bug: string) =>
  BROWSER === 'firefox'
    ? (name: string, fn: () => Promise<void>) => it.fails(`${name} [expected to fail in Firefox: ${bug}]`, { retry: 0 }, fn)
    : (name: string, fn: () => Promise<void>) => it(name, fn);

describe(`a deep shadow tree, ~20,000 nested open shadow roots (${BROWSER})`, () => {
  it('on a lookalike: typed digits are held, the page sees none', async () => {
    const page = await openBuilt(`https://${LOOKALIKE}/hostile/deep-shadow`);
    await focus(page, 'otp');
    await page.typeKeys(CODE, 20);
    await expectAsked(page);
    expect(await digitsThePageSaw(page)).toEqual([]);
    expect(await fieldText(page, 'otp')).toBe('');
    await done(page);
  });

  it('on amazon.com: the code is still filled', async () => {
    const page = await openBuiltLegit('https://www.amazon.com/hostile/deep-shadow');
    const value = await eventually(() => fieldText(page, 'otp'), (text) => /^\d{6}$/.test(text ?? ''), 'a code in #otp', 10_000);
    expect(totpWindow(AMAZON_SECRET, Date.now())).toContain(value);
    await done(page);
  });
});

describe(`every way text enters a lookalike page (${BROWSER})`, () => {
  /** A tab at `url` once its DOM is there, while the background may still be busy (no verdict yet). */
  async function openWhileBusy(url: string): Promise<DriverPage> {
    const page = await driver().newTab();
    await page.navigate(url);
    await until(async () => (await page.location()) === url && (await page.evaluate(() => document.readyState !== 'loading')), `${url}'s DOM`);
    return page;
  }

  it('typing before the verdict has reached the page is held, then asked about', async () => {
    await driver().inExtension(() => chrome.runtime.sendMessage({ type: 'ui:vault-status' })); // awake (Firefox stops it when idle)
    const busy = driver().busyBackground(4_000);
    await sleep(200); // the spin has started before the navigation
    const page = await openWhileBusy(`https://${MEDIUM_LOOKALIKE}/hostile/channels`);
    await focus(page, 'plain');
    await page.typeKeys(CODE);
    expect(await countOf(page, 'otp-guard-banner')).toBe(0); // no verdict yet
    expect(await promptCount(page)).toBe(0);
    expect(await digitsThePageSaw(page)).toEqual([]);
    await busy;
    await expectAsked(page);
    expect(await digitsThePageSaw(page)).toEqual([]);
    await done(page);
  });

  it('on a site that is not a lookalike, what was typed before the verdict goes in once it arrives', async () => {
    const busy = driver().busyBackground(4_000);
    const page = await openWhileBusy('https://shop.example.com/hostile/channels');
    await focus(page, 'plain');
    await page.typeKeys(`${CODE} `);
    await busy;
    await eventually(() => fieldText(page, 'plain'), (value) => value === `${CODE} `, 'what was typed to go in', 10_000);
    expect(await promptCount(page)).toBe(0);
    await done(page);
  });

  it.each([
    ['an input with no code hints', '#plain'],
    ['a contenteditable box', '#editor'],
  ])('%s', async (_name, selector) => {
    const page = await openBuilt(`https://${LOOKALIKE}/hostile/channels`);
    await click(page, { css: selector });
    await page.typeKeys(CODE, 20);
    await expectAsked(page);
    expect(await digitsThePageSaw(page)).toEqual([]);
    await done(page);
  });

  for (const [name, selector] of [
    ['an about:blank frame the page wrote', '#blank'],
    ['a srcdoc frame', '#srcdoc'],
  ] as const)
    it(name, async () => {
    const page = await openBuilt(`https://${LOOKALIKE}/hostile/channels`);
    if (selector === '#srcdoc') await srcdocReady(page);
    else await rewriteBlankFrameIfReplaced(page);
    await clickInFrame(page, selector, '#inner');
    await page.typeKeys(CODE, 20);
    await expectAsked(page);
    expect(await digitsThePageSaw(page)).toEqual([]);
    await done(page);
    });

  // ESR 140 (measured): a window.open('') popup keeps its initial about:blank document (readyState
  // "uninitialized"), into which ESR 140 injects no content script at all: no guard there, the page's listeners
  // get every digit (ESR 153 and Chromium run the content script in it). Reported as an expected failure.
  const popupBug = ESR_140
    ? (name: string, fn: () => Promise<void>) =>
        it.fails(`${name} [expected to fail on ESR 140: no content script runs in a popup's initial about:blank ("uninitialized") document, the page gets every digit]`, { retry: 0 }, fn)
    : (name: string, fn: () => Promise<void>) => it(name, fn);
  popupBug('an about:blank popup window the page opened and wrote', async () => {
    const page = await openBuilt(`https://${LOOKALIKE}/hostile/channels`);
    const opened = driver().nextPage((url) => url === 'about:blank');
    await click(page, { css: '#pop' });
    const popup = await opened;
    await until(() => popup.evaluate(() => document.getElementById('inner') !== null), 'the popup’s field');
    await popup.evaluate(() => document.getElementById('inner')?.focus());
    await popup.typeKeys(CODE, 20);
    await expectAsked(popup);
    expect(await digitsThePageSaw(page)).toEqual([]);
    await done(popup, page);
  });

  it('an input in a closed shadow root', async () => {
    const page = await openBuilt(`https://${LOOKALIKE}/hostile/channels`);
    await page.evaluate(() => (window as unknown as { __focusClosed(): void }).__focusClosed());
    await page.typeKeys(CODE, 20);
    await expectAsked(page);
    expect(await digitsThePageSaw(page)).toEqual([]);
    await done(page);
  });

  it('a focus swap to a see-through twin input between keystrokes', async () => {
    const page = await openBuilt(`https://${LOOKALIKE}/hostile/channels`);
    await focus(page, 'visible');
    await page.evaluate(() => (window as unknown as { __startSwap(): void }).__startSwap());
    await page.typeKeys(CODE, 40);
    await expectAsked(page);
    expect(await digitsThePageSaw(page)).toEqual([]);
    await done(page);
  });

  const noIme = !canExpress('ime');
  it.skipIf(noIme).each([
    ['an input', 'plain'],
    ['a contenteditable box', 'editor'],
  ])(
    `IME composition into %s (CDP Input.imeSetComposition, then Input.insertText${noIme ? '; skipped: WebDriver BiDi has no IME composition' : ''})`,
    async (_name, id) => {
      const page = await openBuilt(`https://${LOOKALIKE}/hostile/channels`);
      await click(page, { css: `#${id}` });
      const compose = driver().imeCompose;
      if (!compose) throw new Error('no IME composition in this driver');
      await compose(page, ['482', CODE], CODE);
      await expectAsked(page);
      expect(await digitsThePageSaw(page)).toEqual([]);
      expect(await fieldText(page, id)).toBe('');
      await done(page);
    },
  );

  firefoxBug(
    'the content script’s document.open() throws SecurityError ("The operation is insecure"): the kit’s nodes are removed instead, but the window listeners it registered after its own document.open() stay and get the digits’ keydown/keyup',
  )('a page that rewrites itself with document.open() (which erases event listeners) is blanked', async () => {
    const stopped = async (page: DriverPage) => (await page.evaluate(() => document.title)) === 'Stopped by OTP Guard';
    // The kit's form is gone before any key could reach the listeners it registered after document.open().
    const page = await openLookalike(driver(), `https://${LOOKALIKE}/hostile/reopen`, { ready: stopped, timeoutMs: 8_000 });
    expect(await page.evaluate(() => document.getElementById('otp'))).toBeNull();
    await page.typeKeys(CODE, 20);
    expect(await digitsThePageSaw(page)).toEqual([]);
    await done(page);
  });

  const noDrop = !canExpress('external-drop');
  it.skipIf(noDrop)(
    `drag-and-drop of text from outside the page${noDrop ? ' (skipped: WebDriver BiDi cannot drag data from outside the page)' : ''}`,
    async () => {
      const page = await openBuilt(`https://${LOOKALIKE}/hostile/channels`);
      const at = await page.evaluate(() => {
        const box = (document.getElementById('plain') as HTMLElement).getBoundingClientRect();
        return { x: box.x + 10, y: box.y + box.height / 2 };
      });
      const drop = driver().dropText;
      if (!drop) throw new Error('no external drop in this driver');
      await drop(page, at, `Your code: ${CODE}`);
      await expectAsked(page);
      expect(await digitsThePageSaw(page)).toEqual([]);
      expect(await fieldText(page, 'plain')).toBe('');
      await done(page);
    },
  );

  it('paste (Ctrl+V) of a message with the code', async () => {
    const page = await openBuilt(`https://${LOOKALIKE}/hostile/channels`);
    // The clipboard is filled from another page, so the lookalike's script never handles the text itself.
    await driver().writeClipboard(`Your Amazon code is ${CODE}`);
    await page.bringToFront();
    await click(page, { css: '#plain' });
    await page.pressKey('Control+V');
    await expectAsked(page);
    expect(await digitsThePageSaw(page)).toEqual([]);
    expect(await fieldText(page, 'plain')).toBe('');
    await done(page);
  });

  it('what still passes without a question: text without digits, and a short number ended by a letter', async () => {
    // A medium-confidence host: past the warning page, the high-confidence banner is taller and covers this
    // fixture's first field in Firefox's 800×600 window (the click would land on the banner, not the field).
    const page = await openBuilt(`https://${MEDIUM_LOOKALIKE}/hostile/channels`);
    await click(page, { css: '#plain' });
    await page.typeKeys('red shoes size 42 wide', 10);
    await eventually(() => fieldText(page, 'plain'), (value) => value === 'red shoes size 42 wide', 'the search text in the field');
    expect(await promptCount(page)).toBe(0);
    await done(page);
  });
});

describe(`the same channels on a site that is not a lookalike (${BROWSER})`, () => {
  for (const [name, selector] of [
    ['an about:blank frame', '#blank'],
    ['a srcdoc frame', '#srcdoc'],
  ] as const)
    it(`${name}: typed digits go in as typed`, async () => {
    const page = await openBuiltLegit('https://shop.example.com/hostile/channels');
    if (selector === '#srcdoc') await srcdocReady(page);
    else await rewriteBlankFrameIfReplaced(page);
    await clickInFrame(page, selector, '#inner');
    await page.typeKeys(CODE, 20);
    await eventually(() => frameValue(page, selector), (value) => value === CODE, 'the digits in the frame’s field', 5_000);
    expect(await promptCount(page)).toBe(0);
    await done(page);
    });
});

describe(`observing held digits (${BROWSER})`, () => {
  it('the page sees no DOM, focus, style or value change while digits are held', async () => {
    const page = await openBuilt(`https://${LOOKALIKE}/hostile/channels`);
    await focus(page, 'visible');
    await sleep(300); // the banner and the engine have settled
    const before = await page.evaluate(() => (window as unknown as { __changes: unknown[] }).__changes.length);
    await page.typeKeys('482', 50);
    await sleep(2_000); // longer than the guard's pause: a short run is never asked about
    const changes = await page.evaluate((from) => (window as unknown as { __changes: unknown[] }).__changes.slice(from), before);
    expect(changes).toEqual([]);
    expect(await digitsThePageSaw(page)).toEqual([]);
    expect(await promptCount(page)).toBe(0);
    await done(page);
  });
});

describe(`pages with very many inputs (${BROWSER})`, () => {
  it.each([10_000, 100_000])('%i visible inputs: the guard is still active', { timeout: 120_000 }, async (count) => {
    const page = await openBuilt(`https://${LOOKALIKE}/hostile/many-inputs?n=${count}`, 60_000);
    await focus(page, 'otp');
    await page.typeKeys(CODE, 20);
    await expectAsked(page);
    expect(await digitsThePageSaw(page)).toEqual([]);
    await done(page);
  });
});
