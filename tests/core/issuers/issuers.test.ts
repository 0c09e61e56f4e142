/**
 * The shipped issuer catalogue (src/core/issuers): size, every host a valid binding justified by its
 * evidence (the 2FA Directory row, or a curated public source), no ad/CDN/user-content domain, alias
 * keys unambiguous, and whole-name matching ("X" is X, never inside "Xero").
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBinding } from '../../../src/core/bindings/parse-binding';
import { builtInCatalogue } from '../../../src/core/domain/catalogue/catalogue';
import { aliasKey } from '../../../src/core/issuers/alias-key';
import curated from '../../../src/core/issuers/curated.json';
import evidenceFile from '../../../src/core/issuers/issuers-evidence.json';
import issuersFile from '../../../src/core/issuers/issuers.json';
import { builtInIssuers, ISSUER_DATA_NOTICE } from '../../../src/core/issuers/issuers';
import { isBrandNonSignIn } from '../../../src/core/issuers/propose';

type Evidence = { row: string } | { hosts: string[]; url: string; says: string };
const evidence = evidenceFile.evidence as Record<string, Evidence[]>;
const issuers = issuersFile.issuers;
/** The product side's shared data sits beside the repository (../shared), or beside its worktree folder. */
const ROOT = join(__dirname, '../../..');
const TSV_CANDIDATES = ['../shared', '../../shared'].map((dir) => join(ROOT, dir, 'data/2fa-directory-totp.tsv'));

const hostsOf = (row: string): string[] => {
  const [, domain = '', more = ''] = row.split('\t');
  return [domain, ...more.split(',').filter(Boolean)];
};

