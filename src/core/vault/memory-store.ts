import { itemBytes, type KeyValueStore, QuotaExceededError } from './ports';

export type StoreOp = 'get' | 'set' | 'remove' | 'keys' | 'bytesInUse';

/**
 * How an injected fault behaves:
 * - `reject`: nothing applied, the call rejects (a failed write).
 * - `apply-then-reject`: the change lands but the caller sees a failure (killed right after the write).
 * - `partial-then-reject`: only the first half of the keys lands (a store without atomic batches).
 * - `partial-tail-then-reject`: only the second half of the keys lands.
 * - `kill`: nothing applied and this and every later call rejects (worker killed before this call).
 */
export type FaultMode = 'reject' | 'apply-then-reject' | 'partial-then-reject' | 'partial-tail-then-reject' | 'kill';

export interface StoreCall {
  readonly index: number;
  readonly op: StoreOp;
  readonly keys: readonly string[];
}

export interface MemoryStoreOptions {
  /** Decides, per call, whether to inject a fault (`true` = 'reject'). `callIndex` counts every call from 0. */
  failOn?: (op: StoreOp, callIndex: number) => FaultMode | boolean;
  quotaBytes?: number;
  initial?: Record<string, unknown>;
}

/** In-memory KeyValueStore for tests and tools, with a call log and fault injection. */
export class MemoryStore implements KeyValueStore {
  readonly log: StoreCall[] = [];
  readonly quotaBytes: number | undefined;
  private data = new Map<string, string>();
  private killed = false;
  private readonly failOn: MemoryStoreOptions['failOn'];

  constructor(options: MemoryStoreOptions = {}) {
    this.failOn = options.failOn;
    this.quotaBytes = options.quotaBytes;
    for (const [key, value] of Object.entries(options.initial ?? {})) this.data.set(key, JSON.stringify(value));
  }

  /** Every later call rejects, as if the worker had died. */
  kill(): void {
    this.killed = true;
  }

  /** A copy of the stored data (what a fresh worker would find). */
  dump(): Record<string, unknown> {
    return Object.fromEntries([...this.data].map(([key, json]) => [key, JSON.parse(json)]));
  }

  /** Raw JSON text of every value, for scans. */
  rawValues(): Map<string, string> {
    return new Map(this.data);
  }

  writeCalls(): StoreCall[] {
    return this.log.filter((call) => call.op === 'set' || call.op === 'remove');
  }

  private begin(op: StoreOp, keys: readonly string[]): FaultMode | false {
    const index = this.log.length;
    this.log.push({ index, op, keys: [...keys] });
    if (this.killed) throw new Error(`store killed (call ${index} ${op})`);
    const decided = this.failOn?.(op, index) ?? false;
    const fault: FaultMode | false = decided === true ? 'reject' : decided;
    if (fault === 'kill') {
      this.killed = true;
      throw new Error(`store killed at call ${index} (${op})`);
    }
    if (fault === 'reject') throw new Error(`injected failure at call ${index} (${op})`);
    return fault;
  }

  async get(keys: string[]): Promise<Record<string, unknown>> {
    this.begin('get', keys);
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      const json = this.data.get(key);
      if (json !== undefined) Object.defineProperty(out, key, { value: JSON.parse(json), enumerable: true });
    }
    return out;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    const keys = Object.keys(items);
    const fault = this.begin('set', keys);
    const encoded = keys.map((key) => {
      const json = JSON.stringify(items[key]);
      // Extension storage only keeps JSON: reject what would not survive (Uint8Array, undefined...).
      if (json === undefined || JSON.stringify(JSON.parse(json)) !== json) {
        throw new TypeError(`value for ${key} is not plain JSON`);
      }
      if (items[key] instanceof Uint8Array) throw new TypeError(`value for ${key} is a Uint8Array`);
      return [key, json] as const;
    });
    if (this.quotaBytes !== undefined) {
      const next = new Map(this.data);
      for (const [key, json] of encoded) next.set(key, json);
      if (totalBytes(next) > this.quotaBytes) throw new QuotaExceededError('QUOTA_BYTES quota exceeded');
    }
    for (const [key, json] of partial(encoded, fault)) this.data.set(key, json);
    if (fault) throw new Error(`injected failure after write at call ${this.log.length - 1}`);
  }

  async remove(keys: string[]): Promise<void> {
    const fault = this.begin('remove', keys);
    for (const key of partial(keys, fault)) this.data.delete(key);
    if (fault) throw new Error(`injected failure after remove at call ${this.log.length - 1}`);
  }

  async keys(): Promise<string[]> {
    this.begin('keys', []);
    return [...this.data.keys()];
  }

  async bytesInUse(): Promise<number> {
    this.begin('bytesInUse', []);
    return totalBytes(this.data);
  }
}

function partial<T>(items: readonly T[], fault: FaultMode | false): readonly T[] {
  const half = Math.ceil(items.length / 2);
  if (fault === 'partial-then-reject') return items.slice(0, half);
  if (fault === 'partial-tail-then-reject') return items.slice(items.length - half);
  return items;
}

function totalBytes(data: Map<string, string>): number {
  let total = 0;
  for (const [key, json] of data) total += itemBytes(key, JSON.parse(json));
  return total;
}
