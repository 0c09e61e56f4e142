// The vault's byte helpers, record layout and sealed boxes, with literal expectations.
import { describe, expect, it } from 'vitest';
import {
  BASE64_PATTERN,
  concatBytes,
  fromBase64,
  fromUtf8,
  randomId,
  toBase64,
  toBase64Url,
  utf8,
  wipe,
} from '../../../src/core/vault/bytes';
import { claimedFormat, FORMAT_VERSION, HEAD_KEY, ID_PATTERN, parseHead, parseSnapshot, parseWith, RECORD_PREFIX, recordKey, sealedBoxSchema } from '../../../src/core/vault/format';
import { aad, NONCE_BYTES, openBox, sealBox } from '../../../src/core/vault/seal';
import { crypto, seededRandom } from './helpers';

describe('bytes', () => {
  it('round-trips UTF-8 and refuses invalid UTF-8 with null', () => {
    expect(fromUtf8(utf8('café ✓'))).toBe('café ✓');
    expect(fromUtf8(new Uint8Array([0xff, 0xfe]))).toBeNull();
  });

  it('encodes standard padded base64, also past one 32 KiB chunk', () => {
    expect(toBase64(utf8('hello?>'))).toBe('aGVsbG8/Pg==');
    const big = Uint8Array.from({ length: 0x8000 * 2 + 5 }, (_, i) => (i * 7) % 256);
    expect(toBase64(big)).toBe(Buffer.from(big).toString('base64'));
    expect(fromBase64(toBase64(big))).toEqual(big);
  });

  it.each([
    ['', true],
    ['AAAA', true],
    ['AA==', true],
    ['AAA=', true],
    ['A===', false],
    ['AA', false],
    ['AA=', false],
    ['xAAAA', false],
    ['AAAAx', false],
    ['AA-_', false],
    ['AA==AAAA', false],
  ])('base64 %j is canonical: %s', (text, valid) => {
    expect(BASE64_PATTERN.test(text)).toBe(valid);
    expect(fromBase64(text) !== null).toBe(valid);
  });

  it('decodes base64 to the exact bytes', () => {
    expect(Array.from(fromBase64('AP8Q') ?? [])).toEqual([0, 255, 16]);
    expect(fromBase64('')).toEqual(new Uint8Array(0));
  });

  it('makes lower-case hex ids of the asked length', () => {
    const random = { bytes: (n: number) => Uint8Array.from({ length: n }, (_, i) => (i === 0 ? 0x0a : 0xf0 + i)) };
    expect(randomId(random, 3)).toBe('0af1f2');
    expect(randomId(seededRandom(3))).toMatch(/^[0-9a-f]{32}$/);
  });

  it('makes URL-safe base64 without padding', () => {
    expect(toBase64Url(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
    expect(toBase64Url(new Uint8Array([0xfb, 0xef, 0xbe, 0xfb]))).toBe('-----w'); // '+++++w==': every + and all padding
    expect(toBase64Url(new Uint8Array([0xff, 0xff, 0xfe]))).toBe('___-'); // '///+': every /
  });

  it('concatenates in order and wipes to zeros', () => {
    expect(Array.from(concatBytes(new Uint8Array([1, 2]), new Uint8Array([]), new Uint8Array([3])))).toEqual([1, 2, 3]);
    const key = new Uint8Array([9, 8, 7]);
    wipe(key);
    expect(Array.from(key)).toEqual([0, 0, 0]);
  });
});

describe('record layout', () => {
  it('names keys as the format says', () => {
    expect([FORMAT_VERSION, HEAD_KEY, RECORD_PREFIX, recordKey(3, 12)]).toEqual([1, 'vault/head', 'vault/g', 'vault/g3/12']);
  });

  it.each([
    ['a', true],
    ['A9._:-z', true],
    ['x'.repeat(64), true],
    ['x'.repeat(65), false],
    ['', false],
    ['_proto', false],
    ['-a', false],
    ['a b', false],
    ['a/b', false],
    ['a\n', false],
  ])('id %j matches: %s', (id, valid) => {
    expect(ID_PATTERN.test(id)).toBe(valid);
  });

  it('reports the first bad field by its dotted path', () => {
    expect(parseWith(sealedBoxSchema, { n: 'AAAA', c: 'not base64!' })).toEqual({
      ok: false,
      error: { field: 'c', message: expect.stringMatching(/^c: /) },
    });
    const head = parseHead({ format: 1, vaultId: 'v', generation: 0, revision: 0, keyring: {}, entries: {}, tombstones: {} });
    expect(head.ok || head.error.field).toBe('keyring.kdf');
    expect(parseSnapshot('nope')).toMatchObject({ ok: false, error: { field: '(root)', message: expect.stringMatching(/^\(root\): .+/) } });
  });

  it('reads a claimed format from a head it cannot parse', () => {
    expect(claimedFormat({ format: 7, other: 'layout' })).toBe(7);
    expect(claimedFormat({ format: 1.5 })).toBeNull();
    expect(claimedFormat({ format: '2' })).toBeNull();
    expect(claimedFormat(null)).toBeNull();
    expect(claimedFormat(3)).toBeNull();
  });
});

describe('sealed boxes', () => {
  it('binds each role, vault and entry into the associated data (literal strings: stored vaults depend on them)', () => {
    const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
    expect(text(aad.keyWrap('v1'))).toBe('otp-guard/keywrap/v1\u0000v1');
    expect(text(aad.keyCheck('v1'))).toBe('otp-guard/keycheck/v1\u0000v1');
    expect(text(aad.entryData(1, 'v1', 'e1'))).toBe('otp-guard/entry/v1\u0000v1\u0000e1');
    expect(text(aad.entryName(1, 'v1', 'e1'))).toBe('otp-guard/name/v1\u0000v1\u0000e1');
  });

  it('seals with a fresh 12-byte nonce and opens only with the same associated data', async () => {
    const key = await crypto.importAeadKey(new Uint8Array(32).fill(1), false);
    const random = seededRandom(5);
    const box = await sealBox(crypto, random, key, utf8('secret'), aad.keyCheck('v'));
    const again = await sealBox(crypto, random, key, utf8('secret'), aad.keyCheck('v'));
    expect(NONCE_BYTES).toBe(12);
    expect(fromBase64(box.n)?.length).toBe(12);
    expect(box.n).not.toBe(again.n);
    expect(fromUtf8((await openBox(crypto, key, box, aad.keyCheck('v')))!)).toBe('secret');
    expect(await openBox(crypto, key, box, aad.keyCheck('w'))).toBeNull();
  });

  it('refuses malformed boxes before decrypting', async () => {
    const key = await crypto.importAeadKey(new Uint8Array(32).fill(1), false);
    const box = await sealBox(crypto, seededRandom(5), key, new Uint8Array(0), aad.keyCheck('v'));
    expect(fromBase64(box.c)?.length).toBe(16); // an empty plaintext is exactly the 16-byte tag
    expect(fromUtf8((await openBox(crypto, key, box, aad.keyCheck('v')))!)).toBe('');
    const elevenByteNonce = toBase64(new Uint8Array(11));
    const fifteenByteTag = toBase64(new Uint8Array(15));
    expect(await openBox(crypto, key, { ...box, n: elevenByteNonce }, aad.keyCheck('v'))).toBeNull();
    expect(await openBox(crypto, key, { ...box, c: fifteenByteTag }, aad.keyCheck('v'))).toBeNull();
    expect(await openBox(crypto, key, { ...box, n: '!' }, aad.keyCheck('v'))).toBeNull();
    expect(await openBox(crypto, key, { ...box, c: '!' }, aad.keyCheck('v'))).toBeNull();
  });
});
