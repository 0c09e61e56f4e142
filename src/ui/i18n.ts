/**
 * Translations for every screen. Small on purpose; adopt it in new views as it is:
 *
 *   const { t, plural } = useI18n();            // in a preact view (src/ui/i18n-context.tsx)
 *   t('popup_lock_now')                         // a message of public/_locales/<lang>/messages.json
 *   t('warning_go', site)                        // arguments fill the message's $1, $2 … placeholders, in order
 *   plural('preview_save', n, n)              // picks preview_save_one / _other … by Intl.PluralRules
 *
 * Adding a string: add the key to public/_locales/en/messages.json AND to every other locale there (the same
 * placeholders); tests/ui/locales.test.ts fails on a key missing in a locale, a key no source file uses, or
 * mismatched placeholders. Key names: [a-z0-9_] (chrome.i18n's rule), prefixed by the screen ("popup_", "options_").
 * A plural is a set of keys `<base>_one`, `<base>_other` (+ `_few`, `_many` … where a language needs them);
 * `_other` is required and is the fallback.
 *
 * Views never call browser.i18n: a shell passes `createI18n(browser.i18n.getMessage)`, tests and the
 * context's default use the English catalogue (`createI18n(catalogueGetter(en))`). Pure: no browser API here.
 */
import type enMessages from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof enMessages;
/** The base name of a plural set: `preview_save` for preview_save_one / preview_save_other. */
export type PluralBase = MessageKey extends infer K ? (K extends `${infer B}_other` ? B : never) : never;

/** chrome.i18n.getMessage's shape: "" for an unknown key. */
export type GetMessage = (key: string, substitutions?: string | string[]) => string;

export interface I18n {
  /** The locale the messages are in ("en", "de", "pt_BR" …), from the catalogue itself. */
  readonly locale: string;
  t(key: MessageKey, ...substitutions: (string | number)[]): string;
  plural(base: PluralBase, count: number, ...substitutions: (string | number)[]): string;
}

/** The substitutions as chrome.i18n wants them (strings, at most 9). */
const asStrings = (substitutions: (string | number)[]): string[] => substitutions.slice(0, 9).map(String);

export function createI18n(getMessage: GetMessage): I18n {
  // Every catalogue names its own locale, so plural rules follow the language the text is in.
  const locale = getMessage('locale_tag') || 'en';
  let rules: Intl.PluralRules;
  try {
    rules = new Intl.PluralRules(locale.replace('_', '-'));
  } catch {
    rules = new Intl.PluralRules('en');
  }
  // A key with no message shows as itself: visible in review, never an empty button.
  const t = (key: string, ...substitutions: (string | number)[]): string =>
    getMessage(key, asStrings(substitutions)) || key;
  return {
    locale,
    t,
    plural(base, count, ...substitutions) {
      const exact = getMessage(`${base}_${rules.select(count)}`, asStrings(substitutions));
      return exact || t(`${base}_other`, ...substitutions);
    },
  };
}

/** One locale's messages.json. */
export type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/**
 * getMessage over a parsed messages.json, with chrome.i18n's rules: named placeholders ($HOST$, case-insensitive)
 * take their `content`, then $1…$9 the substitutions, "$$" is a dollar sign.
 */
export function catalogueGetter(catalogue: Catalogue): GetMessage {
  return (key, substitutions) => {
    const entry = catalogue[key];
    if (!entry) return '';
    const args = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []);
    const placeholders = new Map(Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]));
    const named = entry.message.replace(/\$([a-zA-Z0-9_@]+)\$/g, (whole, name: string) => placeholders.get(name.toLowerCase()) ?? whole);
    return named.replace(/\$(\$|[1-9])/g, (_, which: string) => (which === '$' ? '$' : (args[Number(which) - 1] ?? '')));
  };
}
