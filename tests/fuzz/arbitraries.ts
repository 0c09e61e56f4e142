/**
 * Input generators for fuzzing the otpauth parser, base32 and every import parser: pure noise,
 * JSON of the wrong shape, and structure-aware inputs close to each real format (so the fuzzer
 * reaches past the first shape check).
 */
import fc from 'fast-check';
import { MigrationPayloadType } from '../core/otp/import/migration-schema';

/** Mostly the valid choice, sometimes the broken one: deep paths get reached often enough. */
const mostly = <T, U>(valid: fc.Arbitrary<T>, broken: fc.Arbitrary<U>) =>
  fc.oneof({ arbitrary: valid, weight: 6 }, { arbitrary: broken, weight: 1 });

const base32Char = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567abcxyz =-1890!%'.split(''));
export const base32ish = fc.string({ unit: base32Char, maxLength: 80 });
const validSecret = fc.constantFrom('JBSWY3DPEHPK3PXP', 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 'jbsw y3dp ehpk 3pxp', '', 'AAAA====');

/** A field value as messy as real files get: right type, wrong type, absent. */
const fieldValue = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.integer({ min: -5, max: 5000 }),
  fc.double(),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('SHA1', 'sha256', 'SHA512', 'MD5', 'TOTP', 'HOTP', 'STEAM', 'totp', 'hotp', 'steam', 'battle', 'hex', 'hhex', 'motp', '6', '8'),
  fc.boolean(),
  fc.array(fc.integer(), { maxLength: 2 }),
);

const secretValue = fc.oneof(validSecret, base32ish, fieldValue);

export const otpauthUri = fc.oneof(
  { arbitrary: fc.string({ maxLength: 120 }), weight: 1 },
  {
    weight: 5,
    arbitrary: fc
    .record({
      scheme: mostly(fc.constantFrom('otpauth://', 'OTPAUTH://'), fc.constantFrom('otpauth:/', '')),
      type: mostly(fc.constantFrom('totp', 'hotp', 'steam', 'TOTP'), fc.constantFrom('motp', '')),
      secret: mostly(validSecret, base32ish),
      label: fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('Issuer:acc', 'A%3Ab', '%E0%A4%A', '%', ':')),
      params: fc.array(
        fc.tuple(
          fc.constantFrom('secret', 'issuer', 'algorithm', 'digits', 'period', 'counter', 'encoder', 'image', 'SECRET', ''),
          fc.oneof(validSecret, fc.string({ maxLength: 12 }), fc.integer({ min: -10, max: 100000 }).map(String), fc.constantFrom('steam', '%', '%zz')),
        ),
        { maxLength: 7 },
      ),
    })
    .map(
      ({ scheme, type, label, secret, params }) =>
        `${scheme}${type}/${label}?secret=${secret}&${params.map(([key, value]) => `${key}=${value}`).join('&')}`,
    ),
  },
);

export const otpauthText = fc.array(otpauthUri, { maxLength: 5 }).map((lines) => lines.join('\n'));

const MigrationPayload = MigrationPayloadType;

const migrationEntry = fc.record({
  secret: mostly(fc.uint8Array({ minLength: 10, maxLength: 64 }), fc.uint8Array({ maxLength: 70 })),
  name: fc.string({ maxLength: 12 }),
  issuer: fc.string({ maxLength: 12 }),
  algorithm: mostly(fc.integer({ min: 0, max: 3 }), fc.integer({ min: -1, max: 6 })),
  digits: mostly(fc.integer({ min: 0, max: 2 }), fc.integer({ min: -1, max: 4 })),
  type: mostly(fc.integer({ min: 1, max: 2 }), fc.integer({ min: -1, max: 4 })),
  counter: fc.integer({ min: -2, max: 2 ** 31 }),
});

const migrationBytes = fc
  .record({
    entries: fc.array(migrationEntry, { maxLength: 4 }),
    batchSize: mostly(fc.constantFrom(0, 1), fc.integer({ min: -1, max: 4 })),
    batchIndex: mostly(fc.constant(0), fc.integer({ min: -1, max: 4 })),
    batchId: fc.integer({ min: 0, max: 3 }),
    mutation: fc.option(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.boolean()), { freq: 2 }),
  })
  .map(({ entries, batchSize, batchIndex, batchId, mutation }) => {
    const bytes = MigrationPayload.encode(
      MigrationPayload.create({ otpParameters: entries, version: 1, batchSize, batchIndex, batchId }),
    ).finish();
    if (mutation === null || bytes.length === 0) return bytes;
    const [position, value, truncate] = mutation;
    const copy = Uint8Array.from(bytes);
    const at = position % copy.length;
    if (truncate) return copy.subarray(0, at);
    copy[at] = value;
    return copy;
  });

const migrationLink = fc.oneof(
  {
    arbitrary: migrationBytes.map((bytes) => `otpauth-migration://offline?data=${encodeURIComponent(Buffer.from(bytes).toString('base64'))}`),
    weight: 4,
  },
  {
    arbitrary: fc.uint8Array({ maxLength: 200 }).map((bytes) => `otpauth-migration://offline?data=${Buffer.from(bytes).toString('base64')}`),
    weight: 1,
  },
  { arbitrary: fc.string({ maxLength: 60 }).map((text) => `otpauth-migration://offline?data=${text}`), weight: 1 },
);

export const googleMigrationText = fc.oneof(
  { arbitrary: fc.array(migrationLink, { minLength: 1, maxLength: 3 }).map((links) => links.join('\n')), weight: 5 },
  { arbitrary: fc.string({ maxLength: 100 }), weight: 1 },
);

