import { createCipheriv, randomBytes, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseAegis, parseAegisPlain } from '../../../../src/core/otp/import/aegis';
import { expectErr, expectOk, expectWellFormedError } from '../helpers';
import { createNodeCryptoPort } from '../node-crypto-port';
import { expectRfcSecretCode, readSample, summary } from './sample';

const crypto = createNodeCryptoPort();
/** Small scrypt cost keeps tests quick; the format is the same as Aegis' n = 2^15. */
const TEST_SCRYPT = { n: 2 ** 10, r: 8, p: 1 };

function gcmSeal(key: Buffer, plaintext: Buffer): { nonce: Buffer; ciphertext: Buffer; tag: Buffer } {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { nonce, ciphertext, tag: cipher.getAuthTag() };
}

/** Builds an encrypted vault the way the Aegis docs describe, from the plain sample's db. */
function encryptedVault(password: string, extraSlots: object[] = [], scrypt = TEST_SCRYPT): Record<string, unknown> {
  const plain = JSON.parse(readSample('aegis-plain.json')) as { db: unknown };
  const masterKey = randomBytes(32);
  const salt = randomBytes(32);
  const slotKey = scryptSync(Buffer.from(password, 'utf8'), salt, 32, { N: scrypt.n, r: scrypt.r, p: scrypt.p });
  const wrapped = gcmSeal(slotKey, masterKey);
  const db = gcmSeal(masterKey, Buffer.from(JSON.stringify(plain.db), 'utf8'));
  return {
    version: 1,
    header: {
      slots: [
        ...extraSlots,
        {
          type: 1,
          uuid: '6f2b1c3e-0000-4000-8000-000000000001',
          key: wrapped.ciphertext.toString('hex'),
          key_params: { nonce: wrapped.nonce.toString('hex'), tag: wrapped.tag.toString('hex') },
          n: scrypt.n,
          r: scrypt.r,
          p: scrypt.p,
          salt: salt.toString('hex'),
          repaired: true,
          is_backup: false,
        },
      ],
      params: { nonce: db.nonce.toString('hex'), tag: db.tag.toString('hex') },
    },
    db: db.ciphertext.toString('base64'),
  };
}

const biometricSlot = {
  type: 2,
  uuid: '6f2b1c3e-0000-4000-8000-000000000002',
  key: '00'.repeat(32),
  key_params: { nonce: '00'.repeat(12), tag: '00'.repeat(16) },
};

const EXPECTED = [
  { issuer: 'Amazon', accountName: 'shopper@example.com', kind: 'totp', algorithm: 'SHA1', digits: 6, period: 30, counter: 0 },
  { issuer: 'Bank', accountName: 'ops', kind: 'hotp', algorithm: 'SHA256', digits: 8, period: 30, counter: 12 },
  { issuer: 'Steam', accountName: 'gamer', kind: 'steam', algorithm: 'SHA1', digits: 5, period: 30, counter: 0 },
];

describe('Aegis import', () => {
  it('reads a plain vault: totp, hotp, steam; motp and yandex listed as unsupported', () => {
    const result = expectOk(parseAegisPlain(readSample('aegis-plain.json')));
    expect(result.format).toBe('aegis');
    expect(summary(result)).toEqual(EXPECTED);
    expectRfcSecretCode(result.accounts[0]);
    expect(result.unsupported).toEqual([
      { name: 'OldCorp: legacy', reason: 'motp entries are not supported' },
      { name: 'Yandex: ivan', reason: 'yandex entries are not supported' },
    ]);
  });

  it('decrypts an encrypted vault with the right password (skipping a biometric slot)', async () => {
    const vault = JSON.stringify(encryptedVault('correct horse', [biometricSlot]));
    const result = expectOk(await parseAegis(vault, { password: 'correct horse', crypto }));
    expect(summary(result)).toEqual(EXPECTED);
    expectRfcSecretCode(result.accounts[0]);
  });

  it('says "wrong password" for a wrong password', async () => {
    const vault = JSON.stringify(encryptedVault('correct horse'));
    const error = expectErr(await parseAegis(vault, { password: 'Correct horse', crypto }));
    expect(error.code).toBe('wrong-password');
    expectWellFormedError(error);
  });

  it('asks for the password when none is given', async () => {
    const vault = JSON.stringify(encryptedVault('pw'));
    expect(expectErr(await parseAegis(vault, { crypto })).code).toBe('password-required');
    expect(expectErr(parseAegisPlain(vault)).code).toBe('password-required');
  });

  it('reports a damaged db (right password, ciphertext changed)', async () => {
    const vault = encryptedVault('pw');
    const db = Buffer.from(vault.db as string, 'base64');
    db[0] = (db[0] as number) ^ 1;
    const error = expectErr(await parseAegis(JSON.stringify({ ...vault, db: db.toString('base64') }), { password: 'pw', crypto }));
    expect(error.code).toBe('bad-payload');
    expect(error.message).toContain('damaged');
  });

  it('refuses scrypt parameters that would exhaust memory, before running scrypt', async () => {
    const vault = encryptedVault('pw');
    const header = vault.header as { slots: Record<string, unknown>[] };
    const slot = header.slots[0] as Record<string, unknown>;
    const tampered = { ...vault, header: { ...header, slots: [{ ...slot, n: 2 ** 30 }] } };
    const error = expectErr(await parseAegis(JSON.stringify(tampered), { password: 'pw', crypto }));
    expect(error.code).toBe('bad-encryption-params');
  });

  it('explains a vault that has only biometric slots', async () => {
    const vault = encryptedVault('pw');
    const header = vault.header as Record<string, unknown>;
    const tampered = { ...vault, header: { ...header, slots: [biometricSlot] } };
    expect(expectErr(await parseAegis(JSON.stringify(tampered), { password: 'pw', crypto })).code).toBe('encrypted-unsupported');
  });

  it('turns a crypto failure into an error, not a throw', async () => {
    const vault = JSON.stringify(encryptedVault('pw'));
    const failing = { ...crypto, scrypt: async () => Promise.reject(new Error('out of memory')) };
    const error = expectErr(await parseAegis(vault, { password: 'pw', crypto: failing }));
    expect(error.code).toBe('crypto-failed');
    expect(error.message).toContain('out of memory');
  });

  it.each([
    ['[]', 'bad-shape'],
    ['{"header":{},"db":{"entries":5}}', 'bad-shape'],
    ['{"header":{"slots":"x","params":null},"db":"AAAA"}', 'bad-shape'],
    ['{"header":{"slots":[],"params":{"nonce":"zz","tag":"00"}},"db":"AAAA"}', 'bad-encryption-params'],
    ['{not json', 'bad-json'],
    ['', 'empty'],
  ])('%s → %s', async (text, code) => {
    const error = expectErr(await parseAegis(text, { password: 'pw', crypto }));
    expect(error.code).toBe(code);
    expectWellFormedError(error);
  });
});
