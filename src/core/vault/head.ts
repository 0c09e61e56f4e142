import { err, ok, type Result } from '../result';
import { type VaultError, vaultError } from './errors';
import { claimedFormat, FORMAT_VERSION, HEAD_KEY, type Head, parseHead } from './format';
import type { KeyValueStore } from './ports';

/** Reads the pointer record: null when no vault exists. */
export async function readHead(store: KeyValueStore): Promise<Result<Head | null, VaultError>> {
  let found: Record<string, unknown>;
  try {
    found = await store.get([HEAD_KEY]);
  } catch (cause) {
    return err(vaultError.storage('read', cause));
  }
  if (!Object.hasOwn(found, HEAD_KEY) || found[HEAD_KEY] === undefined) return ok(null);
  const raw = found[HEAD_KEY];
  const parsed = parseHead(raw);
  if (parsed.ok) return ok(parsed.value);
  const format = claimedFormat(raw);
  if (format !== null && format > FORMAT_VERSION) {
    return err({
      code: 'unsupported-format',
      format,
      message: `this vault was written by a newer version of OTP Guard (format ${format}) in a layout this version cannot read; update the extension`,
    });
  }
  return err({ code: 'corrupt-header', message: `the vault header is damaged (${parsed.error.message})` });
}

export const isNewerFormat = (head: Head): boolean => head.format > FORMAT_VERSION;
