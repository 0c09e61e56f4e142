/**
 * Why a host looks like another site: a code with its data (the brand, the look-alike characters and their
 * real counterparts, the joined words, the TLD), never a sentence. The shells word them in the user's language
 * (src/ui/reasons.ts). `code` is what policy reads (src/core/policy/warning-level.ts); the rest is for display.
 */
import { asciiFold } from './skeleton';

/** Characters of a label that stand in for others: "0" for "o", "rn" for "m" (index in the label, UTF-16). */
export interface Swap {
  index: number;
  text: string;
  looksLike: string;
}

export type TypoKind =
  | 'transposed'
  | 'vowel'
  | 'neighbour-key'
  | 'bit-flip'
  | 'replaced-one'
  | 'replaced-several'
  | 'repeated'
  | 'extra-one'
  | 'extra-several'
  | 'missing'
  | 'several';

export type ComboForm = 'words' | 'login-words' | 'numbers' | 'glued' | 'glued-login' | 'subdomain';

export type Reason =
  /** characters: Unicode look-alikes; swaps: ASCII tricks (0 for o, rn for m); near: look-alikes close to the name. */
  | { code: 'homoglyph'; form: 'characters' | 'swaps' | 'near'; brand: string; swaps?: Swap[] }
  /** The brand, written with ASCII swaps, inside a longer name (amaz0n-account): named and marked, scored as before. */
  | { code: 'ascii-swap'; brand: string; swaps: Swap[] }
  | { code: 'mixed-script' }
  | { code: 'whole-script' }
  | { code: 'target-embedding'; domain: string }
  | { code: 'hyphenation'; brand: string; inSubdomain: boolean }
  | { code: 'free-hosting'; brand: string; suffix?: string }
  | { code: 'tld-swap'; owner: string; domain: string }
  | { code: 'edit-distance'; brand: string; typo: TypoKind }
  | { code: 'combosquatting'; brand: string; form: ComboForm; words?: string[]; domain?: string }
  | { code: 'tld-in-name'; brand: string; spelled?: string }
  | { code: 'subdomain-split'; brand: string }
  | { code: 'insecure' }
  | { code: 'public-content' }
  | { code: 'brand-owned'; owner: string };

export type ReasonCode = Reason['code'];

const PAIRS: Record<string, string> = { rn: 'm', vv: 'w', cl: 'd' };

/**
 * Where `label` (ASCII) spells `name` with ASCII tricks, the swapped characters; [] when it spells it plainly
 * or not at all. Hyphens and underscores inside the spelling are skipped.
 */
export function asciiSwaps(label: string, name: string): Swap[] {
  const target = name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const text = label.toLowerCase();
  if (!target || !/^[\x20-\x7e]*$/.test(text)) return [];
  for (let start = 0; start < text.length; start++) {
    const swaps = alignFrom(text, start, target);
    if (swaps && swaps.length > 0) return swaps;
  }
  return [];
}

function alignFrom(text: string, start: number, target: string): Swap[] | null {
  const swaps: Swap[] = [];
  let i = start;
  let j = 0;
  while (j < target.length) {
    const real = target[j] ?? '';
    const c = text[i];
    if (c === undefined) return null;
    if (c === real) {
      i++;
      j++;
    } else if ((c === '-' || c === '_') && j > 0) {
      i++;
    } else if (PAIRS[text.slice(i, i + 2)] === real) {
      swaps.push({ index: i, text: text.slice(i, i + 2), looksLike: real });
      i += 2;
      j++;
    } else if (PAIRS[target.slice(j, j + 2)] === c) {
      swaps.push({ index: i, text: c, looksLike: target.slice(j, j + 2) });
      i++;
      j += 2;
    } else if (asciiFold(c) === asciiFold(real)) {
      swaps.push({ index: i, text: c, looksLike: real });
      i++;
      j++;
    } else return null;
  }
  return swaps;
}

/** The swaps of a verdict's reasons as marks on the host (the reasons' indices are in its registrable label). */
export function swapMarks(reasons: readonly Reason[], host: string, registrable: string): { index: number; char: string; looksLike: string }[] {
  if (!host.endsWith(registrable)) return [];
  const offset = host.length - registrable.length;
  return reasons.flatMap((reason) =>
    (('swaps' in reason && reason.swaps) || []).flatMap((swap) =>
      Array.from(swap.text, (char, k) => ({ index: offset + swap.index + k, char, looksLike: swap.looksLike })),
    ),
  );
}
