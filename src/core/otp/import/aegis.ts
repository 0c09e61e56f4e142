/**
 * Aegis vault export (JSON). Plain vaults carry `db` as an object; encrypted ones carry it as
 * base64 AES-256-GCM ciphertext under a random master key, which each password slot wraps with
 * a key derived by scrypt(password, salt, n, r, p). Slot key and db are both sealed without
 * associated data; nonces and tags are hex.
 * Entry types totp, hotp and steam are imported; motp, yandex and others are listed as unsupported.
 */
import type { CryptoPort, ScryptParams } from '../../ports';
import { ok, type Result } from '../../result';
import type { OtpKind } from '../account';
import { concatBytes, decodeBase64, decodeHex } from './bytes';
import { type EntryOutcome, entryName, ImportCollector, importError, isRecord, parseJsonText, stringField } from './common';
import type { ImportError, ImportResult } from './types';

const FORMAT = 'aegis' as const;
const PASSWORD_SLOT = 1;
const EMPTY = new Uint8Array(0);

/** Aegis uses n = 2^15, r = 8, p = 1; the caps stop a crafted file from demanding gigabytes. */
export const AEGIS_SCRYPT_LIMITS = { maxN: 2 ** 20, maxR: 32, maxP: 16 } as const;

export interface AegisOptions {
  password?: string;
  crypto?: CryptoPort;
}

export const isAegisShape = (value: unknown): boolean => isRecord(value) && isRecord(value.header) && 'db' in value;

const KINDS: Record<string, OtpKind> = { totp: 'totp', hotp: 'hotp', steam: 'steam' };

function readEntry(entry: unknown, index: number): EntryOutcome {
  if (!isRecord(entry)) return { name: `entry ${index + 1}`, fields: 'entry is not an object' };
  const issuer = stringField(entry, 'issuer');
  const accountName = stringField(entry, 'name');
  const name = entryName(issuer, accountName, `entry ${index + 1}`);
  const type = stringField(entry, 'type').toLowerCase();
  const kind = KINDS[type];
  if (kind === undefined) return { name, fields: type === '' ? 'entry has no type' : `${type} entries are not supported` };
  const info = entry.info;
  if (!isRecord(info) || typeof info.secret !== 'string') return { name, fields: 'entry has no secret' };
  const { algo: algorithm, digits, period, counter } = info;
  return { name, fields: { issuer, accountName, kind, secret: info.secret, algorithm, digits, period, counter } };
}

function readEntries(db: unknown): Result<ImportResult, ImportError> {
  if (!isRecord(db) || !Array.isArray(db.entries)) {
    return importError('bad-shape', FORMAT, 'the Aegis vault has no "entries" list');
  }
  const collector = new ImportCollector();
  db.entries.forEach((entry: unknown, index) => {
    collector.add(readEntry(entry, index));
  });
  return ok({ format: FORMAT, accounts: collector.accounts, unsupported: collector.unsupported });
}

interface SealedParams {
  nonce: Uint8Array;
  tag: Uint8Array;
}

function readSealedParams(value: unknown): SealedParams | null {
  if (!isRecord(value) || typeof value.nonce !== 'string' || typeof value.tag !== 'string') return null;
  const nonce = decodeHex(value.nonce);
  const tag = decodeHex(value.tag);
  if (nonce === null || tag === null || nonce.length !== 12 || tag.length !== 16) return null;
  return { nonce, tag };
}

interface PasswordSlot {
  salt: Uint8Array;
  params: ScryptParams;
  wrappedKey: Uint8Array;
  keyParams: SealedParams;
}

const isPowerOfTwo = (value: number): boolean => value > 1 && (value & (value - 1)) === 0;

function readPasswordSlot(slot: Record<string, unknown>): Result<PasswordSlot, ImportError> {
  const { n, r, p } = slot;
  if (
    typeof n !== 'number' ||
    typeof r !== 'number' ||
    typeof p !== 'number' ||
    !isPowerOfTwo(n) ||
    n > AEGIS_SCRYPT_LIMITS.maxN ||
    !Number.isInteger(r) ||
    r < 1 ||
    r > AEGIS_SCRYPT_LIMITS.maxR ||
    !Number.isInteger(p) ||
    p < 1 ||
    p > AEGIS_SCRYPT_LIMITS.maxP
  ) {
    return importError('bad-encryption-params', FORMAT, 'a password slot has scrypt parameters (n, r, p) out of range');
  }
  const salt = typeof slot.salt === 'string' ? decodeHex(slot.salt) : null;
  const wrappedKey = typeof slot.key === 'string' ? decodeHex(slot.key) : null;
  const keyParams = readSealedParams(slot.key_params);
  if (salt === null || salt.length === 0 || wrappedKey === null || wrappedKey.length !== 32 || keyParams === null) {
    return importError('bad-encryption-params', FORMAT, 'a password slot has a malformed salt, key or key_params');
  }
  return ok({ salt, params: { n, r, p }, wrappedKey, keyParams });
}

