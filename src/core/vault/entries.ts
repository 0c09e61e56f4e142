import type { AeadKey, CryptoPort } from '../ports';
import { err, ok, type Result } from '../result';
import { fromUtf8 } from './bytes';
import { type VaultError, vaultError } from './errors';
import { type Head, parseWith, sealedBoxSchema } from './format';
import type { KeyValueStore } from './ports';
import { aad, openBox } from './seal';

export interface VaultEntry {
  id: string;
  name: string;
  data: unknown;
}

export type DamageReason = 'record-missing' | 'record-unreadable' | 'authentication-failed' | 'invalid-json';

export interface DamagedEntry {
  id: string;
  /** The display name from the separately sealed name, or the id when that is damaged too. */
  name: string;
  reason: DamageReason;
  message: string;
}

export interface EntryListing {
  revision: number;
  ok: VaultEntry[];
  damaged: DamagedEntry[];
}

export async function openName(crypto: CryptoPort, key: AeadKey, head: Head, id: string): Promise<string | null> {
  const entry = head.entries[id];
  if (entry === undefined) return null;
  const bytes = await openBox(crypto, key, entry.name, aad.entryName(head.format, head.vaultId, id));
  return bytes === null ? null : fromUtf8(bytes);
}

/** Opens every entry; one damaged record never hides the others. */
export async function listEntries(
  store: KeyValueStore,
  crypto: CryptoPort,
  key: AeadKey,
  head: Head,
): Promise<Result<EntryListing, VaultError>> {
  const ids = Object.keys(head.entries);
  let records: Record<string, unknown>;
  try {
    records = ids.length === 0 ? {} : await store.get(ids.map((id) => head.entries[id]!.record));
  } catch (cause) {
    return err(vaultError.storage('read', cause));
  }
  const listing: EntryListing = { revision: head.revision, ok: [], damaged: [] };
  for (const id of ids) {
    const entry = head.entries[id]!;
    const name = (await openName(crypto, key, head, id)) ?? id;
    const damaged = (reason: DamageReason, message: string) => listing.damaged.push({ id, name, reason, message });
    if (!Object.hasOwn(records, entry.record)) {
      damaged('record-missing', `"${name}": its stored record is missing`);
      continue;
    }
    const box = parseWith(sealedBoxSchema, records[entry.record]);
    if (!box.ok) {
      damaged('record-unreadable', `"${name}": its stored record is malformed (${box.error.message})`);
      continue;
    }
    const plain = await openBox(crypto, key, box.value, aad.entryData(head.format, head.vaultId, id));
    if (plain === null) {
      damaged('authentication-failed', `"${name}": its stored record was altered or damaged and cannot be decrypted`);
      continue;
    }
    const data = parseJson(fromUtf8(plain));
    if (!data.ok) {
      damaged('invalid-json', `"${name}": decrypted but is not valid data`);
      continue;
    }
    listing.ok.push({ id, name, data: data.value });
  }
  return ok(listing);
}

export function parseJson(text: string | null): Result<unknown, string> {
  if (text === null) return err('not UTF-8');
  try {
    return ok(JSON.parse(text));
  } catch {
    return err('not JSON');
  }
}
