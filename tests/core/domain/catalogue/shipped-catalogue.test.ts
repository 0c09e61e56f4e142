import { readFileSync } from 'node:fs';
import { get as registrableDomainOf } from 'psl';
import { describe, expect, it } from 'vitest';
import brandsJson from '../../../../src/core/domain/catalogue/brands.json';
import { type Brand, builtInCatalogue, loadCatalogue } from '../../../../src/core/domain/catalogue/catalogue';
import { createGuard } from '../../../../src/core/domain/guard';
import { catalogueStats } from '../../../../src/core/domain/catalogue/stats';

const brands = builtInCatalogue.brands;
const byId = new Map(brands.map((brand) => [brand.id, brand]));
const brand = (id: string): Brand => {
  const found = byId.get(id);
  if (!found) throw new Error(`brand "${id}" is missing from the catalogue`);
  return found;
};

/** The marketplaces issue 5 names, plus the rest of Amazon's storefronts. */
const AMAZON_MARKETPLACES = [
  'amazon.com', 'amazon.co.uk', 'amazon.de', 'amazon.fr', 'amazon.it', 'amazon.es', 'amazon.nl', 'amazon.se', 'amazon.pl',
  'amazon.com.tr', 'amazon.ae', 'amazon.sa', 'amazon.sg', 'amazon.in', 'amazon.co.jp', 'amazon.ca', 'amazon.com.mx',
  'amazon.com.br', 'amazon.com.au', 'amazon.com.be', 'amazon.eg', 'amazon.cn', 'amazon.ie', 'amazon.co.za',
];

const REQUIRED_BRANDS = [
  'amazon', 'ebay', 'walmart', 'target', 'bestbuy', 'costco', 'etsy', 'aliexpress', 'alibaba', 'temu', 'shein', 'shopify',
  'paypal', 'apple', 'google', 'microsoft', 'facebook', 'instagram', 'whatsapp', 'netflix', 'spotify', 'steam',
  'chase', 'bankofamerica', 'wellsfargo', 'citi', 'capitalone', 'amex', 'barclays', 'hsbc', 'santander', 'ing',
  'bnpparibas', 'deutschebank', 'sparkasse', 'commbank', 'coinbase', 'binance', 'kraken', 'cryptocom', 'metamask',
  'ups', 'fedex', 'dhl', 'usps', 'royalmail', 'dpd', 'evri', 'hermes', 'laposte', 'canadapost', 'auspost',
  'booking', 'airbnb', 'uber', 'rakuten', 'mercadolibre', 'zalando', 'otto', 'ikea', 'adobe', 'dropbox', 'yahoo', 'x',
  'linkedin', 'discord', 'roblox', 'epicgames', 'venmo', 'cashapp', 'zelle', 'wise', 'revolut', 'klarna', 'stripe',
];

/**
 * Catalogue domains that psl does not return as their own registrable domain, with the reason.
 * Platform domains that are themselves public suffixes are checked separately below.
 */
const NOT_A_PSL_REGISTRABLE_DOMAIN: Record<string, string> = {
  // Amazon's Belgian store sits under com.be, which the Public Suffix List does not list as a suffix.
  'amazon.com.be': 'com.be',
};

/** Hosts issue 5 names as serving content anyone can publish under a brand's domain. */
const REQUIRED_PUBLIC_CONTENT: Array<[string, string]> = [
  ['google', 'sites.google.com'],
  ['google', 'docs.google.com'],
  ['google', 'translate.goog'],
  ['google', 'googleusercontent.com'],
  ['google', 'forms.gle'],
  ['microsoft', 'forms.office.com'],
  ['microsoft', 'onedrive.live.com'],
  ['microsoft', 'sharepoint.com'],
  ['amazon', 'amazonaws.com'],
  ['amazon', 'x.lambda-url.us-east-1.on.aws'],
  ['microsoft', 'x.blob.core.windows.net'],
  ['apple', 'x.int.apple'],
  ['shopify', 'myshopify.com'],
];

const isPublicContent = (owner: Brand, host: string): boolean =>
  (owner.publicContentHosts ?? []).some((entry) => host === entry || host.endsWith(`.${entry}`));

