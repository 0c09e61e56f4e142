/**
 * `npm run bench`: prints the numbers the issues budget (sizes, speeds). Each part is a module of
 * its own; a part whose code has not landed yet says so instead of failing the run.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runSizeBench } from './sizes';

type Part = { file: string; exportName: string };
const parts: Part[] = [
  { file: 'domain.ts', exportName: 'runDomainBench' },
  { file: 'domain-eval.ts', exportName: 'runDomainEval' },
  { file: 'verdict-speed.ts', exportName: 'runVerdictSpeedBench' },
  { file: 'vault.ts', exportName: 'runVaultBench' },
  { file: 'otp.ts', exportName: 'runOtpBench' },
  { file: 'popup.ts', exportName: 'runPopupBench' },
  { file: 'content.ts', exportName: 'runContentBench' },
  { file: 'interstitial.ts', exportName: 'runInterstitialBench' },
];

runSizeBench();
for (const part of parts) {
  const path = join(import.meta.dirname, part.file);
  if (!existsSync(path)) {
    console.log(`\n(${part.file}: not present)`);
    continue;
  }
  const module = (await import(path)) as Record<string, () => Promise<void>>;
  const run = module[part.exportName];
  if (run) await run();
}
