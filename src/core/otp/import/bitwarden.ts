/**
 * Bitwarden JSON export (unencrypted): `items[]`, where a login item's `login.totp` is an
 * otpauth:// link, a bare base32 key (TOTP, SHA1, 6 digits, 30 s) or `steam://KEY`.
 * The item name stands in for a missing issuer and the login's username for a missing account.
 * Items without a TOTP are passwords, not authenticator accounts, and are not listed.
 */
import { ok, type Result } from '../../result';
import { parseOtpauthUri } from '../otpauth';
import { buildDraft } from '../params';
import { entryName, ImportCollector, importError, isRecord, parseJsonText, stringField } from './common';
import type { ImportError, ImportResult } from './types';

const FORMAT = 'bitwarden' as const;

export const isBitwardenShape = (value: unknown): boolean =>
  isRecord(value) && Array.isArray(value.items) && typeof value.encrypted === 'boolean';

export function parseBitwarden(text: string): Result<ImportResult, ImportError> {
  const json = parseJsonText(text, FORMAT);
  return json.ok ? parseBitwardenJson(json.value) : json;
}

function addTotp(collector: ImportCollector, totp: string, itemName: string, username: string): void {
  const name = entryName(itemName, username, '(unnamed item)');
  if (!totp.toLowerCase().startsWith('otpauth://')) {
    const steam = totp.toLowerCase().startsWith('steam://');
    collector.add({
      name,
      fields: {
        issuer: itemName,
        accountName: username,
        kind: steam ? 'steam' : 'totp',
        secret: steam ? totp.slice('steam://'.length) : totp,
      },
    });
    return;
  }
  const parsed = parseOtpauthUri(totp);
  if (!parsed.ok) {
    collector.skip(name, parsed.error.message);
    return;
  }
  const draft = parsed.value;
  const filled = buildDraft({
    issuer: draft.issuer || itemName,
    accountName: draft.accountName || username,
    otp: draft.otp,
    // buildDraft adds short-secret again; keep only the link's other warnings.
    warnings: draft.warnings.filter((warning) => warning.code !== 'short-secret'),
  });
  if (filled.ok) collector.accounts.push(filled.value);
  else collector.skip(name, filled.error.message);
}

export function parseBitwardenJson(value: unknown): Result<ImportResult, ImportError> {
  if (!isRecord(value)) return importError('bad-shape', FORMAT, 'not a Bitwarden export: the file is not a JSON object');
  if (value.encrypted === true) {
    return importError(
      'encrypted-unsupported',
      FORMAT,
      'this Bitwarden export is encrypted; export again choosing the ".json" (not encrypted) format',
    );
  }
  if (!Array.isArray(value.items)) return importError('bad-shape', FORMAT, 'not a Bitwarden export: "items" is not a list');
  const collector = new ImportCollector();
  for (const [index, item] of (value.items as unknown[]).entries()) {
    if (!isRecord(item)) {
      collector.skip(`item ${index + 1}`, 'item is not an object');
      continue;
    }
    const login = item.login;
    if (!isRecord(login) || typeof login.totp !== 'string' || login.totp.trim() === '') continue;
    addTotp(collector, login.totp.trim(), stringField(item, 'name').trim(), stringField(login, 'username').trim());
  }
  return ok({ format: FORMAT, accounts: collector.accounts, unsupported: collector.unsupported });
}
