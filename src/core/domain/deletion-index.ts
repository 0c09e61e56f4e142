/**
 * Symmetric-delete index without strings: a name is stored under the hashes of itself and of every
 * string made by deleting up to `depth` of its characters (UTF-16 units); a query probes the hashes
 * of itself and its 1- and 2-deletions, computed from prefix hashes, so no variant string is built.
 * Hashes can collide: a probe yields candidates, which the caller confirms with the real distance.
 * Storage is an open-addressing multimap in two typed arrays (hash, id + 1; 0 = empty).
 */
const B = 0x01000193;

/** Final avalanche (murmur3 fmix32) of a polynomial hash mixed with the string's length. */
function mix(h: number, length: number): number {
  let x = (h ^ Math.imul(length, 0x9e3779b1)) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

const MAX_LENGTH = 256;
const pow = new Int32Array(MAX_LENGTH + 1);
pow[0] = 1;
for (let i = 1; i <= MAX_LENGTH; i++) pow[i] = Math.imul(pow[i - 1] ?? 0, B);
const pre = new Int32Array(MAX_LENGTH + 1);

/** How many hashes variantHashes writes for a string of this length. */
export const variantCount = (length: number, depth: number): number => 1 + (depth >= 1 ? length : 0) + (depth >= 2 ? (length * (length - 1)) / 2 : 0);

const buffer = new Uint32Array(variantCount(MAX_LENGTH, 2));

/**
 * The hashes of `s` and of each string `s` minus up to `depth` (≤ 2) units (duplicates possible),
 * written into a shared buffer: valid until the next call. Returns the buffer and the count.
 * `s` longer than 256 units is hashed on its first 256 (callers bound their keys well below).
 */
export function variantHashes(s: string, depth: number): { hashes: Uint32Array; count: number } {
  const n = Math.min(s.length, MAX_LENGTH);
  for (let i = 0; i < n; i++) pre[i + 1] = Math.imul(pre[i] ?? 0, B) + s.charCodeAt(i);
  let count = 0;
  buffer[count++] = mix(pre[n] ?? 0, n);
  if (depth < 1) return { hashes: buffer, count };
  const whole = pre[n] ?? 0;
  for (let i = 0; i < n; i++) {
    const head = pre[i] ?? 0;
    // s[i+1..n) = pre[n] - pre[i+1]·B^(n-i-1)
    const tail = whole - Math.imul(pre[i + 1] ?? 0, pow[n - i - 1] ?? 0);
    buffer[count++] = mix(Math.imul(head, pow[n - 1 - i] ?? 0) + tail, n - 1);
    if (depth < 2) continue;
    for (let j = i + 1; j < n; j++) {
      // s[i+1..j) and s[j+1..n)
      const middle = (pre[j] ?? 0) - Math.imul(pre[i + 1] ?? 0, pow[j - i - 1] ?? 0);
      const rest = whole - Math.imul(pre[j + 1] ?? 0, pow[n - j - 1] ?? 0);
      const left = Math.imul(head, pow[j - i - 1] ?? 0) + middle;
      buffer[count++] = mix(Math.imul(left, pow[n - 1 - j] ?? 0) + rest, n - 2);
    }
  }
  return { hashes: buffer, count };
}

type Ids = Uint16Array | Int32Array;

export class DeletionIndex {
  private hashes = new Uint32Array(1024);
  private ids: Ids;
  private count = 0;
  /** 16-bit ids while every id + 1 fits (10,000 names: 4 MB less than 32-bit ids). */
  private readonly wide: boolean;

  constructor(names: number) {
    this.wide = names + 1 > 0xffff;
    this.ids = this.newIds(1024);
  }

  private newIds(size: number): Ids {
    return this.wide ? new Int32Array(size) : new Uint16Array(size);
  }

  /** Sizes the table for `entries` more entries at once (no rehash while adding them). */
  reserve(entries: number): void {
    let size = this.ids.length;
    while ((this.count + entries) * 2 > size) size *= 2;
    if (size !== this.ids.length) this.resize(size);
  }

  add(key: string, id: number, depth: number): void {
    const { hashes, count } = variantHashes(key, depth);
    for (let k = 0; k < count; k++) this.insert(hashes[k] ?? 0, id);
  }

  private insert(hash: number, id: number): void {
    if ((this.count + 1) * 2 > this.ids.length) this.resize(this.ids.length * 2);
    const mask = this.ids.length - 1;
    let slot = hash & mask;
    while (this.ids[slot] !== 0) {
      if (this.hashes[slot] === hash && this.ids[slot] === id + 1) return;
      slot = (slot + 1) & mask;
    }
    this.hashes[slot] = hash;
    this.ids[slot] = id + 1;
    this.count++;
  }

  private resize(size: number): void {
    const oldHashes = this.hashes;
    const oldIds = this.ids;
    this.hashes = new Uint32Array(size);
    this.ids = this.newIds(size);
    this.count = 0;
    for (let i = 0; i < oldIds.length; i++) {
      const id = oldIds[i] ?? 0;
      if (id !== 0) this.insert(oldHashes[i] ?? 0, id - 1);
    }
  }

  /** Ids stored under `hash` (maybe more than once over several probes). */
  probe(hash: number, found: (id: number) => void): void {
    const mask = this.ids.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = this.ids[slot] ?? 0;
      if (id === 0) return;
      if (this.hashes[slot] === hash) found(id - 1);
    }
  }
}
