// Frozen copy of src/core/domain (commit 7e838ce, before issue 13): the "before" side of the
// differential test (tests/core/domain/verdict-differential.test.ts) and of the bench. Never edit.
import { CONFUSABLE_PAIRS } from '../../src/core/domain/generated/confusables';

const confusables = new Map<number, string>(CONFUSABLE_PAIRS);
const MARKS = /\p{M}/gu;

/**
 * UTS #39 skeleton of a (lower-case) label: NFD, map each code point to its prototype, NFD again;
 * then marks are dropped and the result lower-cased, because a host name is shown lower case and an
 * accent on a look-alike letter does not stop it looking like the brand.
 */
export function skeleton(label: string): string {
  // ASCII fast path: NFD is the identity and only 0, 1, m and | have prototypes (same result, no normalisation).
  if (ASCII_ONLY.test(label)) return label.replace(ASCII_CONFUSABLE, (c) => confusables.get(c.charCodeAt(0)) ?? c).toLowerCase();
  let out = '';
  for (const ch of label.normalize('NFD')) {
    out += confusables.get(ch.codePointAt(0) ?? 0) ?? ch;
  }
  const folded = out.normalize('NFD').replace(MARKS, '').toLowerCase();
  return LATIN_LOOKALIKE_RE.test(folded) ? folded.replace(LATIN_LOOKALIKE_RE_G, (c) => LATIN_LOOKALIKES.get(c) ?? c) : folded;
}

const ASCII_ONLY = /^\p{ASCII}*$/u;
const ASCII_CONFUSABLE = /[01m|]/g;

/**
 * Latin letters that UTS #39 does not map but that read as a plain letter in an address bar:
 * small capitals and letters with a hook, stroke, bar or tail (ᴋ, ƈ, ʀ, ł, ø, ɗ …), plus dotless
 * i/j, schwa, kra, script a/g. Generated once from Unicode names (every "LATIN SMALL LETTER X WITH
 * …" and "LATIN LETTER SMALL CAPITAL X" that NFD does not already reduce to X); dnstwist and real
 * homoglyph phishing use them.
 */
const LATIN_FROM = 'øđħŀłŧƀƃƈƌƒƙƚƞƥƫƭƴƶǥǿȡȥȴȵȶȼȿɀɇɉɋɍɏɓɕɖɗɠɢɦɨɪɫɬɭɱɲɳɴɼɽɾʀʂʈʋʏʐʑʙʛʜʝʟʠᴀᴄᴅᴇᴊᴋᴌᴍᴏᴘᴛᴜᴠᴡᴢᵬᵭᵮᵯᵰᵱᵲᵳᵴᵵᵶᵽᶀᶁᶂᶃᶄᶅᶆᶇᶈᶉᶊᶌᶍᶎᶏᶑᶒᶖᶙẚỿⱡⱥⱦⱨⱪⱬⱱⱳⱴⱸⱺıȷəǝĸɑɡɩʉ';
const LATIN_TO = 'odhlltbbcdfklnpttyzgodzlntcszejqrybcddgghiilllmnnnrrrrstvyzzbghjlqacdejklmoptuvwzbdfmnprrstzpbdfgklmnprsvxzadeiuaylathkzvwveoijeekagiu';
const LATIN_LOOKALIKES = new Map([...LATIN_FROM].map((c, i) => [c, LATIN_TO[i] ?? c] as const));
const LATIN_LOOKALIKE_RE = new RegExp(`[${LATIN_FROM}]`, 'u');
const LATIN_LOOKALIKE_RE_G = new RegExp(`[${LATIN_FROM}]`, 'gu');

/**
 * Folds ASCII tricks onto one form so "rn"/"m", "vv"/"w", "cl"/"d", "0"/"o", "1"/"l"/"i", "5"/"s"
 * compare equal. Applied after skeleton() to both the brand names and the page's labels.
 */
export function asciiFold(s: string): string {
  return s.replace(/rn/g, 'm').replace(/vv/g, 'w').replace(/cl/g, 'd').replace(/[1i|]/g, 'l').replace(/0/g, 'o').replace(/5/g, 's');
}

export const fold = (label: string): string => asciiFold(skeleton(label));

/** Characters of `text` that are confusable with something else, for marking them in the UI. */
export function confusableChars(text: string): { index: number; char: string; looksLike: string }[] {
  const found: { index: number; char: string; looksLike: string }[] = [];
  let index = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= 0x80) {
      const base = ch.normalize('NFD');
      const mapped = confusables.get(cp) ?? skeleton(base);
      if (mapped !== ch) found.push({ index, char: ch, looksLike: mapped.replace(MARKS, '') });
    }
    index += ch.length;
  }
  return found;
}

const SCRIPTS = ['Latin', 'Cyrillic', 'Greek', 'Armenian', 'Cherokee', 'Georgian', 'Hebrew', 'Arabic', 'Han', 'Hiragana', 'Katakana', 'Hangul', 'Thai', 'Devanagari'] as const;
const SCRIPT_RES = SCRIPTS.map((name) => [name, new RegExp(`^\\p{Script=${name}}$`, 'u')] as const);

/** Scripts of the letters in a label (Common/Inherited characters such as digits and "-" are ignored). */
export function scriptsOf(label: string): Set<string> {
  const scripts = new Set<string>();
  for (const ch of label) {
    if (/[a-z]/.test(ch)) {
      scripts.add('Latin');
      continue;
    }
    if (!/\p{L}/u.test(ch)) continue;
    const hit = SCRIPT_RES.find(([, re]) => re.test(ch));
    scripts.add(hit ? hit[0] : 'Other');
  }
  return scripts;
}

/** Japanese mixes Han, Hiragana and Katakana legitimately (UTS #39 "Highly Restrictive"). */
const ALLOWED_MIXES = [new Set(['Han', 'Hiragana', 'Katakana', 'Latin']), new Set(['Han', 'Hangul', 'Latin'])];

export function isMixedScript(label: string): boolean {
  const scripts = scriptsOf(label);
  if (scripts.size < 2) return false;
  return !ALLOWED_MIXES.some((allowed) => [...scripts].every((s) => allowed.has(s)));
}

/** A label written entirely in one non-Latin script whose skeleton is plain ASCII: it passes for Latin. */
export function isWholeScriptConfusable(label: string): boolean {
  const scripts = scriptsOf(label);
  if (scripts.size !== 1 || scripts.has('Latin')) return false;
  return /^[a-z0-9-]+$/.test(skeleton(label));
}
