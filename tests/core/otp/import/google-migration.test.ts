import { describe, expect, it } from 'vitest';
import { decodeMigrationPayload, parseGoogleMigration } from '../../../../src/core/otp/import/google-migration';
import { expectErr, expectOk, expectWellFormedError } from '../helpers';
import { MigrationPayloadType } from './migration-schema';
import { expectRfcSecretCode, summary } from './sample';

const Payload = MigrationPayloadType;

const RFC_SECRET = new TextEncoder().encode('12345678901234567890');
const OTHER_SECRET = new TextEncoder().encode('abcdefghijklmnopqrst');

interface Entry {
  secret?: Uint8Array;
  name?: string;
  issuer?: string;
  algorithm?: number;
  digits?: number;
  type?: number;
  counter?: number;
}

function migrationLink(entries: Entry[], batch = { batchSize: 1, batchIndex: 0, batchId: 77 }, urlEncode = true): string {
  const bytes = Payload.encode(Payload.create({ otpParameters: entries, version: 1, ...batch })).finish();
  const base64 = Buffer.from(bytes).toString('base64');
  return `otpauth-migration://offline?data=${urlEncode ? encodeURIComponent(base64) : base64}`;
}

const totp: Entry = { secret: RFC_SECRET, name: 'shopper@example.com', issuer: 'Amazon', algorithm: 1, digits: 1, type: 2 };

describe('Google Authenticator migration import', () => {
  it('reads TOTP and HOTP accounts from one link', () => {
    const hotp: Entry = { secret: OTHER_SECRET, name: 'Bank:ops', issuer: '', algorithm: 2, digits: 2, type: 1, counter: 41 };
    const result = expectOk(parseGoogleMigration(migrationLink([totp, hotp])));
    expect(result.format).toBe('google-migration');
    expect(summary(result)).toEqual([
      { issuer: 'Amazon', accountName: 'shopper@example.com', kind: 'totp', algorithm: 'SHA1', digits: 6, period: 30, counter: 0 },
      { issuer: 'Bank', accountName: 'ops', kind: 'hotp', algorithm: 'SHA256', digits: 8, period: 30, counter: 41 },
    ]);
    expectRfcSecretCode(result.accounts[0]);
    expect(result.unsupported).toEqual([]);
  });

  it('strips an "Issuer:" prefix from the name when it repeats the issuer', () => {
    const result = expectOk(parseGoogleMigration(migrationLink([{ ...totp, name: 'Amazon:bob' }])));
    expect(result.accounts[0]?.accountName).toBe('bob');
  });

  it('applies Google defaults for unspecified algorithm and digits', () => {
    const result = expectOk(parseGoogleMigration(migrationLink([{ secret: RFC_SECRET, name: 'x', type: 2 }])));
    expect(summary(result)[0]).toMatchObject({ algorithm: 'SHA1', digits: 6 });
  });

  it('merges several batches in index order and ignores a batch scanned twice', () => {
    const first = migrationLink([totp], { batchSize: 2, batchIndex: 0, batchId: 9 });
    const second = migrationLink([{ ...totp, secret: OTHER_SECRET, name: 'second' }], { batchSize: 2, batchIndex: 1, batchId: 9 });
    const result = expectOk(parseGoogleMigration(`${second}\n${first}\n${second}`));
    expect(result.accounts.map((draft) => draft.accountName)).toEqual(['shopper@example.com', 'second']);
  });

  it('refuses an export with a missing batch and says which', () => {
    const first = migrationLink([totp], { batchSize: 3, batchIndex: 0, batchId: 5 });
    const third = migrationLink([totp], { batchSize: 3, batchIndex: 2, batchId: 5 });
    const error = expectErr(parseGoogleMigration(`${first} ${third}`));
    expect(error.code).toBe('missing-batches');
    expect(error.message).toContain('2 of 3');
  });

  it('lists entries with unknown enum values (and MD5) as unsupported with reasons', () => {
    const result = expectOk(
      parseGoogleMigration(
        migrationLink([
          totp,
          { ...totp, name: 'md5', algorithm: 4 },
          { ...totp, name: 'alg9', algorithm: 9 },
          { ...totp, name: 'dig7', digits: 7 },
          { ...totp, name: 'type0', type: 0 },
          { ...totp, name: 'type5', type: 5 },
          { ...totp, name: 'short', secret: new Uint8Array(4) },
        ]),
      ),
    );
    expect(result.accounts).toHaveLength(1);
    expect(result.unsupported.map((entry) => [entry.name, entry.reason])).toEqual([
      ['Amazon: md5', 'MD5 codes are not supported'],
      ['Amazon: alg9', 'unknown algorithm value 9'],
      ['Amazon: dig7', 'unknown digits value 7'],
      ['Amazon: type0', 'the export does not say whether this is TOTP or HOTP'],
      ['Amazon: type5', 'unknown type value 5'],
      ['Amazon: short', expect.stringContaining('secret is 4 bytes')],
    ]);
  });

  it('accepts base64 whose "+" arrived unescaped (read as a space)', () => {
    const link = migrationLink([totp, { ...totp, name: '\u00ff\u00fe>>>?' }], undefined, false);
    expect(link).toContain('+');
    expect(expectOk(parseGoogleMigration(link)).accounts).toHaveLength(2);
    const [head, data] = link.split('data=');
    expect(expectOk(parseGoogleMigration(`${head}data=${data?.replace(/\+/g, '%20')}`)).accounts).toHaveLength(2);
  });

  it('gives clear errors for bad links and damaged data', () => {
    const cases: [string, string][] = [
      ['otpauth-migration://offline?foo=bar', 'bad-payload'],
      ['otpauth-migration://offline?data=%%%', 'bad-payload'],
      ['otpauth-migration://offline?data=!!!!', 'bad-payload'],
      ['otpauth://totp/x?secret=JBSWY3DPEHPK3PXP', 'not-recognised'],
      ['   ', 'empty'],
    ];
    for (const [text, code] of cases) {
      const error = expectErr(parseGoogleMigration(text));
      expect(error.code).toBe(code);
      expectWellFormedError(error);
    }
    const good = migrationLink([totp]);
    const data = Buffer.from(decodeURIComponent(good.split('data=')[1] ?? ''), 'base64');
    const truncated = `otpauth-migration://offline?data=${encodeURIComponent(data.subarray(0, data.length - 5).toString('base64'))}`;
    expect(expectErr(parseGoogleMigration(truncated)).code).toBe('bad-payload');
  });

  it('rejects a field with the wrong wire type instead of misreading it', () => {
    // Field 1 (otp_parameters) as a varint.
    expect(expectErr(decodeMigrationPayload(new Uint8Array([0x08, 0x01]))).code).toBe('bad-payload');
    // Unknown fields are skipped.
    expect(expectOk(decodeMigrationPayload(new Uint8Array([0x50, 0x01]))).otpParameters).toEqual([]);
  });
});

describe('Google migration batch limits', () => {
  it('refuses an absurd batch size instead of enumerating it (found by fuzzing)', () => {
    const link = migrationLink([totp], { batchSize: 2 ** 30, batchIndex: 0, batchId: 1 });
    const error = expectErr(parseGoogleMigration(link));
    expect(error.code).toBe('bad-payload');
    expect(error.message).toContain('QR codes');
  });

  it('keeps the missing-batches message short for large exports', () => {
    const link = migrationLink([totp], { batchSize: 40, batchIndex: 0, batchId: 1 });
    const error = expectErr(parseGoogleMigration(link));
    expect(error.code).toBe('missing-batches');
    expect(error.message).toContain('and 29 more');
  });
});
