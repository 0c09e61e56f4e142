import { describe, expect, it } from 'vitest';
import { detectAndParseImport } from '../../../../src/core/otp/import/detect';
import { expectErr, expectOk, expectWellFormedError } from '../helpers';
import { createNodeCryptoPort } from '../node-crypto-port';
import { readSample } from './sample';

const deps = { crypto: createNodeCryptoPort() };

describe('detectAndParseImport', () => {
  it.each([
    ['aegis-plain.json', 'aegis', 3],
    ['2fas.2fas', '2fas', 3],
    ['andotp.json', 'andotp', 3],
    ['bitwarden.json', 'bitwarden', 3],
    ['authenticator-extension.json', 'authenticator-extension', 5],
    ['otpauth-list.txt', 'otpauth-list', 3],
  ])('recognises %s as %s from text and from bytes', async (file, format, count) => {
    const text = readSample(file);
    const fromText = expectOk(await detectAndParseImport({ text }, deps));
    expect(fromText.format).toBe(format);
    expect(fromText.accounts).toHaveLength(count);
    const fromBytes = expectOk(await detectAndParseImport({ bytes: new TextEncoder().encode(`\uFEFF${text}`) }, deps));
    expect(fromBytes.format).toBe(format);
    expect(fromBytes.accounts).toHaveLength(count);
  });

  it('recognises a Google migration link', async () => {
    // MigrationPayload { otp_parameters { secret: "12345678901234567890", name: "a", type: TOTP } } written by hand.
    const entry = [0x0a, 20, ...new TextEncoder().encode('12345678901234567890'), 0x12, 1, 0x61, 0x30, 2];
    const payload = Uint8Array.from([0x0a, entry.length, ...entry]);
    const link = `otpauth-migration://offline?data=${encodeURIComponent(Buffer.from(payload).toString('base64'))}`;
    const result = expectOk(await detectAndParseImport({ text: link }, deps));
    expect(result.format).toBe('google-migration');
    expect(result.accounts[0]?.accountName).toBe('a');
  });

  it('refuses 50 MB of text and of bytes before parsing', async () => {
    const huge = `[${'{"secret":"GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"},'.repeat(1_200_000)}{}]`;
    expect(huge.length).toBeGreaterThan(50 * 1024 * 1024);
    const fromText = expectErr(await detectAndParseImport({ text: huge }, deps));
    expect(fromText.code).toBe('too-large');
    expect(fromText.message).toContain('10 MB');
    const fromBytes = expectErr(await detectAndParseImport({ bytes: new Uint8Array(50 * 1024 * 1024) }, deps));
    expect(fromBytes.code).toBe('too-large');
  });

  it('calls binary junk and invalid UTF-8 what they are', async () => {
    const junk = Uint8Array.from({ length: 4096 }, (_, index) => (index * 7919) % 256);
    expect(expectErr(await detectAndParseImport({ bytes: junk }, deps)).code).toBe('not-text');
    const asciiControl = new TextEncoder().encode('{\u0000\u0001\u0002}');
    expect(expectErr(await detectAndParseImport({ bytes: asciiControl }, deps)).code).toBe('not-text');
  });

  it.each([
    ['', 'empty'],
    ['   \n ', 'empty'],
    ['{"hello":"world"}', 'not-recognised'],
    ['{"items":[]}', 'not-recognised'],
    ['42', 'not-recognised'],
    ['{"a":', 'bad-json'],
    ['<html></html>', 'not-recognised'],
  ])('%j → %s', async (text, code) => {
    const error = expectErr(await detectAndParseImport({ text }, deps));
    expect(error.code).toBe(code);
    expectWellFormedError(error);
  });

  it('says nothing was given', async () => {
    expect(expectErr(await detectAndParseImport({}, deps)).code).toBe('empty');
  });

  it('passes the password on to an encrypted Aegis vault', async () => {
    const vault = JSON.stringify({
      version: 1,
      header: {
        slots: [
          {
            type: 1,
            key: '00'.repeat(32),
            key_params: { nonce: '00'.repeat(12), tag: '00'.repeat(16) },
            n: 1024,
            r: 8,
            p: 1,
            salt: '00'.repeat(32),
          },
        ],
        params: { nonce: '00'.repeat(12), tag: '00'.repeat(16) },
      },
      db: 'AAAA',
    });
    expect(expectErr(await detectAndParseImport({ text: vault }, deps)).code).toBe('password-required');
    expect(expectErr(await detectAndParseImport({ text: vault, password: 'x' }, deps)).code).toBe('wrong-password');
  });
});
