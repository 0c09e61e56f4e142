/**
 * OTP code speed: codes per second per algorithm, and the time to compute the codes of a
 * 200-account list (what the popup does every period), as the median of repeated runs.
 */
import type { AccountDraft, OtpAlgorithm, OtpParams } from '../src/core/otp/account';
import { generateCode } from '../src/core/otp/codes';

const ALGORITHMS: OtpAlgorithm[] = ['SHA1', 'SHA256', 'SHA512'];
const EPOCH_MS = 1_700_000_000_000;

/** Deterministic secrets: the bench needs no randomness, only distinct keys. */
function secret(index: number, length: number): Uint8Array {
  return Uint8Array.from({ length }, (_, offset) => (index * 31 + offset * 17 + 7) & 0xff);
}

function params(index: number, algorithm: OtpAlgorithm): OtpParams {
  return { kind: 'totp', secret: secret(index, 20), algorithm, digits: 6, period: 30, counter: 0 };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function codesPerSecond(algorithm: OtpAlgorithm): number {
  const list = Array.from({ length: 64 }, (_, index) => params(index, algorithm));
  for (let warm = 0; warm < 500; warm++) generateCode(list[warm % list.length] as OtpParams, { epochMs: EPOCH_MS });
  let count = 0;
  const started = performance.now();
  while (performance.now() - started < 500) {
    for (const item of list) {
      if (!generateCode(item, { epochMs: EPOCH_MS + count * 30_000 }).ok) throw new Error('bench code failed');
      count++;
    }
  }
  return count / ((performance.now() - started) / 1000);
}

function twoHundredAccounts(): AccountDraft[] {
  return Array.from({ length: 200 }, (_, index) => ({
    issuer: `Issuer ${index}`,
    accountName: `user${index}@example.com`,
    otp: {
      ...params(index, ALGORITHMS[index % 3] as OtpAlgorithm),
      kind: index % 50 === 0 ? 'steam' : 'totp',
      digits: index % 50 === 0 ? 5 : 6,
    },
    domains: [],
    warnings: [],
  }));
}

export async function runOtpBench(): Promise<void> {
  console.log('\nOTP codes (otplib 13, guardrails relaxed to 10-byte secrets)');
  for (const algorithm of ALGORITHMS) {
    console.log(`  TOTP ${algorithm.padEnd(6)} ${Math.round(codesPerSecond(algorithm)).toLocaleString('en-US')} codes/s`);
  }
  const accounts = twoHundredAccounts();
  const timings: number[] = [];
  for (let run = 0; run < 31; run++) {
    const started = performance.now();
    for (const account of accounts) {
      if (!generateCode(account.otp, { epochMs: EPOCH_MS + run * 30_000 }).ok) throw new Error('bench code failed');
    }
    timings.push(performance.now() - started);
  }
  console.log(`  200 accounts' codes (mixed SHA1/256/512, 4 Steam): median ${median(timings).toFixed(2)} ms of ${timings.length} runs`);
}

if (import.meta.url === `file://${process.argv[1]}`) await runOtpBench();
