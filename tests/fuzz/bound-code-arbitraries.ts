/**
 * Texts for the origin-bound code parsers: well-formed SMS and e-mails, then the same with
 * hostile changes (extra spaces, tabs, CR/LF mixes, junk hosts, IDN and lookalike hosts, several
 * "@" lines, huge lines), plus arbitrary strings.
 */
import fc from 'fast-check';

const goodHosts = fc.constantFrom('amazon.com', 'signin.aws.amazon.com', 'www.amazon.de', 'bücher.de', 'me.github.io', 'bbc.co.uk', 'AMAZON.COM');
const hosts = fc.oneof(
  { arbitrary: goodHosts, weight: 4 },
  fc.constantFrom('amazon.com', 'signin.aws.amazon.com', 'bücher.de', 'xn--bcher-kva.de', 'аmazon.com', 'co.uk', 'github.io', 'me.github.io', '127.0.0.1', '[::1]', 'localhost', 'a..b', 'amazon.com:443', 'amazon.com/x', 'user@amazon.com', 'ex%41mple.com', 'amazon.com.', '例え.テスト', 'a。com', ''),
  fc.domain(),
  fc.string({ maxLength: 20 }),
);
const codes = fc.oneof({ arbitrary: fc.stringMatching(/^[0-9]{4,8}$/), weight: 5 }, fc.stringMatching(/^[A-Z0-9-]{1,12}$/), fc.string({ maxLength: 12 }), fc.constant(''));
const gap = fc.constantFrom(' ', ' ', ' ', ' ', ' ', ' ', '  ', '\t', '', ' x ', '\u00a0');
const newline = fc.constantFrom('\n', '\r\n', '\r', '\n\n', '\u2028');
const prose = fc.oneof(fc.constantFrom('123456 is your code.', 'Your Amazon code: 654321', 'Do not share it.', ''), fc.string({ maxLength: 40 }));
const tail = fc.oneof(fc.constant(''), fc.constantFrom(' $future', ' %', ' %shop.example', ' %co.uk', ' junk'), hosts.map((host) => ` %${host}`));

const boundLine = fc.tuple(hosts, gap, codes, tail).map(([host, space, code, rest]) => `@${host}${space}#${code}${rest}`);

export const originBoundText: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.array(fc.tuple(prose, newline), { maxLength: 4 }), boundLine, fc.constantFrom('', '\n', '\n \n', ' ')).map(
    ([before, line, after]) => `${before.map(([text, nl]) => text + nl).join('')}${line}${after}`,
  ),
  fc.tuple(boundLine, newline, boundLine).map(([a, nl, b]) => `${a}${nl}${b}`),
  fc.tuple(boundLine, newline, prose).map(([line, nl, text]) => `${line}${nl}${text}`),
  fc.string({ maxLength: 200 }),
  fc.string({ maxLength: 60, unit: 'grapheme' }).map((text) => `@${text}`),
  fc.nat({ max: 30_000 }).map((length) => `@amazon.com #1${'2'.repeat(length)}`),
);

const fromName = fc.constantFrom('From', 'from', 'Von', 'De ', 'Da', 'Van', 'Od', '差出人', '发件人', 'Reply-To', 'Subject');
const address = fc.tuple(fc.constantFrom('', 'Amazon ', '"Amazon, Inc." ', 'amazon.com '), fc.stringMatching(/^[a-z.-]{0,12}$/), hosts, fc.boolean()).map(
  ([name, local, host, angle]) => (angle ? `${name}<${local}@${host}>` : `${local}@${host}`),
);
const bodyLine = fc.oneof(
  prose,
  codes,
  fc.constantFrom('Your verification code is 482913', 'Ihr Code: 102938', '© 2026 Amazon', 'Call 0800 123 4567', 'Order 112-3345566-7788', '認証コード：556677'),
);

export const emailText: fc.Arbitrary<string> = fc.tuple(
  fc.array(fc.tuple(fromName, fc.constantFrom(':', '：', ' :'), address), { minLength: 0, maxLength: 3 }),
  fc.array(bodyLine, { maxLength: 8 }),
  fc.option(boundLine),
  newline,
).map(([headers, body, bound, nl]) =>
  [...headers.map(([name, colon, addr]) => `${name}${colon} ${addr}`), ...body, ...(bound ? [bound] : [])].join(nl),
);

export const pastedText: fc.Arbitrary<string> = fc.oneof(originBoundText, emailText, fc.string({ maxLength: 300 }));

/** Site names as an editor or a catalogue would give them, and broken ones. */
export const bindingText: fc.Arbitrary<string> = fc.oneof(
  hosts,
  fc.webUrl(),
  fc.tuple(fc.constantFrom('', '*.', 'https://', 'http://', ' ', 'ftp://'), hosts, fc.constantFrom('', '/', ':443', '.', '..', '/path?q=1', ' ')).map(
    ([before, host, after]) => `${before}${host}${after}`,
  ),
  fc.string({ maxLength: 80 }),
);
