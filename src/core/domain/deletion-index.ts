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

/** Calls `visit` with the hash of `s` and of each string `s` minus up to `depth` (≤ 2) units (duplicates possible). */
export function forEachVariantHash(s: string, depth: number, visit: (hash: number) => void): void {
  const n = Math.min(s.length, MAX_LENGTH);
  for (let i = 0; i < n; i++) pre[i + 1] = Math.imul(pre[i] ?? 0, B) + s.charCodeAt(i);
  const seg = (a: number, b: number): number => (pre[b] ?? 0) - Math.imul(pre[a] ?? 0, pow[b - a] ?? 0);
  visit(mix(pre[n] ?? 0, n));
  if (depth < 1) return;
  for (let i = 0; i < n; i++) {
    const head = pre[i] ?? 0;
    visit(mix(Math.imul(head, pow[n - 1 - i] ?? 0) + seg(i + 1, n), n - 1));
    if (depth < 2) continue;
    for (let j = i + 1; j < n; j++) {
      const left = Math.imul(head, pow[j - i - 1] ?? 0) + seg(i + 1, j);
      visit(mix(Math.imul(left, pow[n - 1 - j] ?? 0) + seg(j + 1, n), n - 2));
    }
  }
}

export class DeletionIndex {
  private hashes = new Uint32Array(1024);
  private ids = new Int32Array(1024);
  private count = 0;

  add(key: string, id: number, depth: number): void {
    forEachVariantHash(key, depth, (hash) => this.insert(hash, id));
  }

  private insert(hash: number, id: number): void {
    if ((this.count + 1) * 2 > this.ids.length) this.grow();
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

  private grow(): void {
    const oldHashes = this.hashes;
    const oldIds = this.ids;
    this.hashes = new Uint32Array(oldIds.length * 2);
    this.ids = new Int32Array(oldIds.length * 2);
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
