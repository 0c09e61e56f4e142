import type { TypoKind } from './reasons';

/** Three rows reused by every call (the distance runs once per candidate on the verdict path). */
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)] as const;

/** Optimal-string-alignment distance (Levenshtein plus adjacent transposition), stopping past `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  if (rows[0].length < n + 1) rows = [new Int32Array(n + 1), new Int32Array(n + 1), new Int32Array(n + 1)];
  let [prev2, prev, cur] = rows;
  for (let j = 0; j <= n; j++) {
    prev2[j] = 0;
    prev[j] = j;
    cur[j] = 0;
  }
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) v = Math.min(v, (prev2[j - 2] ?? 0) + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n] ?? max + 1;
}

const KEYBOARD_ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
function keyPosition(ch: string): [number, number] | null {
  for (let r = 0; r < KEYBOARD_ROWS.length; r++) {
    const c = KEYBOARD_ROWS[r]?.indexOf(ch) ?? -1;
    if (c >= 0) return [r, c];
  }
  return null;
}
function keyboardAdjacent(a: string, b: string): boolean {
  const pa = keyPosition(a);
  const pb = keyPosition(b);
  return !!pa && !!pb && Math.abs(pa[0] - pb[0]) <= 1 && Math.abs(pa[1] - pb[1]) <= 1;
}
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

/** Names the typo technique that turns `name` into `variant` (both already folded). */
export function typoKind(variant: string, name: string): TypoKind {
  if (variant.length === name.length) {
    const diffs: number[] = [];
    for (let i = 0; i < name.length; i++) if (variant[i] !== name[i]) diffs.push(i);
    if (diffs.length === 2 && diffs[1] === (diffs[0] ?? 0) + 1 && variant[diffs[0] ?? 0] === name[diffs[1] ?? 0]) return 'transposed';
    if (diffs.length === 1) {
      const i = diffs[0] ?? 0;
      const a = variant[i] ?? '';
      const b = name[i] ?? '';
      if (VOWELS.has(a) && VOWELS.has(b)) return 'vowel';
      if (keyboardAdjacent(a, b)) return 'neighbour-key';
      const x = a.charCodeAt(0) ^ b.charCodeAt(0);
      if ((x & (x - 1)) === 0) return 'bit-flip';
      return 'replaced-one';
    }
    return 'replaced-several';
  }
  if (variant.length === name.length + 1) {
    for (let i = 0; i < variant.length; i++) {
      if (variant.slice(0, i) + variant.slice(i + 1) === name) {
        return variant[i] === variant[i - 1] || variant[i] === variant[i + 1] ? 'repeated' : 'extra-one';
      }
    }
    return 'extra-several';
  }
  if (variant.length + 1 === name.length) return 'missing';
  return 'several';
}
