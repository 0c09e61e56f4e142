// Builds the issuer catalogue (src/core/issuers/issuers.json, shipped) and its evidence
// (src/core/issuers/issuers-evidence.json, checked by tests) from the public 2FA Directory's TOTP rows
// (../shared/data/2fa-directory-totp.tsv beside the repository, MIT, attribution kept in both files and NOTICE.md) and the
// hand-curated sign-in hosts in src/core/issuers/curated.json. Offline; run `npx tsx scripts/gen-issuers.ts`.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBinding } from '../src/core/bindings/parse-binding';
import { builtInCatalogue } from '../src/core/domain/catalogue/catalogue';
import { aliasKey } from '../src/core/issuers/alias-key';
import { isBrandNonSignIn } from '../src/core/issuers/propose';

const root = new URL('..', import.meta.url).pathname;
const tsvPath =
  process.argv[2] ??
  ['../shared', '../../shared'].map((dir) => join(root, dir, 'data/2fa-directory-totp.tsv')).find((path) => existsSync(path)) ??
  'missing: pass the path of 2fa-directory-totp.tsv';
const out = join(root, 'src/core/issuers');

interface Source {
  hosts: string[];
  url: string;
  says: string;
}
interface Curated {
  name: string;
  aliases: string[];
  directoryRows: string[];
  signInHosts: string[];
  wwwOfDirectoryDomains?: boolean;
  sources: Source[];
}
const curated = JSON.parse(readFileSync(join(out, 'curated.json'), 'utf8')) as {
  issuers: Curated[];
  excludedHosts: { host: string; why: string }[];
};
const excluded = new Map(curated.excludedHosts.map((entry) => [entry.host, entry.why]));

const [header, ...lines] = readFileSync(tsvPath, 'utf8').trimEnd().split('\n');
if (header !== 'name\tdomain\tadditional_domains\tmethods\tcategories') throw new Error(`unexpected header: ${header}`);

type Evidence = { row: string } | Source;
interface Issuer {
  name: string;
  aliases: string[];
  signInHosts: string[];
}
const issuers: Issuer[] = [];
const evidence: Record<string, Evidence[]> = {};
const dropped: { issuer: string; host: string; why: string }[] = [];
const skippedRows: { row: string; why: string }[] = [];
const rowsByName = new Map(lines.map((line) => [line.split('\t')[0] ?? '', line]));
const mergedRows = new Set(curated.issuers.flatMap((entry) => entry.directoryRows));

/** Aliases a directory row gives: its name, the name without "(…)", the part in "(…)", its main domain. */
function rowAliases(name: string, domain: string): string[] {
  const aliases = [name, domain];
  const paren = /^(.*?)\s*\(([^)]+)\)\s*$/.exec(name);
  if (paren?.[1] && paren[2]) aliases.push(paren[1], paren[2]);
  return aliases;
}

/** The hosts that survive: valid bindings, not excluded (ads, CDNs, user content, short links). */
function keepHosts(issuer: string, hosts: string[]): string[] {
  const kept: string[] = [];
  for (const host of hosts) {
    const parsed = parseBinding(host);
    if (!parsed.ok) {
      dropped.push({ issuer, host, why: parsed.error.code });
      continue;
    }
    const why = excluded.get(parsed.value.host) ?? excluded.get(parsed.value.site);
    if (why) dropped.push({ issuer, host, why });
    else if (isBrandNonSignIn(parsed.value, builtInCatalogue)) dropped.push({ issuer, host, why: 'a brand service or user-content domain (brands.json)' });
    else if (!kept.includes(parsed.value.host)) kept.push(parsed.value.host);
  }
  return kept;
}

for (const entry of curated.issuers) {
  const rows = entry.directoryRows.map((name) => {
    const row = rowsByName.get(name);
    if (!row) throw new Error(`curated ${entry.name}: no directory row "${name}"`);
    return row;
  });
  const aliases = [...entry.aliases];
  const hosts = [...entry.signInHosts];
  for (const row of rows) {
    const [name = '', domain = '', more = ''] = row.split('\t');
    aliases.push(...rowAliases(name, domain).filter((alias) => alias !== entry.name));
    if (entry.wwwOfDirectoryDomains) hosts.push(...[domain, ...more.split(',').filter(Boolean)].map((d) => `www.${d}`));
  }
  issuers.push({ name: entry.name, aliases, signInHosts: keepHosts(entry.name, hosts) });
  evidence[entry.name] = [...rows.map((row) => ({ row })), ...entry.sources];
}

