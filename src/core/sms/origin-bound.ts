/**
 * Parser for origin-bound one-time code messages, following the WICG draft
 * "Origin-bound one-time codes delivered via SMS" (https://wicg.github.io/sms-one-time-codes/):
 *
 *   747723 is your ExampleCo code.     ← explanatory text (every line but the last), ignored
 *
 *   @example.com #747723 %shop.example ← last line: "@" host, one space, "#" code, optionally one space and "%" embedded host
 *
 * As the draft says: newlines are normalised (CRLF, CR → LF) and only the last line counts;
 * nothing may come before "@"; exactly one space separates the fields; a token ends at ASCII
 * whitespace; text after the code (or after the embedded host) is ignored, and a space followed by
 * anything but "%token" leaves the embedded origin null.
 * Where the draft only says "a host" or "a string", OTP Guard is stricter and refuses rather than
 * guesses: the hosts must be bare host names with a registrable domain (no IP, port, path or public
 * suffix; IDN becomes punycode), a "%" token that is not such a host refuses the whole message, and
 * the code must look like a code (letters, digits, inner hyphens, ≤ 32 characters).
 */
import { err, ok, type Result } from '../result';
import { parseNamedHost } from './bound-host';
import { type BoundCode, type BoundCodeError, type BoundCodeErrorCode, CODE_SHAPE, MAX_PASTED_TEXT } from './types';

const fail = (code: BoundCodeErrorCode, message: string): Result<BoundCode, BoundCodeError> => err({ code, message });

const isAsciiWhitespace = (char: string | undefined): boolean =>
  char === ' ' || char === '\t' || char === '\n' || char === '\f' || char === '\r';

/** "Normalize newlines", then the last item of a strict split on LF. */
export function linesOf(message: string): string[] {
  return message.replace(/\r\n/g, '\n').replace(/\r/g, '\n').split('\n');
}

/** The draft's "extract a marked token": marker, then a run of non-whitespace; null on failure. */
function markedToken(line: string, position: number, marker: string): { token: string; end: number } | null {
  if (line[position] !== marker) return null;
  let end = position + 1;
  while (end < line.length && !isAsciiWhitespace(line[end])) end++;
  const token = line.slice(position + 1, end);
  return token === '' ? null : { token, end };
}

/** Parses one line as the last line of an origin-bound message. */
export function parseOriginBoundLine(line: string): Result<BoundCode, BoundCodeError> {
  if (line[0] !== '@') return fail('no-origin-bound-line', 'The message has no “@site #code” line at its end.');
  const top = markedToken(line, 0, '@');
  if (!top) return fail('missing-host', 'The “@” of the last line names no site.');
  const topHost = parseNamedHost(top.token);
  if (!topHost.ok) return fail('bad-host', `The site “@${top.token.slice(0, 80)}” ${topHost.error}.`);
  if (top.end >= line.length) return fail('missing-code', `The message names ${topHost.value.displaySite} but has no “#code”.`);
  if (line[top.end] !== ' ' || line[top.end + 1] !== '#') {
    return line.slice(top.end).includes('#')
      ? fail('bad-separator', 'The site and the “#code” must be separated by exactly one space.')
      : fail('missing-code', `The message names ${topHost.value.displaySite} but has no “#code”.`);
  }
  const code = markedToken(line, top.end + 1, '#');
  if (!code) return fail('missing-code', 'The “#” of the last line is followed by no code.');
  if (!CODE_SHAPE.test(code.token)) return fail('bad-code', 'The “#code” is not a one-time code (letters and digits, up to 32).');
  let embedded: BoundCode['embedded'] = null;
  if (line[code.end] === ' ') {
    const frame = markedToken(line, code.end + 1, '%');
    if (frame) {
      const frameHost = parseNamedHost(frame.token);
      if (!frameHost.ok) return fail('bad-embedded-host', `The embedded site “%${frame.token.slice(0, 80)}” ${frameHost.error}.`);
      embedded = frameHost.value;
    }
  }
  return ok({ source: 'sms', code: code.token, ...topHost.value, embedded });
}

/** The draft's parser, as written: the last line of the message, nothing else. */
export function parseOriginBoundMessage(message: string): Result<BoundCode, BoundCodeError> {
  if (message.length > MAX_PASTED_TEXT) return fail('too-long', 'The message is too long to be an SMS.');
  const lines = linesOf(message);
  return parseOriginBoundLine(lines[lines.length - 1] ?? '');
}

const sameCode = (a: BoundCode, b: BoundCode): boolean =>
  a.code === b.code && a.host === b.host && (a.embedded?.host ?? null) === (b.embedded?.host ?? null);

/**
 * What the user pasted or dropped, read as an origin-bound SMS. On top of the draft's rules:
 * trailing blank lines (a copy often ends with a line break) are dropped first; when another line
 * of the text is itself a valid "@site #code" line for a different site or code (two messages
 * pasted together), the text is refused as ambiguous; an "@site #code" line followed by more text
 * is refused with its own error (the draft only accepts it as the last line).
 */
export function parsePastedOriginBound(text: string): Result<BoundCode, BoundCodeError> {
  if (text.trim() === '') return fail('empty', 'Nothing was pasted.');
  if (text.length > MAX_PASTED_TEXT) return fail('too-long', 'The pasted text is too long to be an SMS.');
  const lines = linesOf(text);
  while (lines.length > 1 && (lines[lines.length - 1] ?? '').trim() === '') lines.pop();
  const last = parseOriginBoundLine(lines[lines.length - 1] ?? '');
  // Each distinct line once: a paste of the same line a thousand times costs one parse.
  const earlier = [...new Set(lines.slice(0, -1))]
    .filter((line) => line.startsWith('@'))
    .map(parseOriginBoundLine)
    .filter((parsed) => parsed.ok);
  if (!last.ok) {
    if (last.error.code === 'no-origin-bound-line' && earlier.length > 0) {
      return fail('not-last-line', 'The “@site #code” line must be the last line of the message; text follows it.');
    }
    return last;
  }
  if (earlier.some((parsed) => !sameCode(parsed.value, last.value))) {
    return fail('several-origin-bound-lines', 'The text holds several “@site #code” lines for different codes; paste one message.');
  }
  return last;
}
