/**
 * The background's words (the in-page warning it decides, the held-code question's headline): the browser's
 * i18n in the user's language, English from the shipped catalogue where the browser has none (a unit test).
 */
import browser from 'webextension-polyfill';
import en from '../../public/_locales/en/messages.json';
import { type Catalogue, catalogueGetter, createI18n, type I18n } from '../ui/i18n';

const english = catalogueGetter(en as Catalogue);
let words: I18n | null = null;

export function backgroundWords(): I18n {
  words ??= createI18n((key, substitutions) => {
    try {
      return browser.i18n.getMessage(key, substitutions) || english(key, substitutions);
    } catch {
      return english(key, substitutions);
    }
  });
  return words;
}