async function unwrapMasterKey(slots: PasswordSlot[], password: string, crypto: CryptoPort): Promise<Uint8Array | null> {
  const passwordBytes = new TextEncoder().encode(password);
  for (const slot of slots) {
    const derived = await crypto.scrypt(passwordBytes, slot.salt, slot.params, 32);
    const slotKey = await crypto.importAeadKey(derived);
    const master = await crypto.open(slotKey, slot.keyParams.nonce, concatBytes(slot.wrappedKey, slot.keyParams.tag), EMPTY);
    if (master !== null && master.length === 32) return master;
  }
  return null;
}

async function decryptDb(vault: Record<string, unknown>, options: AegisOptions): Promise<Result<unknown, ImportError>> {
  const header = vault.header as Record<string, unknown>;
  if (!Array.isArray(header.slots)) return importError('bad-shape', FORMAT, 'the encrypted Aegis vault has no key slots');
  const dbParams = readSealedParams(header.params);
  const ciphertext = decodeBase64(vault.db as string);
  if (dbParams === null || ciphertext === null) {
    return importError('bad-encryption-params', FORMAT, 'the encrypted Aegis vault has malformed params or db');
  }
  const slots: PasswordSlot[] = [];
  for (const slot of header.slots) {
    if (!isRecord(slot) || slot.type !== PASSWORD_SLOT) continue;
    const parsed = readPasswordSlot(slot);
    if (!parsed.ok) return parsed;
    slots.push(parsed.value);
  }
  if (slots.length === 0) {
    return importError('encrypted-unsupported', FORMAT, 'this Aegis vault can only be unlocked by fingerprint, not by password');
  }
  if (options.password === undefined || options.password === '') {
    return importError('password-required', FORMAT, 'this Aegis vault is encrypted: enter its password');
  }
  if (options.crypto === undefined) return importError('crypto-failed', FORMAT, 'no crypto implementation was provided');
  const { crypto } = options;
  try {
    const master = await unwrapMasterKey(slots, options.password, crypto);
    if (master === null) return importError('wrong-password', FORMAT, 'the password does not unlock this Aegis vault');
    const masterKey = await crypto.importAeadKey(master);
    const plaintext = await crypto.open(masterKey, dbParams.nonce, concatBytes(ciphertext, dbParams.tag), EMPTY);
    if (plaintext === null) {
      return importError('bad-payload', FORMAT, 'the password is right but the vault contents fail authentication: the file is damaged');
    }
    const text = new TextDecoder('utf-8', { fatal: true }).decode(plaintext);
    return ok(JSON.parse(text) as unknown);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return importError('crypto-failed', FORMAT, `decrypting the Aegis vault failed (${detail})`);
  }
}

/** Plain vaults need no options; encrypted ones need the password and a CryptoPort. */
export async function parseAegis(text: string, options: AegisOptions = {}): Promise<Result<ImportResult, ImportError>> {
  const json = parseJsonText(text, FORMAT);
  if (!json.ok) return json;
  return parseAegisJson(json.value, options);
}

export async function parseAegisJson(value: unknown, options: AegisOptions = {}): Promise<Result<ImportResult, ImportError>> {
  if (!isAegisShape(value)) return importError('bad-shape', FORMAT, 'not an Aegis vault: "header" and "db" are missing');
  const vault = value as Record<string, unknown>;
  if (typeof vault.db === 'string') {
    const db = await decryptDb(vault, options);
    return db.ok ? readEntries(db.value) : db;
  }
  return readEntries(vault.db);
}

/** Synchronous path for plain vaults (used by fuzzing and by callers without crypto). */
export function parseAegisPlain(text: string): Result<ImportResult, ImportError> {
  const json = parseJsonText(text, FORMAT);
  if (!json.ok) return json;
  if (!isAegisShape(json.value)) return importError('bad-shape', FORMAT, 'not an Aegis vault: "header" and "db" are missing');
  const vault = json.value as Record<string, unknown>;
  if (typeof vault.db === 'string') {
    return importError('password-required', FORMAT, 'this Aegis vault is encrypted: enter its password');
  }
  return readEntries(vault.db);
}
