/**
 * Shared scenario (Chromium and Firefox): on a lookalike page, a code the user types is held back. The page runs a
 * keylogger on window, document and the field (capture and bubble); it must get none of the digits' keydown,
 * keypress, beforeinput, input or keyup events — also for the last digit, when the question opens and the focus
 * moves, and for digits typed while the question is open.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type DriverPage, driverForThisFile } from '../harness/driver';
import { click, countOf, eventually, sleep } from '../harness/ui';

/** A medium-confidence lookalike (brand + a neutral word): it keeps the page, with the banner. */
const LOOKALIKE = 'https://amazon-deals.xyz/ap/mfa';

const driver = driverForThisFile((d) => {
  d.server.serve('amazon-deals.xyz', '/ap/mfa', readFileSync(join(import.meta.dirname, '..', 'fixtures', 'fill', 'keylogger.html'), 'utf8'));
});

interface Seen {
  where: string;
  type: string;
  key: string | null;
  data: string | null;
  value: string;
  target: string | null;
}

const pageSaw = (page: DriverPage) => page.evaluate(() => (window as unknown as { pageSaw: Seen[] }).pageSaw);
const withDigit = (events: Seen[]) => events.filter((event) => /\d/.test(`${event.key ?? ''}${event.data ?? ''}${event.value}`));

/**
 * Opens the lookalike page with the field focused by a click, once the hold is in place: the field's own
 * warning ("held back until you confirm") shows. Not just the banner: the base script shows the banner as soon as
 * the background answers, but digits typed before the engine (and its guard) arrives reach the page — seen once in
 * Chromium (the first digits' keydown/keypress/input on the field); reported, not fixed here (src/content/base.ts).
 */
async function openGuardedField(): Promise<DriverPage> {
  const page = await driver().openAt(LOOKALIKE);
  await eventually(() => countOf(page, 'otp-guard-banner'), (count) => count === 1, 'the lookalike banner');
  await click(page, { css: '#auth-mfa-otpcode' });
  await eventually(() => page.evaluate(() => document.activeElement?.id), (id) => id === 'auth-mfa-otpcode', 'the field to have focus');
  await eventually(() => countOf(page, 'otp-guard-warning'), (count) => count === 1, 'the field’s hold warning');
  return page;
}

async function typeAndCheck(digits: string, delayMs: number): Promise<void> {
  const page = await openGuardedField();
  await page.typeKeys(digits, delayMs);
  await eventually(() => countOf(page, 'otp-guard-dialog'), (count) => count === 1, 'the question about the held code', 5_000);
  await sleep(300); // late key-ups
  const events = await pageSaw(page);
  const focus = await page.evaluate(() => document.activeElement?.nodeName);
  expect(withDigit(events), `events with a digit that reached the page (${driver().label}, focus on ${focus})`).toEqual([]);
  expect(await page.evaluate(() => (document.getElementById('auth-mfa-otpcode') as HTMLInputElement).value)).toBe('');
  await page.close();
  await closeQuestionWindows();
}

/** The user closes OTP Guard's held-code window (the question), as each trial leaves one open. */
async function closeQuestionWindows(): Promise<void> {
  await driver().inExtension(async () => {
    const api = (globalThis as unknown as { chrome: { windows: { getAll(o: object): Promise<{ id?: number; type?: string }[]>; remove(id: number): Promise<void> } } }).chrome;
    for (const window of await api.windows.getAll({ windowTypes: ['popup'] })) {
      if (window.type === 'popup' && window.id !== undefined) await api.windows.remove(window.id).catch(() => undefined);
    }
  });
}

describe(`the typed-code hold (${process.env.OTP_GUARD_E2E_BROWSER ?? 'chromium'})`, () => {
  // No retry: a leak that shows in one run of two is a leak (ESR 140 leaked the last keyup in about 5 of 8 trials).
  // Eight page loads and questions in one test: more time than one default test gets on a loaded machine.
  it('keeps every key event of six typed digits from the page (8 trials, fast and slow typing)', { retry: 0, timeout: 150_000 }, async () => {
    for (const delay of [0, 0, 0, 0, 40, 40, 120, 120]) await typeAndCheck('731946', delay);
  });

  it('keeps digits typed while the question is open from the page too', { retry: 0 }, async () => {
    await typeAndCheck('73194658', 20);
  });

  it('lets a non-code key reach the page (the keylogger is live: a control)', async () => {
    const page = await openGuardedField();
    await page.typeKeys('a');
    await eventually(() => pageSaw(page), (events) => events.some((event) => event.type === 'keyup' && event.key === 'a'), 'the page to see "a"');
    await page.close();
  });
});