for (const row of lines) {
  const [name = '', domain = '', more = ''] = row.split('\t');
  if (mergedRows.has(name)) continue;
  const hosts = keepHosts(name, [domain, ...more.split(',').filter(Boolean)]);
  if (hosts.length === 0) {
    skippedRows.push({ row, why: 'no bindable sign-in host (public suffix or excluded)' });
    continue;
  }
  issuers.push({ name, aliases: rowAliases(name, domain).filter((alias) => alias !== name), signInHosts: hosts });
  evidence[name] = [{ row }];
}

// Aliases are matched as whole names: a key claimed by two issuers is ambiguous and goes from both
// (an issuer's own name always wins over another's alias).
const nameKeys = new Map<string, string>();
for (const issuer of issuers) {
  const key = aliasKey(issuer.name);
  if (nameKeys.has(key)) throw new Error(`two issuers named "${issuer.name}"`);
  nameKeys.set(key, issuer.name);
}
const aliasOwners = new Map<string, Set<string>>();
for (const issuer of issuers) {
  for (const alias of issuer.aliases) {
    const key = aliasKey(alias);
    if (key === '' || nameKeys.get(key) === issuer.name) continue;
    aliasOwners.set(key, (aliasOwners.get(key) ?? new Set()).add(issuer.name));
  }
}
const ambiguous: string[] = [];
for (const issuer of issuers) {
  const seen = new Set([aliasKey(issuer.name)]);
  issuer.aliases = issuer.aliases.filter((alias) => {
    const key = aliasKey(alias);
    if (key === '' || seen.has(key)) return false;
    seen.add(key);
    const clear = !nameKeys.has(key) && aliasOwners.get(key)?.size === 1;
    if (!clear) ambiguous.push(`${issuer.name}: ${alias}`);
    return clear;
  });
}
issuers.sort((a, b) => a.name.localeCompare(b.name, 'en'));

const notice =
  'Issuer names, aliases and sign-in hosts derived from the 2FA Directory (github.com/2factorauth/twofactorauth, ' +
  'entries as of commit f3ac2ab, 2026-08-04), MIT License: Copyright (c) 2021 2factorauth and Contributors; ' +
  'Copyright (c) 2014-2020 Josh Davis. Hand-curated hosts name their public source in issuers-evidence.json. See NOTICE.md.';
const licence = readFileSync(join(tsvPath, '../LICENSE-2fa-directory.md'), 'utf8');
const version = '2026.12.01';
// One issuer a line: small enough to ship, readable in a diff.
const issuerLines = issuers.map((issuer) => JSON.stringify(issuer)).join(',\n');
writeFileSync(
  join(out, 'issuers.json'),
  `{"version":${JSON.stringify(version)},\n"notice":${JSON.stringify(notice)},\n"neverProposed":${JSON.stringify([...excluded.keys()])},\n"issuers":[\n${issuerLines}\n]}\n`,
);
writeFileSync(
  join(out, 'issuers-evidence.json'),
  `${JSON.stringify(
    {
      version,
      notice,
      licence,
      directory: { repository: '2factorauth/twofactorauth', commit: 'f3ac2ab', date: '2026-08-04', columns: header },
      evidence,
      dropped,
      ambiguousAliases: ambiguous,
      skippedRows,
    },
    null,
    1,
  )}\n`,
);
const hostCount = issuers.reduce((sum, issuer) => sum + issuer.signInHosts.length, 0);
const evidenceRows = Object.values(evidence).reduce((sum, rows) => sum + rows.length, 0);
console.log(`issuers ${issuers.length}, sign-in hosts ${hostCount}, evidence rows ${evidenceRows}, dropped hosts ${dropped.length}, ambiguous aliases ${ambiguous.length}, skipped rows ${skippedRows.length}`);
