/**
 * The views' way to their words: `const { t, plural } = useI18n()` (API in ./i18n.ts). The shells wrap the app in
 * <I18nContext.Provider value={createI18n(browser.i18n.getMessage)}>; without a provider (unit tests, a view
 * rendered alone) the words are English, from the same messages.json the extension ships.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import en from '../../public/_locales/en/messages.json';
import { type Catalogue, catalogueGetter, createI18n, type I18n } from './i18n';

export const englishI18n: I18n = createI18n(catalogueGetter(en as Catalogue));

export const I18nContext = createContext<I18n>(englishI18n);

export const useI18n = (): I18n => useContext(I18nContext);
