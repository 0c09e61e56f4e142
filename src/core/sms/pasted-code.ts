/**
 * What a pasted or dropped text says about its code: an origin-bound SMS first (the format is
 * exact), else an e-mail with a recognisable sender. Neither: the SMS error is returned when the
 * text tried to be an SMS (it has an "@…#" line), else the e-mail's.
 */
import type { Result } from '../result';
import { parsePastedEmail } from './email-code';
import { parsePastedOriginBound } from './origin-bound';
import type { BoundCode, BoundCodeError } from './types';

export function parsePastedCode(text: string): Result<BoundCode, BoundCodeError> {
  const sms = parsePastedOriginBound(text);
  if (sms.ok || sms.error.code === 'empty' || sms.error.code === 'too-long') return sms;
  const email = parsePastedEmail(text);
  if (email.ok) return email;
  return sms.error.code === 'no-origin-bound-line' ? email : sms;
}
