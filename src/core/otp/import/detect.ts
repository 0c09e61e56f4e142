/**
 * One entry point for "import a file or pasted text": size check first, then the format is
 * recognised from the content (not the file name) and handed to its parser.
 */
import type { CryptoPort } from '../../ports';
import { ok, type Result } from '../../result';
import { isAegisShape, parseAegisJson } from './aegis';
import { parseAndOtpJson } from './andotp';
import { isAuthenticatorExtensionShape, parseAuthenticatorExtensionJson } from './authenticator-extension';
import { isBitwardenShape, parseBitwardenJson } from './bitwarden';
import { checkTextSize, importError, MAX_IMPORT_BYTES, parseJsonText } from './common';
import { parseGoogleMigration } from './google-migration';
import { parseOtpauthListImport } from './otpauth-list';
import { isTwoFasShape, parseTwoFasJson } from './twofas';
import type { ImportError, ImportResult } from './types';

export interface ImportInput {
  text?: string;
  bytes?: Uint8Array;
  password?: string;
}

export interface ImportDeps {
  crypto: CryptoPort;
}

function inputText(input: ImportInput): Result<string, ImportError> {
  if (input.bytes !== undefined) {
    if (input.bytes.length > MAX_IMPORT_BYTES) {
      return importError('too-large', null, `the file is over ${MAX_IMPORT_BYTES / 1024 / 1024} MB; no authenticator export is that big`);
    }
    try {
      return ok(new TextDecoder('utf-8', { fatal: true }).decode(input.bytes));
    } catch {
      return importError('not-text', null, 'the file is not text; encrypted andOTP or other binary backups are not supported');
    }
  }
  if (input.text !== undefined) return checkTextSize(input.text, null);
  return importError('empty', null, 'nothing to import');
}

/** NUL and most other control characters never appear in a text export; they mean binary data. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 4096);
  for (let index = 0; index < sample.length; index++) {
    const unit = sample.charCodeAt(index);
    if (unit < 0x09 || (unit > 0x0d && unit < 0x20)) return true;
  }
  return false;
}

async function parseJsonImport(value: unknown, input: ImportInput, deps: ImportDeps): Promise<Result<ImportResult, ImportError>> {
  if (Array.isArray(value)) return parseAndOtpJson(value);
  if (isAegisShape(value)) return parseAegisJson(value, { password: input.password, crypto: deps.crypto });
  if (isTwoFasShape(value)) return parseTwoFasJson(value);
  if (isBitwardenShape(value)) return parseBitwardenJson(value);
  if (isAuthenticatorExtensionShape(value)) return parseAuthenticatorExtensionJson(value);
  return importError(
    'not-recognised',
    null,
    'this JSON is not a known export (Aegis, 2FAS, andOTP, Bitwarden or the Authenticator extension)',
  );
}

export async function detectAndParseImport(input: ImportInput, deps: ImportDeps): Promise<Result<ImportResult, ImportError>> {
  const text = inputText(input);
  if (!text.ok) return text;
  const body = text.value.replace(/^\uFEFF/, '').trim();
  if (body === '') return importError('empty', null, 'the file or text is empty');
  if (looksBinary(body)) return importError('not-text', null, 'the input is binary data, not a text or JSON export');
  const lower = body.slice(0, 64).toLowerCase();
  if (lower.startsWith('otpauth-migration://')) return parseGoogleMigration(body);
  if (lower.startsWith('otpauth://')) return parseOtpauthListImport(body);
  if (body.startsWith('{') || body.startsWith('[')) {
    const json = parseJsonText(body, null);
    if (!json.ok) return json;
    return parseJsonImport(json.value, input, deps);
  }
  return importError('not-recognised', null, 'this is not a known export: expected JSON or otpauth:// links');
}
