/**
 * Page interactions both drivers share, written over DriverPage.evaluate only (no Playwright locators, no
 * puppeteer Locators: those time out inside Firefox ESR 140's extension pages). Elements are found the way a
 * user names them (a label, a button's text, a test id); clicks are real mouse clicks at the element's centre.
 */
import type { DriverPage } from './driver';

export type Target =
  | { button: string | RegExp }
  | { tab: string }
  | { field: string }
  | { testId: string }
  | { css: string };

interface SerialTarget {
  kind: 'button' | 'tab' | 'field' | 'testId' | 'css';
  name: string;
  regex: string | null;
}

const serial = (target: Target): SerialTarget => {
  if ('button' in target) {
    const name = target.button;
    return typeof name === 'string' ? { kind: 'button', name, regex: null } : { kind: 'button', name: '', regex: name.source };
  }
  if ('tab' in target) return { kind: 'tab', name: target.tab, regex: null };
  if ('field' in target) return { kind: 'field', name: target.field, regex: null };
  if ('testId' in target) return { kind: 'testId', name: target.testId, regex: null };
  return { kind: 'css', name: target.css, regex: null };
};

const describe = (target: Target): string => JSON.stringify(target, (_key, value) => (value instanceof RegExp ? String(value) : value));

/** In-page: the first visible element for the target, scrolled into view, with its centre (or null). */
function locateInPage(target: SerialTarget): { x: number; y: number; disabled: boolean } | null {
  const text = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();
  const named = (value: string) => (target.regex ? new RegExp(target.regex).test(value) : value === target.name);
  const all = (selector: string) => Array.from(document.querySelectorAll<HTMLElement>(selector));
  let found: Element | null | undefined = null;
  if (target.kind === 'field') {
    for (const label of all('label')) {
      if (named(text(label.textContent)) && (label as HTMLLabelElement).control) {
        found = (label as HTMLLabelElement).control;
        break;
      }
    }
    found ??= all('[aria-label]').find((element) => named(text(element.getAttribute('aria-label'))));
  } else if (target.kind === 'button' || target.kind === 'tab') {
    const selector = target.kind === 'tab' ? '[role=tab]' : 'button:not([role]), [role=button], input[type=submit]';
    found = all(selector).find((element) => named(text(element.getAttribute('aria-label') ?? element.textContent)));
  } else if (target.kind === 'testId') {
    found = document.querySelector(`[data-testid="${target.name}"]`);
  } else {
    found = document.querySelector(target.name);
  }
  if (!(found instanceof HTMLElement) || !found.isConnected) return null;
  found.scrollIntoView({ block: 'center' });
  const box = found.getBoundingClientRect();
  if (box.width === 0 || box.height === 0) return null;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2, disabled: (found as HTMLButtonElement).disabled === true };
}

/** Polls `probe` until it returns something other than null/undefined/false, or throws after `timeoutMs`. */
export async function until<T>(probe: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown = null;
  for (;;) {
    try {
      const value = await probe();
      if (value !== null && value !== undefined && value !== false) return value;
    } catch (error) {
      // A page that is still loading or navigating cannot be evaluated yet: try again.
      lastError = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${lastError})` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits for the element to be there, visible and enabled; returns its centre. */
export function located(page: DriverPage, target: Target, timeoutMs = 15_000) {
  return until(
    async () => {
      const where = await page.evaluate(locateInPage, serial(target));
      return where && !where.disabled ? where : null;
    },
    `${describe(target)} on ${page.url()}`,
    timeoutMs,
  );
}

export async function click(page: DriverPage, target: Target, timeoutMs?: number): Promise<void> {
  const { x, y } = await located(page, target, timeoutMs);
  await page.clickAt(x, y);
}

/** Sets a text field's value as one edit and lets the view see it (an `input` event), like a paste. */
export async function fill(page: DriverPage, target: Target, value: string): Promise<void> {
  await located(page, target);
  const done = await page.evaluate(
    ({ where, text }) => {
      const labels = Array.from(document.querySelectorAll('label'));
      const norm = (value: string | null) => (value ?? '').replace(/\s+/g, ' ').trim();
      let field: Element | null | undefined = labels.find((label) => norm(label.textContent) === where && label.control)?.control;
      field ??= Array.from(document.querySelectorAll('[aria-label]')).find((candidate) => norm(candidate.getAttribute('aria-label')) === where);
      if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)) return false;
      field.focus();
      const proto = field instanceof HTMLInputElement ? HTMLInputElement.prototype : HTMLTextAreaElement.prototype;
      Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(field, text);
      field.dispatchEvent(new Event('input', { bubbles: true }));
      field.dispatchEvent(new Event('change', { bubbles: true }));
      return true;
    },
    { where: 'field' in target ? target.field : '', text: value },
  );
  if (!done) throw new Error(`no text field ${describe(target)} on ${page.url()}`);
}

/** The text of the first element with the test id (null when there is none). */
export function textOf(page: DriverPage, testId: string): Promise<string | null> {
  return page.evaluate((id) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? null, testId);
}

export function countOf(page: DriverPage, selector: string): Promise<number> {
  return page.evaluate((css) => document.querySelectorAll(css).length, selector);
}

/** Waits until `read` gives a value for which `ok` holds; returns it (the last value is in the error). */
export async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  let last: T | undefined;
  try {
    return await until(
      async () => {
        last = await read();
        return ok(last) ? { value: last } : null;
      },
      what,
      timeoutMs,
    ).then((box) => box.value);
  } catch (error) {
    throw new Error(`${(error as Error).message}; last value: ${JSON.stringify(last)}`);
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
