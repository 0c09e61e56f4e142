/**
 * The in-page UI's words (banner, hints, field button, notices), from the extension's _locales through the
 * browser's own i18n, read when shown: the content script carries no catalogue, so its base bundle stays small.
 * The UI modules only call `words()`; the port is the browser's unless a host (a unit test) sets another.
 */
import { createI18n, type I18n } from '../../ui/i18n';

type I18nApi = { i18n?: { getMessage(key: string, substitutions?: string | string[]): string } };
const api = globalThis as unknown as { browser?: I18nApi; chrome?: I18nApi };

let current: I18n | null = null;

/** The words in the browser's language (English where a key is missing, by chrome.i18n's default_locale rule). */
export function words(): I18n {
  current ??= createI18n((key, substitutions) => {
    try {
      return (api.browser ?? api.chrome)?.i18n?.getMessage(key, substitutions) ?? '';
    } catch {
      return ''; // the extension was reloaded under this page: keys show as themselves
    }
  });
  return current;
}

/** Replaces the port (the catalogue a unit test reads from). */
export function setWords(next: I18n): void {
  current = next;
}
