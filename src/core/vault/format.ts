import * as v from 'valibot';
import { err, ok, type Result } from '../result';
import { BASE64_PATTERN } from './bytes';

/** The format this code writes. A stored vault with a larger number was written by a newer version. */
export const FORMAT_VERSION = 1;

export const HEAD_KEY = 'vault/head';
export const RECORD_PREFIX = 'vault/g';
export const recordKey = (generation: number, slot: number): string => `${RECORD_PREFIX}${generation}/${slot}`;

/** Entry ids and device ids: short, storage-key-safe, never `__proto__`-like (no leading underscore). */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
export const MAX_NAME_LENGTH = 200;

const base64 = v.pipe(v.string(), v.regex(BASE64_PATTERN));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const id = v.pipe(v.string(), v.regex(ID_PATTERN));

/** AES-GCM output: 12-byte nonce, ciphertext with the 16-byte tag appended (both base64). */
export const sealedBoxSchema = v.object({ n: base64, c: base64 });
export type SealedBox = v.InferOutput<typeof sealedBoxSchema>;

/** Per-entry version for merges: counter, writer's clock (ms), writer's device id. Not secret. */
const stampFields = { v: count, u: count, d: id };
export const stampSchema = v.object(stampFields);
export type Stamp = v.InferOutput<typeof stampSchema>;

export const kdfSchema = v.object({
  algorithm: v.literal('argon2id'),
  memoryKiB: count,
  iterations: count,
  parallelism: count,
  salt: base64,
});
export type StoredKdf = v.InferOutput<typeof kdfSchema>;

/** The password-dependent part: changing the password replaces only this. */
export const keyringSchema = v.object({
  kdf: kdfSchema,
  wrappedKey: sealedBoxSchema,
  /** Empty plaintext sealed with the vault key: proves a session key or a synced keyring matches. */
  keyCheck: sealedBoxSchema,
  u: count,
  d: id,
});
export type Keyring = v.InferOutput<typeof keyringSchema>;

const headEntrySchema = v.object({ ...stampFields, record: v.pipe(v.string(), v.regex(/^vault\/g\d+\/\d+$/)), name: sealedBoxSchema });
export type HeadEntry = v.InferOutput<typeof headEntrySchema>;

/** The one pointer record: a write is committed exactly when this key is replaced. */
export const headSchema = v.looseObject({
  format: v.pipe(count, v.minValue(1)),
  vaultId: id,
  generation: count,
  revision: count,
  keyring: keyringSchema,
  entries: v.record(id, headEntrySchema),
  tombstones: v.record(id, stampSchema),
});
export type Head = v.InferOutput<typeof headSchema>;

const snapshotEntrySchema = v.object({ ...stampFields, name: sealedBoxSchema, data: sealedBoxSchema });
export type SnapshotEntry = v.InferOutput<typeof snapshotEntrySchema>;

/** The whole encrypted vault inline: the body of backup files and of sync replicas. */
export const snapshotSchema = v.looseObject({
  format: v.pipe(count, v.minValue(1)),
  vaultId: id,
  keyring: keyringSchema,
  entries: v.record(id, snapshotEntrySchema),
  tombstones: v.record(id, stampSchema),
});
export type VaultSnapshot = v.InferOutput<typeof snapshotSchema>;

export interface FormatIssue {
  field: string;
  message: string;
}

export function parseWith<T>(schema: v.GenericSchema<unknown, T>, input: unknown): Result<T, FormatIssue> {
  const parsed = v.safeParse(schema, input);
  if (parsed.success) return ok(parsed.output);
  const [issue] = parsed.issues; // valibot reports at least one
  const field = issue.path?.map((item) => String(item.key)).join('.') || '(root)';
  return err({ field, message: `${field}: ${issue.message}` });
}

export const parseHead = (input: unknown): Result<Head, FormatIssue> => parseWith(headSchema, input);
export const parseSnapshot = (input: unknown): Result<VaultSnapshot, FormatIssue> => parseWith(snapshotSchema, input);

/** Reads the format number even from a head this version cannot fully parse. */
export function claimedFormat(input: unknown): number | null {
  if (typeof input !== 'object' || input === null) return null;
  const format = (input as { format?: unknown }).format;
  return typeof format === 'number' && Number.isSafeInteger(format) ? format : null;
}

export const hasOwn = (record: object, key: string): boolean => Object.hasOwn(record, key);
