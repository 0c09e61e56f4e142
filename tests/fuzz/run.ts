/**
 * Long fuzz run (`npm run fuzz`): at least 100,000 cases per parser with a random seed, printed
 * so a failure can be replayed with `npm run fuzz -- --seed N`. Options: --runs N, --seed N, --only NAME.
 */
import fc from 'fast-check';
import { createNodeCryptoPort } from '../core/otp/node-crypto-port';
import { fuzzTargets, newTally } from './targets';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
}

const runs = Number(option('runs') ?? 100_000);
const seed = Number(option('seed') ?? Math.floor(Math.random() * 2 ** 31));
const only = option('only');

console.log(`fuzz: seed ${seed}, ${runs} cases per parser`);
let failed = false;
const started = performance.now();
for (const target of fuzzTargets(createNodeCryptoPort())) {
  if (only !== undefined && target.name !== only) continue;
  const tally = newTally();
  const targetStarted = performance.now();
  try {
    await fc.assert(target.property(tally), { seed, numRuns: runs });
  } catch (error) {
    failed = true;
    console.error(`${target.name}: FAILED\n${error instanceof Error ? error.message : String(error)}`);
  }
  const errors = [...tally.errors.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([code, count]) => `${code} ${count}`)
    .join(', ');
  const seconds = ((performance.now() - targetStarted) / 1000).toFixed(1);
  console.log(`${target.name.padEnd(24)} ${tally.runs} cases (${seconds} s): ${tally.ok} ok; errors: ${errors || 'none'}`);
}
console.log(`fuzz: ${failed ? 'FAILED' : 'passed'} in ${((performance.now() - started) / 1000).toFixed(1)} s (seed ${seed})`);
process.exitCode = failed ? 1 : 0;
