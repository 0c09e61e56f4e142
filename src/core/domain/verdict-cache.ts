/**
 * A two-generation cache: new entries go to the young map; when it is full it becomes the old one
 * and the previous old one is dropped whole. A hit in the old map is copied into the young one, so
 * what is used survives. No per-entry bookkeeping: a hit is one Map lookup, a miss two, and an
 * eviction is dropping a Map (a Map's `keys().next()` after many deletes walks the deleted slots).
 * The last `capacity` distinct keys set or hit are always held (so a working set that fits always
 * hits, as with an LRU of that size); at most 2 × `capacity` entries are held.
 */
export class VerdictCache<V> {
  private young = new Map<string, V>();
  private old = new Map<string, V>();
  private readonly generation: number;
  constructor(capacity: number) {
    this.generation = Math.max(1, capacity);
  }
  get(key: string): V | undefined {
    const value = this.young.get(key);
    if (value !== undefined) return value;
    const aged = this.old.get(key);
    if (aged !== undefined) this.set(key, aged);
    return aged;
  }
  set(key: string, value: V): void {
    if (this.young.size >= this.generation && !this.young.has(key)) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }
}
