// Bulk domain checks over the same core and catalogue as the extension.
// npm run -s check -- <host-or-url> ...   |   npm run -s check -- --stdin   |   --protect FILE
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { builtInCatalogue } from '../core/domain/catalogue/catalogue';
import { type AccountRule, createGuard, type Guard, type Verdict } from '../core/domain/guard';
import en from '../../public/_locales/en/messages.json';
import { type Catalogue, catalogueGetter, createI18n } from '../ui/i18n';
import { reasonText } from '../ui/reasons';

/** The CLI speaks English (the reasons are codes; this words them). */
const englishWords = createI18n(catalogueGetter(en as Catalogue));

interface Options {
  inputs: string[];
  stdin: boolean;
  protectFiles: string[];
}

function parseArgs(argv: string[]): Options {
  const options: Options = { inputs: [], stdin: false, protectFiles: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--stdin') options.stdin = true;
    else if (arg === '--protect') options.protectFiles.push(argv[++i] ?? '');
    else if (arg.startsWith('--protect=')) options.protectFiles.push(arg.slice('--protect='.length));
    else options.inputs.push(arg);
  }
  return options;
}

/** Each protected domain acts as an enrolled account's legit domain. */
export function protectedAccounts(text: string): AccountRule[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim().toLowerCase())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((domain) => ({ accountId: `protected:${domain}`, label: domain, domains: [domain] }));
}

export function verdictLine(input: string, verdict: Verdict): string {
  const web = 'target' in verdict ? verdict.target : undefined;
  let brand: string | null = null;
  let reasons: string[] = [];
  let scored: { confidence: string; score: number; evidence: { signal: string; points: number; detail: string }[] } | null = null;
  let brandOwned: string | null = null;
  switch (verdict.kind) {
    case 'verified':
      brand = verdict.brand?.name ?? (verdict.accountIds[0]?.replace(/^protected:/, '') ?? null);
      reasons = ['The address belongs to the real site.'];
      break;
    case 'lookalike':
      brand = verdict.imitates.name;
      reasons = verdict.reasons.map((r) => reasonText(r, englishWords));
      scored = { confidence: verdict.confidence, score: verdict.score, evidence: verdict.evidence };
      break;
    case 'unknown':
      reasons = verdict.reasons?.map((r) => reasonText(r, englishWords)) ?? (verdict.trustedByUser ? ['You marked this site as trusted.'] : []);
      brandOwned = verdict.brandOwned?.name ?? null;
      break;
    case 'not-a-website':
      reasons = [`Not a web site (${verdict.reason}).`];
      break;
    case 'invalid':
      reasons = [verdict.reason];
      break;
  }
  return JSON.stringify({
    input,
    host: web?.unicodeHost ?? null,
    registrableDomain: web?.registrableDomain ?? null,
    verdict: verdict.kind,
    brand,
    reasons,
    // Added fields (issue 12): how sure a lookalike verdict is and why; the owner of a brand service domain.
    ...(scored ?? {}),
    ...(brandOwned ? { brandOwned } : {}),
  });
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const accounts = options.protectFiles.flatMap((f) => protectedAccounts(readFileSync(f, 'utf8')));
  const guard: Guard = createGuard({ catalogue: builtInCatalogue, accounts, trustedSites: [] });
  let buffer: string[] = [];
  const flush = async (): Promise<void> => {
    if (buffer.length === 0) return;
    const chunk = `${buffer.join('\n')}\n`;
    buffer = [];
    if (!process.stdout.write(chunk)) await new Promise<void>((resolve) => process.stdout.once('drain', () => resolve()));
  };
  const emit = async (input: string): Promise<void> => {
    buffer.push(verdictLine(input, guard.verdict(input)));
    if (buffer.length >= 1000) await flush();
  };
  for (const input of options.inputs) await emit(input);
  if (options.stdin) {
    const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
    for await (const line of lines) await emit(line.trim());
  }
  await flush();
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('check.ts')) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(2);
  });
}