const jsonNoise = fc.oneof(fc.string({ maxLength: 80 }), fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)));

const aegisEntry = fc.record(
  {
    type: fieldValue,
    name: fieldValue,
    issuer: fieldValue,
    info: fc.oneof(fieldValue, fc.record({ secret: secretValue, algo: fieldValue, digits: fieldValue, period: fieldValue, counter: fieldValue })),
  },
  { requiredKeys: [] },
);

const hex = (length: number) => fc.uint8Array({ minLength: length, maxLength: length }).map((bytes) => Buffer.from(bytes).toString('hex'));

/** Encrypted-looking vaults with tiny scrypt costs, so the fuzzer exercises the slot path quickly. */
const aegisEncrypted = fc.record({
  version: fc.constant(1),
  header: fc.record({
    slots: fc.array(
      fc.record({
        type: mostly(fc.constant(1), fc.constantFrom(2, 3, '1')),
        key: mostly(hex(32), fc.string({ maxLength: 10 })),
        key_params: mostly(fc.record({ nonce: mostly(hex(12), hex(3)), tag: mostly(hex(16), hex(2)) }), fieldValue),
        n: mostly(fc.constantFrom(2, 4, 16), fc.constantFrom(3, 0, -1, 2 ** 40, 'x')),
        r: mostly(fc.constantFrom(1, 2), fc.constantFrom(0, 99)),
        p: mostly(fc.constant(1), fc.constantFrom(0, 2)),
        salt: mostly(hex(16), fc.string({ maxLength: 5 })),
      }),
      { maxLength: 2 },
    ),
    params: mostly(fc.record({ nonce: hex(12), tag: hex(16) }), fieldValue),
  }),
  db: mostly(fc.base64String({ maxLength: 40 }), fc.string({ maxLength: 10 })),
});

export const aegisText = fc.oneof(
  jsonNoise,
  fc
    .record({ version: fieldValue, header: fc.oneof(fieldValue, fc.constant({ slots: null, params: null })), db: fc.oneof(fieldValue, fc.record({ entries: fc.oneof(fieldValue, fc.array(aegisEntry, { maxLength: 4 })) })) })
    .map((value) => JSON.stringify(value)),
  aegisEncrypted.map((value) => JSON.stringify(value)),
);

const twoFasService = fc.record(
  {
    name: fieldValue,
    secret: secretValue,
    otp: fc.oneof(
      fieldValue,
      fc.record(
        { account: fieldValue, issuer: fieldValue, label: fieldValue, digits: fieldValue, period: fieldValue, algorithm: fieldValue, tokenType: fieldValue, counter: fieldValue },
        { requiredKeys: [] },
      ),
    ),
  },
  { requiredKeys: [] },
);

export const twoFasText = fc.oneof(
  jsonNoise,
  fc
    .record(
      { services: fc.oneof(fieldValue, fc.array(fc.oneof(twoFasService, fieldValue), { maxLength: 4 })), schemaVersion: fieldValue, servicesEncrypted: fieldValue },
      { requiredKeys: [] },
    )
    .map((value) => JSON.stringify(value)),
);

const andOtpEntry = fc.record(
  { secret: secretValue, issuer: fieldValue, label: fieldValue, digits: fieldValue, type: fieldValue, algorithm: fieldValue, period: fieldValue, counter: fieldValue },
  { requiredKeys: [] },
);

export const andOtpText = fc.oneof(jsonNoise, fc.array(fc.oneof(andOtpEntry, fieldValue), { maxLength: 5 }).map((value) => JSON.stringify(value)));

const bitwardenItem = fc.record(
  {
    type: fieldValue,
    name: fieldValue,
    login: fc.oneof(
      fieldValue,
      fc.record(
        { username: fieldValue, totp: fc.oneof(fieldValue, validSecret, otpauthUri, validSecret.map((secret) => `steam://${secret}`)) },
        { requiredKeys: [] },
      ),
    ),
  },
  { requiredKeys: [] },
);

export const bitwardenText = fc.oneof(
  jsonNoise,
  fc
    .record({ encrypted: fc.oneof(fc.boolean(), fieldValue), items: fc.oneof(fieldValue, fc.array(fc.oneof(bitwardenItem, fieldValue), { maxLength: 4 })) })
    .map((value) => JSON.stringify(value)),
);

const extensionEntry = fc.record(
  { account: fieldValue, issuer: fieldValue, secret: fc.oneof(secretValue, hex(20)), type: fieldValue, encrypted: fc.oneof(fc.boolean(), fieldValue), period: fieldValue, digits: fieldValue, algorithm: fieldValue, counter: fieldValue },
  { requiredKeys: [] },
);

export const authenticatorExtensionText = fc.oneof(
  jsonNoise,
  fc.dictionary(fc.oneof(fc.string({ maxLength: 8 }), fc.constant('key')), fc.oneof(extensionEntry, fieldValue), { maxKeys: 4 }).map((value) => JSON.stringify(value)),
);

/** Anything a user might drop on the import page. */
export const anyImportInput = fc.oneof(
  otpauthText.map((text) => ({ text })),
  googleMigrationText.map((text) => ({ text })),
  aegisText.map((text) => ({ text, password: 'pw' })),
  twoFasText.map((text) => ({ text })),
  andOtpText.map((text) => ({ text })),
  bitwardenText.map((text) => ({ text })),
  authenticatorExtensionText.map((text) => ({ text })),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => ({ bytes })),
);
