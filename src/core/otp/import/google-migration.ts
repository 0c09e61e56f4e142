/**
 * Google Authenticator's export: one or more `otpauth-migration://offline?data=<base64>` links
 * (one per QR code), each a protobuf MigrationPayload. Decoded with protobufjs' Reader rather
 * than its reflection API, because reflection compiles decoders with `new Function`, which the
 * extension's content security policy forbids.
 *
 * Enum handling: algorithm unspecified → SHA1 and digits unspecified → 6 (Google's defaults);
 * type unspecified, MD5 or any unknown value → that entry is listed as unsupported.
 */
import protobuf from 'protobufjs/minimal.js';
import { ok, type Result } from '../../result';
import type { OtpAlgorithm, OtpKind } from '../account';
import { decodeBase64 } from './bytes';
import { checkTextSize, type EntryOutcome, entryName, ImportCollector, importError, splitIssuerFromName } from './common';
import type { ImportError, ImportResult } from './types';

const FORMAT = 'google-migration' as const;
const PREFIX = 'otpauth-migration://offline?';

export interface MigrationOtpParameters {
  secret: Uint8Array;
  name: string;
  issuer: string;
  algorithm: number;
  digits: number;
  type: number;
  /** null when the stored value does not fit a safe integer (or is negative). */
  counter: number | null;
}

export interface MigrationPayload {
  otpParameters: MigrationOtpParameters[];
  version: number;
  batchSize: number;
  batchIndex: number;
  batchId: number;
}

/** An export of thousands of accounts needs a few hundred QR codes; larger counts are damage. */
const MAX_BATCH_SIZE = 1000;

const WIRE_VARINT = 0;
const WIRE_BYTES = 2;

class PayloadError extends Error {}

type Reader = protobuf.Reader;

function expectWire(tag: number, wire: number): void {
  if ((tag & 7) !== wire) throw new PayloadError(`field ${tag >>> 3} has wire type ${tag & 7}, expected ${wire}`);
}

