/**
 * The vault's storage port. Values must be JSON-serialisable (bytes as base64 strings),
 * because extension storage areas store JSON.
 */
export interface KeyValueStore {
  /** Missing keys are absent from the result. */
  get(keys: string[]): Promise<Record<string, unknown>>;
  /** One call = one atomic batch in browsers; the vault never relies on that (see docs/vault-format.md). */
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
  /** Every key currently stored: used to sweep records no pointer references any more. */
  keys(): Promise<string[]>;
  bytesInUse?(): Promise<number>;
  /** Total bytes the area may hold, when it has a limit. */
  quotaBytes?: number;
}

/** Thrown by a store when the area is full; the core turns it into a `quota-exceeded` error value. */
export class QuotaExceededError extends Error {
  override readonly name = 'QuotaExceededError';
  readonly code = 'quota-exceeded';
}

/** Size of one stored item the way browsers count it: key length plus JSON length. */
export function itemBytes(key: string, value: unknown): number {
  return utf8Length(key) + utf8Length(JSON.stringify(value) ?? '');
}

export function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

export function isQuotaError(error: unknown): boolean {
  if (error instanceof QuotaExceededError) return true;
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  return /quota/i.test(text);
}
