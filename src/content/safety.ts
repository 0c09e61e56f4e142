/**
 * Every entry point of the content script (listeners, observers, timers, message handlers) runs
 * through `safely`: an exception never escapes into the page's console as an unhandled error, and the
 * caller's `onError` decides the fail-closed outcome (the typed-code guard then holds the event).
 *
 * Errors are reported with console.warn in the isolated world (the page cannot read it) and to the
 * background (`cs:report-error`, kept in its diagnostics), at most 20 a page.
 */
import { ask } from './runtime';

const MAX_REPORTS = 20;
let reports = 0;

export const reportError = (where: string, error: unknown): void => {
  // A page that makes us throw on every event would otherwise flood the console.
  if (reports++ >= MAX_REPORTS) return;
  console.warn(`[otp-guard] ${where} failed`, error);
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  void ask({ type: 'cs:report-error', where: where.slice(0, 256), error: text.slice(0, 256) }).catch(() => undefined);
};

export const safely =
  <A extends unknown[]>(where: string, fn: (...args: A) => void, onError?: (...args: A) => void) =>
  (...args: A): void => {
    try {
      fn(...args);
    } catch (error) {
      reportError(where, error);
      try {
        onError?.(...args);
      } catch (inner) {
        reportError(`${where} (fail-closed path)`, inner);
      }
    }
  };