/** Long, number or anything with toString → a safe non-negative integer, or null. */
function toSafeCounter(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : null;
  const big = BigInt(String(value));
  return big >= 0n && big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : null;
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

function readOtpParameters(reader: Reader, end: number): MigrationOtpParameters {
  const entry: MigrationOtpParameters = {
    secret: new Uint8Array(0),
    name: '',
    issuer: '',
    algorithm: 0,
    digits: 0,
    type: 0,
    counter: 0,
  };
  while (reader.pos < end) {
    const tag = reader.uint32();
    switch (tag >>> 3) {
      case 1:
        expectWire(tag, WIRE_BYTES);
        entry.secret = reader.bytes();
        break;
      case 2:
        expectWire(tag, WIRE_BYTES);
        entry.name = utf8.decode(reader.bytes());
        break;
      case 3:
        expectWire(tag, WIRE_BYTES);
        entry.issuer = utf8.decode(reader.bytes());
        break;
      case 4:
        expectWire(tag, WIRE_VARINT);
        entry.algorithm = reader.int32();
        break;
      case 5:
        expectWire(tag, WIRE_VARINT);
        entry.digits = reader.int32();
        break;
      case 6:
        expectWire(tag, WIRE_VARINT);
        entry.type = reader.int32();
        break;
      case 7:
        expectWire(tag, WIRE_VARINT);
        entry.counter = toSafeCounter(reader.int64());
        break;
      default:
        reader.skipType(tag & 7);
    }
  }
  if (reader.pos !== end) throw new PayloadError('an account record overruns its length');
  return entry;
}

/** Decodes the protobuf bytes; any truncation or malformed field is an error, never a throw. */
export function decodeMigrationPayload(bytes: Uint8Array): Result<MigrationPayload, ImportError> {
  const payload: MigrationPayload = { otpParameters: [], version: 0, batchSize: 0, batchIndex: 0, batchId: 0 };
  try {
    const reader = protobuf.Reader.create(bytes);
    while (reader.pos < reader.len) {
      const tag = reader.uint32();
      switch (tag >>> 3) {
        case 1: {
          expectWire(tag, WIRE_BYTES);
          const length = reader.uint32();
          const end = reader.pos + length;
          if (end > reader.len) throw new PayloadError('an account record is cut short');
          payload.otpParameters.push(readOtpParameters(reader, end));
          break;
        }
        case 2:
          expectWire(tag, WIRE_VARINT);
          payload.version = reader.int32();
          break;
        case 3:
          expectWire(tag, WIRE_VARINT);
          payload.batchSize = reader.int32();
          break;
        case 4:
          expectWire(tag, WIRE_VARINT);
          payload.batchIndex = reader.int32();
          break;
        case 5:
          expectWire(tag, WIRE_VARINT);
          payload.batchId = reader.int32();
          break;
        default:
          reader.skipType(tag & 7);
      }
    }
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return importError('bad-payload', FORMAT, `the export data is damaged (${detail})`);
  }
  return ok(payload);
}

const ALGORITHMS: Record<number, OtpAlgorithm> = { 0: 'SHA1', 1: 'SHA1', 2: 'SHA256', 3: 'SHA512' };
const DIGITS: Record<number, number> = { 0: 6, 1: 6, 2: 8 };
const KINDS: Record<number, OtpKind> = { 1: 'hotp', 2: 'totp' };

function readMigrationEntry(entry: MigrationOtpParameters): EntryOutcome {
  const { issuer, accountName } = splitIssuerFromName(entry.issuer, entry.name);
  const name = entryName(issuer, accountName, '(unnamed account)');
  const algorithm = ALGORITHMS[entry.algorithm];
  if (algorithm === undefined) {
    return { name, fields: entry.algorithm === 4 ? 'MD5 codes are not supported' : `unknown algorithm value ${entry.algorithm}` };
  }
  const digits = DIGITS[entry.digits];
  if (digits === undefined) return { name, fields: `unknown digits value ${entry.digits}` };
  const kind = KINDS[entry.type];
  if (kind === undefined) {
    return {
      name,
      fields: entry.type === 0 ? 'the export does not say whether this is TOTP or HOTP' : `unknown type value ${entry.type}`,
    };
  }
  if (entry.counter === null) return { name, fields: 'counter is out of range' };
  return { name, fields: { issuer, accountName, kind, secret: entry.secret, algorithm, digits, counter: entry.counter } };
}

/** The base64 data of one link; '+' may arrive unescaped (read as a space) or as %2B. */
function linkData(link: string): Uint8Array | null {
  const query = link.slice(PREFIX.length);
  for (const part of query.split('&')) {
    if (!part.toLowerCase().startsWith('data=')) continue;
    let value = part.slice(5);
    try {
      value = decodeURIComponent(value);
    } catch {
      return null;
    }
    return decodeBase64(value.replace(/ /g, '+'));
  }
  return null;
}

/** Checks every batch of each export is present, so a missed QR code is not a silent loss. */
function missingBatches(payloads: readonly MigrationPayload[]): Result<MigrationPayload[], ImportError> {
  const byId = new Map<number, Map<number, MigrationPayload>>();
  const sizes = new Map<number, number>();
  for (const payload of payloads) {
    const size = Math.max(payload.batchSize, 1);
    if (size > MAX_BATCH_SIZE) {
      return importError('bad-payload', FORMAT, `the export claims ${size} QR codes; at most ${MAX_BATCH_SIZE} are accepted`);
    }
    if (payload.batchIndex < 0 || payload.batchIndex >= size) {
      return importError('bad-payload', FORMAT, `batch index ${payload.batchIndex + 1} is outside its batch of ${size}`);
    }
    const knownSize = sizes.get(payload.batchId);
    if (knownSize !== undefined && knownSize !== size) {
      return importError('bad-payload', FORMAT, `links of export ${payload.batchId} disagree on the number of QR codes`);
    }
    sizes.set(payload.batchId, size);
    const batches = byId.get(payload.batchId) ?? new Map<number, MigrationPayload>();
    // The same QR code scanned twice counts once.
    if (!batches.has(payload.batchIndex)) batches.set(payload.batchIndex, payload);
    byId.set(payload.batchId, batches);
  }
  const missing: string[] = [];
  const ordered: MigrationPayload[] = [];
  for (const [batchId, batches] of byId) {
    const size = sizes.get(batchId) ?? 1;
    for (let index = 0; index < size; index++) {
      const batch = batches.get(index);
      if (batch === undefined) missing.push(`${index + 1} of ${size}`);
      else ordered.push(batch);
    }
  }
  if (missing.length > 0) {
    const listed = missing.length > 10 ? `${missing.slice(0, 10).join(', ')} and ${missing.length - 10} more` : missing.join(', ');
    return importError(
      'missing-batches',
      FORMAT,
      `QR code${missing.length > 1 ? 's' : ''} ${listed} of the Google Authenticator export ${missing.length > 1 ? 'are' : 'is'} missing; scan every QR code the export shows`,
    );
  }
  return ok(ordered);
}

/** Parses one or more migration links (separated by whitespace), merging their batches. */
export function parseGoogleMigration(text: string): Result<ImportResult, ImportError> {
  const sized = checkTextSize(text, FORMAT);
  if (!sized.ok) return sized;
  const links = text.split(/\s+/).filter((piece) => piece !== '');
  if (links.length === 0) return importError('empty', FORMAT, 'no otpauth-migration:// link found');
  const payloads: MigrationPayload[] = [];
  for (const [index, link] of links.entries()) {
    const where = links.length > 1 ? `link ${index + 1}` : 'the link';
    if (!link.toLowerCase().startsWith(PREFIX)) {
      return importError('not-recognised', FORMAT, `${where} is not an otpauth-migration://offline?data=… link`);
    }
    const bytes = linkData(link);
    if (bytes === null || bytes.length === 0) {
      return importError('bad-payload', FORMAT, `${where} has no valid base64 data parameter`);
    }
    const payload = decodeMigrationPayload(bytes);
    if (!payload.ok) return importError('bad-payload', FORMAT, `${where}: ${payload.error.message}`);
    payloads.push(payload.value);
  }
  const complete = missingBatches(payloads);
  if (!complete.ok) return complete;
  const collector = new ImportCollector();
  for (const payload of complete.value) {
    for (const entry of payload.otpParameters) collector.add(readMigrationEntry(entry));
  }
  return ok({ format: FORMAT, accounts: collector.accounts, unsupported: collector.unsupported });
}
