import { describe, expect, it } from 'vitest';
import { toBase64 } from '../../../src/core/vault/bytes';
import { MemoryStore } from '../../../src/core/vault/memory-store';
import { pushReplica } from '../../../src/core/vault/sync';
import { createVault } from '../../../src/core/vault/vault';
import { makeDeps, must } from './helpers';

const SECRET_BASE32 = 'JBSWY3DPEHPK3PXP';

function base32Decode(text: string): Uint8Array {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of text) {
    value = (value << 5) | alphabet.indexOf(char);
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Uint8Array.from(out);
}

/** Every encoding of the secret a careless implementation might store, including base64 at all 3 alignments. */
function needles(): string[] {
  const raw = base32Decode(SECRET_BASE32);
  const hex = Array.from(raw, (b) => b.toString(16).padStart(2, '0')).join('');
  const out = [SECRET_BASE32, SECRET_BASE32.toLowerCase(), String.fromCharCode(...raw), hex, hex.toUpperCase()];
  for (let offset = 0; offset < 3; offset++) {
    const b64 = toBase64(Uint8Array.from([...new Array(offset).fill(0), ...raw]));
    // Skip the characters that also encode the prefix bytes, and the padded tail.
    out.push(b64.slice(offset === 0 ? 0 : 4, 12));
  }
  return out;
}

/** Hits of any needle in any key or value, also inside base64 strings decoded to bytes. */
function findSecret(store: MemoryStore): string[] {
  const hits: string[] = [];
  for (const [key, json] of store.rawValues()) {
    const haystacks = [key, json];
    for (const match of json.match(/[A-Za-z0-9+/]{8,}={0,2}/g) ?? []) {
      const usable = match.replace(/=+$/, '');
      try {
        haystacks.push(atob(usable.slice(0, usable.length - (usable.length % 4))));
      } catch {
        // not base64
      }
    }
    for (const haystack of haystacks) for (const needle of needles()) if (haystack.includes(needle)) hits.push(`${key}: ${needle}`);
  }
  return hits;
}

describe('no secret at rest', () => {
  it('an enrolled secret appears in no storage area as base32, raw bytes, hex or base64', async () => {
    const local = new MemoryStore();
    const session = new MemoryStore();
    const sync = new MemoryStore();
    const vault = must(await createVault(makeDeps(local), 'pw'));
    must(await vault.put([{ id: 'hello', name: 'Example: alice', data: { secret: SECRET_BASE32, issuer: 'Example' } }], vault.revision));
    // What the background keeps per session and pushes to sync.
    await session.set({ 'session-key': toBase64(must(await vault.exportSessionKey())) });
    must(await pushReplica(sync, must(await vault.replica())));
    const files = new MemoryStore({
      initial: { plain: must(await vault.exportBackup()).text, separate: must(await vault.exportBackup('other')).text },
    });

    for (const [area, store] of Object.entries({ local, session, sync, files })) {
      expect(findSecret(store), area).toEqual([]);
    }
    // Control: the scanner does find the secret in each encoding when it is there.
    const raw = base32Decode(SECRET_BASE32);
    const hex = Array.from(raw, (b) => b.toString(16).padStart(2, '0')).join('');
    for (const planted of [SECRET_BASE32, hex, toBase64(raw), toBase64(Uint8Array.from([9, ...raw])), String.fromCharCode(...raw)]) {
      expect(findSecret(new MemoryStore({ initial: { k: { v: planted } } })).length, planted).toBeGreaterThan(0);
    }
    expect(local.rawValues().size).toBeGreaterThan(1);
    expect(sync.rawValues().size).toBeGreaterThan(1);
  });
});
