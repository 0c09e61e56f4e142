/**
 * The views' way to their words: `const { t, plural } = useI18n()` (API in ./i18n.ts). The shells wrap the app in
 * <I18nContext.Provider value={createI18n(browser.i18n.getMessage)}>; without a provider (unit tests, a view
 * rendered alone) the words are English, from the same messages.json the extension ships.
 */
import { type ComponentChildren, createContext, Fragment } from 'preact';
import { useContext } from 'preact/hooks';
import en from '../../public/_locales/en/messages.json';
import { type Catalogue, catalogueGetter, createI18n, type I18n } from './i18n';

export const englishI18n: I18n = createI18n(catalogueGetter(en as Catalogue));

export const I18nContext = createContext<I18n>(englishI18n);

export const useI18n = (): I18n => useContext(I18nContext);

/** A placeholder to pass to t() where an element goes inside a sentence: `rich(t('page_imitates', slot(0)), <b>{name}</b>)`. */
export const slot = (index: number): string => String.fromCharCode(0xe000 + index);

/** The translated sentence with each slot(i) replaced by nodes[i]: word order stays the translator's. */
export function rich(text: string, ...nodes: ComponentChildren[]): ComponentChildren[] {
  return text.split(/([\ue000-\ue008])/).map((part) => {
    const code = part.length === 1 ? part.charCodeAt(0) - 0xe000 : -1;
    return code >= 0 && code < nodes.length ? <Fragment key={code}>{nodes[code]}</Fragment> : part;
  });
}
