/**
 * Vault numbers: unlock time with the production Argon2id parameters (median of 7 runs, on a
 * vault created with them) and AES-256-GCM seal/open throughput through the vault's own record path.
 * Run alone: `npx tsx bench/vault.ts`.
 */
import { createWebCryptoPort, systemClock, webRandom } from '../src/adapters/crypto';
import type { AeadKey } from '../src/core/ports';
import { utf8 } from '../src/core/vault/bytes';
import type { SealedBox } from '../src/core/vault/format';
import { PRODUCTION_FLOOR, PRODUCTION_KDF } from '../src/core/vault/kdf';
import { MemoryStore } from '../src/core/vault/memory-store';
import { aad, openBox, sealBox } from '../src/core/vault/seal';
import { createVault, unlockVault, type VaultDeps } from '../src/core/vault/vault';

const UNLOCK_RUNS = 7;
const ENTRIES = 2000;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

async function unlockTimes(): Promise<number[]> {
  const deps: VaultDeps = {
    store: new MemoryStore(),
    crypto: createWebCryptoPort(),
    random: webRandom,
    clock: systemClock,
    kdf: PRODUCTION_KDF,
    minimum: PRODUCTION_FLOOR,
  };
  const created = await createVault(deps, 'bench password');
  if (!created.ok) throw new Error(created.error.message);
  const times: number[] = [];
  for (let i = 0; i < UNLOCK_RUNS; i++) {
    const start = performance.now();
    const opened = await unlockVault(deps, 'bench password');
    times.push(performance.now() - start);
    if (!opened.ok) throw new Error(opened.error.message);
  }
  return times;
}

async function throughput(): Promise<{ sealPerSec: number; openPerSec: number; sealMBs: number; openMBs: number; bytes: number }> {
  const crypto = createWebCryptoPort();
  const key: AeadKey = await crypto.importAeadKey(webRandom.bytes(32));
  // A typical account: issuer, label, base32 secret, parameters.
  const plaintext = utf8(
    JSON.stringify({ issuer: 'Example Corp', account: 'alice@example.com', secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', digits: 6, period: 30, algorithm: 'SHA1' }),
  );
  const boxes: SealedBox[] = [];
  let start = performance.now();
  for (let i = 0; i < ENTRIES; i++) boxes.push(await sealBox(crypto, webRandom, key, plaintext, aad.entryData(1, 'bench', `e${i}`)));
  const sealMs = performance.now() - start;
  start = performance.now();
  for (let i = 0; i < ENTRIES; i++) {
    if ((await openBox(crypto, key, boxes[i]!, aad.entryData(1, 'bench', `e${i}`))) === null) throw new Error('open failed');
  }
  const openMs = performance.now() - start;
  const megabytes = (plaintext.length * ENTRIES) / 1e6;
  return {
    sealPerSec: (ENTRIES / sealMs) * 1000,
    openPerSec: (ENTRIES / openMs) * 1000,
    sealMBs: (megabytes / sealMs) * 1000,
    openMBs: (megabytes / openMs) * 1000,
    bytes: plaintext.length,
  };
}

export async function runVaultBench(): Promise<void> {
  const { memoryKiB, iterations, parallelism } = PRODUCTION_KDF;
  console.log(`\nvault: Argon2id m=${memoryKiB / 1024} MiB, t=${iterations}, p=${parallelism} (floor m=${PRODUCTION_FLOOR.memoryKiB / 1024} MiB, t=${PRODUCTION_FLOOR.iterations})`);
  const times = await unlockTimes();
  console.log(`vault: unlock median ${median(times).toFixed(0)} ms over ${UNLOCK_RUNS} runs (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)})`);
  const t = await throughput();
  console.log(
    `vault: seal ${t.sealPerSec.toFixed(0)} entries/s (${t.sealMBs.toFixed(2)} MB/s), open ${t.openPerSec.toFixed(0)} entries/s (${t.openMBs.toFixed(2)} MB/s), ${t.bytes}-byte entries × ${ENTRIES}`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await runVaultBench();
