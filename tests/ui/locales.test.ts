// The locale files under public/_locales: every locale has every key of English with the same placeholders,
// every key is used by the code, every key the code uses exists. Self-tests feed the checker broken catalogues,
// so this test can fail.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Catalogue, catalogueGetter, createI18n } from '../../src/ui/i18n';

const root = join(import.meta.dirname, '../..');
const localesDir = join(root, 'public/_locales');
const LOCALES = ['de', 'en', 'es', 'fr', 'ja', 'pt_BR'];

const read = (locale: string): Catalogue => JSON.parse(readFileSync(join(localesDir, locale, 'messages.json'), 'utf8'));

/** Placeholders named in a message ($HOST$), lower-cased as chrome.i18n compares them. */
const namedIn = (message: string): string[] => [...message.matchAll(/\$([a-zA-Z0-9_]+)\$/g)].map((m) => (m[1] ?? '').toLowerCase());

/** Problems of one locale against English: missing/extra keys, placeholder drift, bad names. */
function catalogueProblems(locale: string, catalogue: Catalogue, english: Catalogue): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(english)) if (!(key in catalogue)) problems.push(`${locale}: missing ${key}`);
  for (const [key, entry] of Object.entries(catalogue)) {
    if (!/^[a-z0-9_]+$/.test(key)) problems.push(`${locale}: bad key name ${key}`);
    const reference = english[key];
    if (!reference) {
      problems.push(`${locale}: ${key} is not in English`);
      continue;
    }
    if (!entry.message.trim()) problems.push(`${locale}: ${key} is empty`);
    const defined = Object.entries(entry.placeholders ?? {}).map(([name, p]) => `${name.toLowerCase()}=${p.content}`).sort();
    const expected = Object.entries(reference.placeholders ?? {}).map(([name, p]) => `${name.toLowerCase()}=${p.content}`).sort();
    if (defined.join() !== expected.join()) problems.push(`${locale}: ${key} placeholders ${defined} ≠ ${expected}`);
    const used = new Set(namedIn(entry.message));
    for (const name of Object.keys(entry.placeholders ?? {})) if (!used.has(name.toLowerCase())) problems.push(`${locale}: ${key} never shows $${name}$`);
    for (const name of used) if (!(entry.placeholders ?? {})[name] && !Object.keys(entry.placeholders ?? {}).some((n) => n.toLowerCase() === name)) problems.push(`${locale}: ${key} shows undefined $${name}$`);
  }
  return problems;
}

function sourceTexts(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceTexts(path);
    return /\.(ts|tsx)$/.test(entry.name) ? [readFileSync(path, 'utf8')] : [];
  });
}

/** Keys no source names: a key counts as used when its name, or its plural base, is a string literal in src/ or a __MSG_ in the manifest. */
function unusedKeys(keys: string[], sources: string, manifest: string): string[] {
  const literals = new Set([...sources.matchAll(/['"`]([a-z0-9_]+)['"`]/g)].map((m) => m[1]));
  const fromManifest = new Set([...manifest.matchAll(/__MSG_([a-zA-Z0-9_]+)__/g)].map((m) => m[1]));
  const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');
  return keys.filter((key) => !literals.has(key) && !literals.has(base(key)) && !fromManifest.has(key));
}

/** Keys the code passes to t(), plural() or getMessage() that English lacks. */
function missingKeys(keys: Set<string>, sources: string): string[] {
  const called = [...sources.matchAll(/\b(?:t|plural|getMessage|msg)\(\s*'([a-z0-9_]+)'/g)].map((m) => m[1] ?? '');
  return [...new Set(called)].filter((key) => !keys.has(key) && !keys.has(`${key}_other`));
}

describe('locales', () => {
  const english = read('en');
  const sources = sourceTexts(join(root, 'src')).join('\n');
  const manifest = readFileSync(join(root, 'manifest.json'), 'utf8');

  it('ships the six locales, English as the default', () => {
    expect(readdirSync(localesDir).sort()).toEqual(LOCALES);
    expect(JSON.parse(manifest).default_locale).toBe('en');
    expect(JSON.parse(manifest).name).toBe('__MSG_ext_name__');
    expect(Object.keys(english).length).toBeGreaterThan(200);
  });

  it.each(LOCALES)('%s has every English key, with the same placeholders', (locale) => {
    expect(catalogueProblems(locale, read(locale), english)).toEqual([]);
  });

  it.each(LOCALES)('%s names itself in locale_tag', (locale) => {
    expect(read(locale).locale_tag?.message).toBe(locale);
  });

  it('has no key that the code does not use', () => {
    expect(unusedKeys(Object.keys(english), sources, manifest)).toEqual([]);
  });

  it('has every key the code asks for', () => {
    expect(missingKeys(new Set(Object.keys(english)), sources)).toEqual([]);
  });

  it('has both _one and _other for every plural', () => {
    const bases = Object.keys(english).filter((k) => k.endsWith('_other')).map((k) => k.slice(0, -'_other'.length));
    for (const base of bases) expect(english[`${base}_one`], base).toBeDefined();
  });

  it('picks plural forms by the language of the catalogue', () => {
    const count = (locale: string, n: number) => createI18n(catalogueGetter(read(locale))).plural('preview_save', n, n);
    expect(count('en', 1)).toBe(english.preview_save_one?.message.replace('$COUNT$', '1'));
    expect(count('en', 0)).toBe(english.preview_save_other?.message.replace('$COUNT$', '0'));
    // French and Brazilian Portuguese say 0 in the singular; Japanese has one form.
    expect(count('fr', 0)).toBe(read('fr').preview_save_one?.message.replace('$COUNT$', '0'));
    expect(count('pt_BR', 0)).toBe(read('pt_BR').preview_save_one?.message.replace('$COUNT$', '0'));
    expect(count('ja', 1)).toBe(read('ja').preview_save_other?.message.replace('$COUNT$', '1'));
  });

  describe('the checker itself', () => {
    const en: Catalogue = {
      a_key: { message: 'Go to $SITE$', placeholders: { site: { content: '$1' } } },
      other_key: { message: 'Hello' },
    };
    it('finds missing keys, extra keys and placeholder drift', () => {
      const broken: Catalogue = {
        a_key: { message: 'Geh zu $ORT$', placeholders: { ort: { content: '$1' } } },
        extra_key: { message: 'x' },
      };
      expect(catalogueProblems('xx', broken, en)).toEqual([
        'xx: missing other_key',
        'xx: a_key placeholders ort=$1 ≠ site=$1',
        'xx: extra_key is not in English',
      ]);
      expect(catalogueProblems('xx', { ...en, other_key: { message: 'Hallo $SITE$' } }, en)).toEqual(['xx: other_key shows undefined $site$']);
    });
    it('finds unused and missing keys', () => {
      expect(unusedKeys(['a_key', 'other_key', 'n_one', 'n_other'], "t('a_key'); plural('n', 2)", '')).toEqual(['other_key']);
      expect(missingKeys(new Set(['a_key']), "t('a_key'); t('nope')")).toEqual(['nope']);
    });
  });
});

describe('catalogueGetter', () => {
  it('fills named placeholders in order, keeps $$ as a dollar', () => {
    const get = catalogueGetter({
      k: { message: '$B$ before $A$ costs $$5', placeholders: { a: { content: '$1' }, b: { content: '$2' } } },
    });
    expect(get('k', ['one', 'two'])).toBe('two before one costs $5');
    expect(get('missing')).toBe('');
  });
  it('shows a missing key as its name, never as an empty string', () => {
    expect(createI18n(catalogueGetter({})).t('popup_lock_now')).toBe('popup_lock_now');
  });
});