describe('issuer catalogue data', () => {
  it('has at least 300 issuers, X, Reddit, DigitalOcean and Posteo among them', () => {
    expect(issuers.length).toBeGreaterThanOrEqual(300);
    for (const name of ['X (Twitter)', 'Reddit', 'DigitalOcean', 'Posteo', 'Amazon', 'Amazon Web Services', 'Google', 'Microsoft 365']) {
      expect(issuers.some((issuer) => issuer.name === name)).toBe(true);
    }
  });

  it('holds only valid bindings in stored form, none an ad, CDN or user-content domain', () => {
    const adDomains = ['amazon-adsystem.com', 'doubleclick.net', 'googlesyndication.com', 'cloudfront.net', 'amazonaws.com'];
    for (const issuer of issuers) {
      expect(issuer.signInHosts.length, issuer.name).toBeGreaterThan(0);
      for (const host of issuer.signInHosts) {
        const parsed = parseBinding(host);
        expect(parsed.ok && parsed.value.host === host, `${issuer.name}: ${host}`).toBe(true);
        if (!parsed.ok) continue;
        expect(adDomains.includes(parsed.value.site), `${issuer.name}: ${host}`).toBe(false);
        expect(builtInIssuers.neverProposed(parsed.value), `${issuer.name}: ${host}`).toBe(false);
        expect(isBrandNonSignIn(parsed.value, builtInCatalogue), `${issuer.name}: ${host}`).toBe(false);
      }
    }
  });

  it('justifies every host by the issuer’s evidence: its directory row or a curated public source', () => {
    const wwwIssuers = new Set(curated.issuers.filter((entry) => 'wwwOfDirectoryDomains' in entry).map((entry) => entry.name));
    let rows = 0;
    for (const issuer of issuers) {
      const items = evidence[issuer.name] ?? [];
      expect(items.length, issuer.name).toBeGreaterThan(0);
      const justified = new Set<string>();
      for (const item of items) {
        if ('row' in item) {
          rows += 1;
          for (const host of hostsOf(item.row)) {
            justified.add(host);
            if (wwwIssuers.has(issuer.name)) justified.add(`www.${host}`);
          }
        } else {
          expect(item.url, issuer.name).toMatch(/^https:\/\/[a-z0-9.-]+\//);
          expect(item.says.length, issuer.name).toBeGreaterThan(20);
          for (const host of item.hosts) justified.add(host);
        }
      }
      for (const host of issuer.signInHosts) expect(justified.has(host), `${issuer.name}: ${host}`).toBe(true);
    }
    expect(rows).toBeGreaterThanOrEqual(300);
  });

  it('quotes every directory row exactly as the shared data file has it', () => {
    const path = TSV_CANDIDATES.find((candidate) => existsSync(candidate));
    if (!path) throw new Error(`the shared 2FA Directory data is missing: looked at ${TSV_CANDIDATES.join(', ')}`);
    const lines = new Set(readFileSync(path, 'utf8').split('\n'));
    const quoted = Object.values(evidence).flatMap((items) => items.flatMap((item) => ('row' in item ? [item.row] : [])));
    expect(quoted.length).toBeGreaterThan(1000);
    for (const row of quoted) expect(lines.has(row), row).toBe(true);
  });

  it('gives no alias key to two issuers', () => {
    const owner = new Map<string, string>();
    for (const issuer of issuers) {
      for (const name of [issuer.name, ...issuer.aliases]) {
        const key = aliasKey(name);
        const before = owner.get(key);
        expect(before === undefined || before === issuer.name, `${name}: ${before} and ${issuer.name}`).toBe(true);
        owner.set(key, issuer.name);
      }
    }
  });

  it('carries the MIT attribution in the data and ships it', () => {
    for (const notice of [issuersFile.notice, evidenceFile.notice, ISSUER_DATA_NOTICE]) {
      expect(notice).toContain('2factorauth/twofactorauth');
      expect(notice).toContain('MIT License');
      expect(notice).toContain('Josh Davis');
    }
    expect(evidenceFile.licence).toContain('Permission is hereby granted');
    expect(existsSync(join(__dirname, '../../../src/core/issuers/NOTICE.md'))).toBe(true);
  });
});

describe('finding an issuer by name', () => {
  const hosts = (name: string) => builtInIssuers.bindingsFor(name).map((binding) => binding.host);

  it('maps products and their short names to their sign-in hosts', () => {
    expect(hosts('Amazon Web Services')).toEqual(['aws.amazon.com', 'signin.aws.amazon.com']);
    expect(hosts('AWS')).toEqual(['aws.amazon.com', 'signin.aws.amazon.com']);
    expect(hosts('amazon web-services')).toEqual(['aws.amazon.com', 'signin.aws.amazon.com']);
    expect(hosts('X')).toEqual(['x.com', 'twitter.com']);
    expect(hosts('Twitter')).toEqual(['x.com', 'twitter.com']);
    expect(hosts('Google Workspace')).toEqual(['accounts.google.com']);
    expect(hosts('Gmail')).toEqual(['accounts.google.com']);
    expect(hosts('Microsoft 365')).toEqual(['login.microsoftonline.com', 'login.microsoft.com']);
    expect(hosts('Reddit')).toEqual(['reddit.com']);
    expect(hosts('DigitalOcean')).toEqual(['digitalocean.com']);
    expect(hosts('Posteo')).toEqual(['posteo.de']);
    expect(hosts('github.com')).toEqual(['github.com']);
  });

  it('gives Amazon its stores’ www hosts, never its ad or CDN domains', () => {
    const amazon = hosts('Amazon');
    expect(amazon).toContain('www.amazon.com');
    expect(amazon).toContain('www.amazon.de');
    expect(amazon.every((host) => host.startsWith('www.amazon.'))).toBe(true);
    expect(hosts('Amazon.de')).toEqual(amazon);
  });

  it('matches whole names only, never a substring', () => {
    expect(builtInIssuers.find('Xero')?.name).toBe('Xero');
    expect(builtInIssuers.find('Box')?.name).toBe('Box');
    expect(builtInIssuers.find('Amazon Web')).toBeNull();
    expect(builtInIssuers.find('My X account')).toBeNull();
    expect(builtInIssuers.find('XX')).toBeNull();
    expect(builtInIssuers.find('')).toBeNull();
    expect(builtInIssuers.find('   ')).toBeNull();
    expect(builtInIssuers.find('x'.repeat(10_000))).toBeNull();
  });

  it('never throws and never matches a name that is not some issuer’s whole name or alias', () => {
    const keys = new Set(issuers.flatMap((issuer) => [issuer.name, ...issuer.aliases].map(aliasKey)));
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (name) => {
        const found = builtInIssuers.find(name);
        if (found) {
          const own = [found.name, ...found.aliases].map(aliasKey);
          const key = aliasKey(name);
          const short = aliasKey(name.trim().replace(/\.[a-z]{2,}$/i, ''));
          expect(own.includes(key) || (!keys.has(key) && own.includes(short))).toBe(true);
        }
        expect(Array.isArray(builtInIssuers.bindingsFor(name))).toBe(true);
      }),
      { seed: 5, numRuns: 3000 },
    );
  });
});
