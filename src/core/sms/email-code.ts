/**
 * A pasted e-mail that names its site by its sender. Supported, and nothing else:
 * - a header line at the start of a line: `From:` or its name in the mail clients of the finder's
 *   languages (`Von:`, `De:`, `Da:`, `Van:`, `Od:`, `Från:`, `Fra:`, `差出人:`, `发件人:`, `寄件者:`,
 *   `送信者:`), colon ASCII or full-width, spaces around it allowed, after any `>` quote marks;
 * - followed by `Display Name <local@domain>`, `"Name" <local@domain>`, `<local@domain>` or a bare
 *   `local@domain` — the address's domain is the sender; the display name is never read
 *   (`From: amazon.com <x@evil.example>` is evil.example);
 * - several such lines (a forwarded chain) are accepted only when all name the same site.
 * Reply-To, Sender, Return-Path, signatures and links in the body are ignored.
 * The code: the last line may be an origin-bound `@site #code` line (then the SMS rules apply and
 * its site must be the sender's); otherwise the one code-looking number (4–10 digits standing
 * alone) on a line of its own, else the one on a line that says "code"/"Code"/"código"/"コード"/…,
 * else the only one in the body. More than one distinct candidate at the deciding step: refused.
 */
import { err, ok, type Result } from '../result';
import { parseNamedHost } from './bound-host';
import { linesOf, parseOriginBoundLine } from './origin-bound';
import { type BoundCode, type BoundCodeError, type BoundCodeErrorCode, MAX_PASTED_TEXT } from './types';

const fail = (code: BoundCodeErrorCode, message: string): Result<BoundCode, BoundCodeError> => err({ code, message });

const FROM_LINE = /^\s*(?:>\s*)*(?:from|von|de|da|van|od|från|fra|差出人|发件人|寄件者|寄件人|送信者)\s*[:：]\s*(.*)$/iu;
/** `<local@domain>` first; else a bare address as the whole value or its last word. */
const ANGLE_ADDRESS = /<\s*([^<>\s@]+)@([^<>\s@]+)\s*>\s*$/u;
const BARE_ADDRESS = /(?:^|\s)([^<>\s@"]+)@([^<>\s@"]+)$/u;
const CANDIDATE = /(?<![\p{L}\p{N}_\-./:,@#+])[0-9]{4,10}(?![\p{L}\p{N}_\-/:@+]|[.,]\p{N})/gu;
const CODE_WORDS = /code|código|codigo|codice|kod|pin|otp|passcode|パスコード|コード|認証|验证码|驗證碼|代码|代碼|确认码/iu;

interface Sender {
  host: string;
  site: string;
  displaySite: string;
}

function senderOf(value: string): Result<Sender, string> | null {
  const match = ANGLE_ADDRESS.exec(value) ?? BARE_ADDRESS.exec(value.trim());
  if (!match) return null;
  const domain = match[2] ?? '';
  const host = parseNamedHost(domain);
  return host.ok ? ok(host.value) : err(`the sender's domain “${domain.slice(0, 80)}” ${host.error}`);
}

function findSender(lines: readonly string[]): Result<Sender, BoundCodeError> {
  const senders: Sender[] = [];
  for (const line of lines) {
    const header = FROM_LINE.exec(line);
    if (!header) continue;
    const sender = senderOf(header[1] ?? '');
    if (sender === null) continue;
    if (!sender.ok) return err({ code: 'bad-host', message: `The e-mail cannot be checked: ${sender.error}.` });
    senders.push(sender.value);
  }
  const first = senders[0];
  if (!first) return err({ code: 'no-sender', message: 'The pasted text has no “From: … <address>” line naming its sender.' });
  if (senders.some((sender) => sender.site !== first.site)) {
    return err({ code: 'several-senders', message: 'The pasted text has senders from several sites; paste one e-mail.' });
  }
  return ok(first);
}

/** The one code at the first tier that has any candidate; several distinct ones there: ambiguous. */
function findCode(bodyLines: readonly string[]): Result<string, BoundCodeError> {
  const found = bodyLines.map((line) => ({ line, codes: [...line.matchAll(CANDIDATE)].map((match) => match[0]) }));
  const tiers = [
    found.filter(({ line, codes }) => codes.length === 1 && line.trim() === codes[0]),
    found.filter(({ line }) => CODE_WORDS.test(line)),
    found,
  ];
  for (const tier of tiers) {
    const distinct = new Set(tier.flatMap(({ codes }) => codes));
    if (distinct.size === 0) continue;
    const [only] = distinct;
    if (distinct.size > 1 || only === undefined) {
      return err({ code: 'ambiguous-code', message: 'The e-mail holds several numbers that could be the code; copy the code itself.' });
    }
    return ok(only);
  }
  return err({ code: 'no-code', message: 'No one-time code was found in the pasted e-mail.' });
}

export function parsePastedEmail(text: string): Result<BoundCode, BoundCodeError> {
  if (text.trim() === '') return fail('empty', 'Nothing was pasted.');
  if (text.length > MAX_PASTED_TEXT) return fail('too-long', 'The pasted text is too long.');
  const lines = linesOf(text);
  const sender = findSender(lines);
  if (!sender.ok) return sender;
  while (lines.length > 1 && (lines[lines.length - 1] ?? '').trim() === '') lines.pop();
  const bound = parseOriginBoundLine(lines[lines.length - 1] ?? '');
  if (bound.ok) {
    if (bound.value.site !== sender.value.site) {
      return fail('several-senders', `The e-mail is from ${sender.value.displaySite} but its code line names ${bound.value.displaySite}.`);
    }
    return ok({ ...bound.value, source: 'email' });
  }
  const body = lines.filter((line) => !FROM_LINE.test(line) && !/^\s*(?:date|datum|fecha|data|日付|日期|sent|gesendet|envoyé)\s*[:：]/iu.test(line));
  const code = findCode(body);
  if (!code.ok) return code;
  return ok({ source: 'email', code: code.value, ...sender.value, embedded: null });
}
