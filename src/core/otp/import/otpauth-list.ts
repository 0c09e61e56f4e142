/**
 * A text list of otpauth:// links (one or more per line). Lines that fail are listed as
 * unsupported with the line number and the field that is wrong; text with no link at all is
 * an error.
 */
import { ok, type Result } from '../../result';
import { parseOtpauthList } from '../otpauth';
import { checkTextSize, ImportCollector, importError } from './common';
import type { ImportError, ImportResult } from './types';

const FORMAT = 'otpauth-list' as const;

export function parseOtpauthListImport(text: string): Result<ImportResult, ImportError> {
  const sized = checkTextSize(text, FORMAT);
  if (!sized.ok) return sized;
  const entries = parseOtpauthList(text);
  if (!entries.some((entry) => entry.text.toLowerCase().startsWith('otpauth://'))) {
    return importError('not-recognised', FORMAT, 'no otpauth:// link found in the text');
  }
  const collector = new ImportCollector();
  for (const entry of entries) {
    if (entry.result.ok) collector.accounts.push(entry.result.value);
    else collector.skip(`line ${entry.line}`, entry.result.error.message);
  }
  return ok({ format: FORMAT, accounts: collector.accounts, unsupported: collector.unsupported });
}