describe('the shipped catalogue', () => {
  it('validates and matches the built-in export', () => {
    const loaded = loadCatalogue(brandsJson);
    expect(loaded.ok ? loaded.value : loaded.error).toEqual(builtInCatalogue);
  });

  it('is versioned with the date of its last change', () => {
    expect(builtInCatalogue.version).toBe('2026.12.01');
  });

  it('has at least 50 brands, each with sources', () => {
    expect(brands.length).toBeGreaterThanOrEqual(50);
    for (const entry of brands) expect(entry.sources.length, entry.id).toBeGreaterThan(0);
  });

  it.each(AMAZON_MARKETPLACES)('lists the Amazon marketplace %s', (domain) => {
    expect(brand('amazon').domains).toContain(domain);
  });

  it.each(REQUIRED_BRANDS)('has the brand %s', (id) => {
    expect(byId.has(id)).toBe(true);
  });

  it.each(REQUIRED_PUBLIC_CONTENT)('marks %s content on %s as public', (id, host) => {
    expect(isPublicContent(brand(id), host)).toBe(true);
  });

  it('keeps sign-in hosts out of the public-content rules', () => {
    const signIn: Array<[string, string]> = [
      ['google', 'accounts.google.com'],
      ['microsoft', 'login.microsoftonline.com'],
      ['microsoft', 'login.live.com'],
      ['amazon', 'www.amazon.com'],
      ['amazon', 'signin.aws.amazon.com'],
      ['paypal', 'www.paypal.com'],
      ['apple', 'appleid.apple.com'],
      ['shopify', 'accounts.shopify.com'],
    ];
    for (const [id, host] of signIn) expect(isPublicContent(brand(id), host), host).toBe(false);
  });

  it('lists each domain as psl sees it: registrable, a documented exception, or a public-content platform', () => {
    const unexplained: string[] = [];
    for (const entry of brands) {
      for (const domain of entry.domains) {
        const registrable = registrableDomainOf(domain);
        if (registrable === domain) continue;
        if (NOT_A_PSL_REGISTRABLE_DOMAIN[domain] === registrable) continue;
        // A platform that is itself a public suffix (myshopify.com, web.app): each subdomain is
        // someone else's site, so the whole platform must be public content.
        if (registrable === null && isPublicContent(entry, domain)) continue;
        unexplained.push(`${entry.id}: ${domain} -> ${registrable}`);
      }
    }
    expect(unexplained).toEqual([]);
  });

  it('marks every public suffix under a brand as public content (each subdomain there belongs to someone else)', () => {
    // The Public Suffix List as psl ships it: one quoted rule a line, "*." and "!" prefixes included.
    const rulesFile = readFileSync(new URL('../../../../node_modules/psl/data/rules.js', import.meta.url), 'utf8');
    const suffixes = [...rulesFile.matchAll(/^\s*"([^"]+)",?$/gm)].map((match) => (match[1] ?? '').replace(/^[*!]\.?/, ''));
    expect(suffixes.length).toBeGreaterThan(5000);
    const uncovered: string[] = [];
    for (const entry of brands) {
      for (const suffix of suffixes) {
        const isBrands =
          entry.domains.some((domain) => suffix === domain || suffix.endsWith(`.${domain}`)) ||
          (entry.brandTlds ?? []).some((tld) => suffix.endsWith(`.${tld}`));
        if (isBrands && !isPublicContent(entry, suffix)) uncovered.push(`${entry.id}: ${suffix}`);
      }
    }
    expect(uncovered).toEqual([]);
  });

  it('gives every brand a primary domain that is a plain registrable domain, not a platform', () => {
    for (const entry of brands) {
      expect(isPublicContent(entry, entry.primaryDomain), entry.id).toBe(false);
    }
  });

  it('quotes its current counts in docs/brand-catalogue.md', () => {
    const doc = readFileSync(new URL('../../../../docs/brand-catalogue.md', import.meta.url), 'utf8');
    const quoted = (name: string): number => {
      const match = new RegExp(`^\\| ${name} \\| (\\d+) \\|$`, 'm').exec(doc);
      return match ? Number(match[1]) : Number.NaN;
    };
    const stats = catalogueStats(builtInCatalogue);
    expect({
      version: /^Version: `([^`]+)`/m.exec(doc)?.[1],
      brands: quoted('brands'),
      domains: quoted('domains'),
      brandTlds: quoted('brand TLDs'),
      labels: quoted('labels'),
      publicContentHosts: quoted('public-content hosts'),
      serviceDomains: quoted('service domains'),
    }).toEqual({ version: builtInCatalogue.version, ...stats });
  });

  it('never calls a catalogue domain a lookalike: domains are verified (or public content), service domains brand-owned', () => {
    const guard = createGuard({ catalogue: builtInCatalogue, accounts: [], trustedSites: [] });
    for (const entry of brands) {
      for (const domain of entry.domains) {
        const v = guard.verdict(`https://${domain}/`);
        // A platform that is itself a public suffix (cloudfront.net) has no site of its own: not-a-website.
        const ok = v.kind === 'verified' || (v.kind === 'unknown' && v.reasons?.[0]?.code === 'public-content') || (v.kind === 'not-a-website' && v.reason === 'no-registrable-domain');
        expect(ok, `${entry.id}: ${domain} is ${v.kind}`).toBe(true);
      }
      for (const domain of entry.serviceDomains ?? []) {
        const v = guard.verdict(`https://${domain}/`);
        expect(v.kind === 'unknown' && v.brandOwned?.id, `${entry.id}: ${domain} is ${v.kind}`).toBe(entry.id);
      }
    }
  });

  it('is frozen, so no consumer can change what another sees', () => {
    expect(Object.isFrozen(builtInCatalogue)).toBe(true);
    expect(Object.isFrozen(brand('amazon').domains)).toBe(true);
    expect(() => brand('amazon').domains.push('amazon-login.example')).toThrow(TypeError);
  });
});
