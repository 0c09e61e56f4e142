/** QR codes made at test time: SVG for fixture pages, PNG for uploads. */
import { Resvg } from '@resvg/resvg-js';
import { generate } from 'lean-qr';
import { toSvgSource } from 'lean-qr/extras/svg';

export function qrSvg(text: string, pixels = 240): string {
  return toSvgSource(generate(text), { on: 'black', off: 'white', pad: 4, width: pixels, height: pixels });
}

export function qrPng(text: string, pixels = 320): Buffer {
  return new Resvg(qrSvg(text, pixels), { fitTo: { mode: 'width', value: pixels } }).render().asPng();
}

/** A Google Authenticator export link, encoded here by hand (protobuf wire format) to check our decoder. */
export function googleMigrationLink(entries: { secret: Buffer; name: string; issuer: string }[]): string {
  const varint = (value: number) => {
    const out: number[] = [];
    let rest = value;
    while (rest > 0x7f) {
      out.push((rest & 0x7f) | 0x80);
      rest >>>= 7;
    }
    out.push(rest);
    return Buffer.from(out);
  };
  const field = (number: number, wireType: number) => varint((number << 3) | wireType);
  const bytes = (number: number, value: Buffer) => Buffer.concat([field(number, 2), varint(value.length), value]);
  const number = (num: number, value: number) => Buffer.concat([field(num, 0), varint(value)]);
  const payload = Buffer.concat([
    ...entries.map((entry) =>
      bytes(
        1,
        Buffer.concat([
          bytes(1, entry.secret),
          bytes(2, Buffer.from(entry.name)),
          bytes(3, Buffer.from(entry.issuer)),
          number(4, 1), // SHA1
          number(5, 1), // six digits
          number(6, 2), // TOTP
        ]),
      ),
    ),
    number(2, 1),
    number(3, 1),
    number(4, 0),
    number(5, 12345),
  ]);
  return `otpauth-migration://offline?data=${encodeURIComponent(payload.toString('base64'))}`;
}
