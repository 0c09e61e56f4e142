import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CatalogueErrorCode, loadCatalogue } from '../../../../src/core/domain/catalogue/catalogue';

type RawBrand = Record<string, unknown>;

const goodBrand = (overrides: RawBrand = {}): RawBrand => ({
  id: 'examplebank',
  name: 'Example Bank',
  category: 'bank',
  primaryDomain: 'examplebank.com',
  domains: ['examplebank.com', 'examplebank.co.uk', 'xn--exmplebank-r5a.de'],
  brandTlds: ['examplebank'],
  labels: ['examplebank', 'exbank'],
  publicContentHosts: ['pages.examplebank.com', 'cdn.examplebank'],
  sources: ['https://en.wikipedia.org/wiki/Example'],
  ...overrides,
});

const otherBrand = (overrides: RawBrand = {}): RawBrand => ({
  id: 'othershop',
  name: 'Other Shop',
  category: 'shopping',
  primaryDomain: 'othershop.com',
  domains: ['othershop.com'],
  labels: ['othershop'],
  sources: ['https://othershop.com/about'],
  ...overrides,
});

const catalogueOf = (...brands: unknown[]): unknown => ({ version: '2026.11.29', brands });

describe('loadCatalogue accepts', () => {
  it('a well-formed catalogue and returns a frozen copy', () => {
    const input = catalogueOf(goodBrand(), otherBrand());
    const result = loadCatalogue(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.brands.map((brand) => brand.id)).toEqual(['examplebank', 'othershop']);
    expect(result.value.brands[0]?.publicContentHosts).toEqual(['pages.examplebank.com', 'cdn.examplebank']);
    expect(result.value.brands[1]?.brandTlds).toBeUndefined();
    expect(Object.isFrozen(result.value.brands[0]?.domains)).toBe(true);
    // The copy does not share arrays with the caller's input.
    expect(result.value.brands[0]?.domains).not.toBe((input as { brands: RawBrand[] }).brands[0]?.domains);
  });
});

type BadCase = [description: string, input: unknown, code: CatalogueErrorCode, field?: string];

const BAD_INPUTS: BadCase[] = [
  ['a non-object root', ['not', 'a', 'catalogue'], 'invalid-root'],
  ['null', null, 'invalid-root'],
  ['an unknown top-level field', { version: '2026.11.29', brands: [goodBrand()], extra: 1 }, 'unknown-field', 'extra'],
  ['a missing version', { brands: [goodBrand()] }, 'invalid-version', 'version'],
  ['a version that is not a date', { version: 'v1', brands: [goodBrand()] }, 'invalid-version', 'version'],
  ['a version with month 13', { version: '2026.13.01', brands: [goodBrand()] }, 'invalid-version', 'version'],
  ['brands that are not an array', { version: '2026.11.29', brands: {} }, 'invalid-brands', 'brands'],
  ['no brands', { version: '2026.11.29', brands: [] }, 'invalid-brands', 'brands'],
  ['a brand that is not an object', catalogueOf('amazon'), 'invalid-brand', 'brand'],
  ['a brand without id', catalogueOf(goodBrand({ id: undefined })), 'missing-field', 'id'],
  ['an id that is not a string', catalogueOf(goodBrand({ id: 7 })), 'wrong-type', 'id'],
  ['an upper-case id', catalogueOf(goodBrand({ id: 'ExampleBank' })), 'invalid-brand-id', 'id'],
  ['an unknown brand field', catalogueOf(goodBrand({ publicContentHost: ['x.examplebank.com'] })), 'unknown-field', 'publicContentHost'],
  ['a blank name', catalogueOf(goodBrand({ name: '  ' })), 'invalid-name', 'name'],
  ['an unknown category', catalogueOf(goodBrand({ category: 'casino' })), 'invalid-category', 'category'],
  ['domains that are a string', catalogueOf(goodBrand({ domains: 'examplebank.com' })), 'wrong-type', 'domains'],
  ['empty domains', catalogueOf(goodBrand({ domains: [] })), 'empty-list', 'domains'],
  ['a domain that is not a string', catalogueOf(goodBrand({ domains: ['examplebank.com', 42] })), 'wrong-type', 'domains'],
  ['an upper-case domain', catalogueOf(goodBrand({ domains: ['examplebank.com', 'ExampleBank.de'] })), 'domain-not-lower-case', 'domains'],
  ['a Unicode domain', catalogueOf(goodBrand({ domains: ['examplebank.com', 'exämplebank.de'] })), 'domain-not-ascii', 'domains'],
  ['a domain with a scheme', catalogueOf(goodBrand({ domains: ['examplebank.com', 'https://examplebank.de'] })), 'invalid-domain', 'domains'],
  ['a domain with a path', catalogueOf(goodBrand({ domains: ['examplebank.com', 'examplebank.de/login'] })), 'invalid-domain', 'domains'],
  ['a domain with a port', catalogueOf(goodBrand({ domains: ['examplebank.com', 'examplebank.de:443'] })), 'invalid-domain', 'domains'],
  ['a leading dot', catalogueOf(goodBrand({ domains: ['examplebank.com', '.examplebank.de'] })), 'invalid-domain', 'domains'],
  ['a trailing dot', catalogueOf(goodBrand({ domains: ['examplebank.com', 'examplebank.de.'] })), 'invalid-domain', 'domains'],
  ['an empty label', catalogueOf(goodBrand({ domains: ['examplebank.com', 'examplebank..de'] })), 'invalid-domain', 'domains'],
  ['a single-label domain', catalogueOf(goodBrand({ domains: ['examplebank.com', 'localhost'] })), 'invalid-domain', 'domains'],
  ['a wildcard', catalogueOf(goodBrand({ domains: ['examplebank.com', '*.examplebank.de'] })), 'invalid-domain', 'domains'],
  ['an outer hyphen in a label', catalogueOf(goodBrand({ domains: ['examplebank.com', '-examplebank.de'] })), 'invalid-domain', 'domains'],
  ['an underscore', catalogueOf(goodBrand({ domains: ['examplebank.com', 'example_bank.de'] })), 'invalid-domain', 'domains'],
  ['a numeric TLD', catalogueOf(goodBrand({ domains: ['examplebank.com', '192.168.0.1'] })), 'invalid-domain', 'domains'],
  ['malformed punycode', catalogueOf(goodBrand({ domains: ['examplebank.com', 'xn--a.de'] })), 'invalid-domain', 'domains'],
  ['a reserved double hyphen', catalogueOf(goodBrand({ domains: ['examplebank.com', 'ab--cd.de'] })), 'invalid-domain', 'domains'],
  ['a domain listed twice', catalogueOf(goodBrand({ domains: ['examplebank.com', 'examplebank.com'] })), 'duplicate-in-list', 'domains'],
  ['a missing primary domain', catalogueOf(goodBrand({ primaryDomain: undefined })), 'missing-field', 'primaryDomain'],
  ['a primary domain not in domains', catalogueOf(goodBrand({ primaryDomain: 'examplebank.net' })), 'primary-not-in-domains', 'primaryDomain'],
  ['a primary domain with a path', catalogueOf(goodBrand({ primaryDomain: 'examplebank.com/' })), 'invalid-domain', 'primaryDomain'],
  ['a brand TLD with a dot', catalogueOf(goodBrand({ brandTlds: ['.examplebank'] })), 'invalid-brand-tld', 'brandTlds'],
  ['an open TLD as a brand TLD', catalogueOf(goodBrand({ brandTlds: ['com'] })), 'invalid-brand-tld', 'brandTlds'],
  ['a country code as a brand TLD', catalogueOf(goodBrand({ brandTlds: ['de'] })), 'invalid-brand-tld', 'brandTlds'],
  ['an upper-case brand TLD', catalogueOf(goodBrand({ brandTlds: ['Examplebank'] })), 'domain-not-lower-case', 'brandTlds'],
  ['missing labels', catalogueOf(goodBrand({ labels: undefined })), 'missing-field', 'labels'],
  ['empty labels', catalogueOf(goodBrand({ labels: [] })), 'empty-list', 'labels'],
  ['an upper-case label', catalogueOf(goodBrand({ labels: ['ExampleBank'] })), 'invalid-label', 'labels'],
  ['a label with a dot', catalogueOf(goodBrand({ labels: ['examplebank.com'] })), 'invalid-label', 'labels'],
  ['a two-letter label', catalogueOf(goodBrand({ labels: ['eb'] })), 'invalid-label', 'labels'],
  ['a public host with a scheme', catalogueOf(goodBrand({ publicContentHosts: ['https://pages.examplebank.com'] })), 'invalid-public-content-host', 'publicContentHosts'],
  ['a public host outside the brand', catalogueOf(goodBrand({ publicContentHosts: ['sites.google.com'] })), 'public-content-host-outside-brand', 'publicContentHosts'],
  ['a public host that only ends like a brand domain', catalogueOf(goodBrand({ publicContentHosts: ['notexamplebank.com'] })), 'public-content-host-outside-brand', 'publicContentHosts'],
  ['no sources', catalogueOf(goodBrand({ sources: [] })), 'empty-list', 'sources'],
  ['a source that is not a URL', catalogueOf(goodBrand({ sources: ['my memory'] })), 'invalid-source', 'sources'],
  ['a source that is not http(s)', catalogueOf(goodBrand({ sources: ['javascript:alert(1)'] })), 'invalid-source', 'sources'],
  ['a brand id used twice', catalogueOf(goodBrand(), goodBrand({ domains: ['examplebank.net'], primaryDomain: 'examplebank.net', brandTlds: [], labels: ['exb'], publicContentHosts: [] })), 'duplicate-brand-id', 'id'],
  ['a domain claimed by two brands', catalogueOf(goodBrand(), otherBrand({ domains: ['othershop.com', 'examplebank.co.uk'] })), 'claimed-by-two-brands', 'domains'],
  ['a brand TLD claimed by two brands', catalogueOf(goodBrand(), otherBrand({ brandTlds: ['examplebank'] })), 'claimed-by-two-brands', 'brandTlds'],
  ['a label claimed by two brands', catalogueOf(goodBrand(), otherBrand({ labels: ['othershop', 'exbank'] })), 'claimed-by-two-brands', 'labels'],
];

describe('loadCatalogue rejects', () => {
  it.each(BAD_INPUTS)('%s', (_description, input, code, field) => {
    const result = loadCatalogue(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.field).toBe(field);
    expect(result.error.message.length).toBeGreaterThan(0);
  });

  it('names the brand and the offending value', () => {
    const result = loadCatalogue(catalogueOf(otherBrand(), goodBrand({ domains: ['examplebank.com', 'examplebank.de/login'] })));
    expect(result.ok ? undefined : result.error).toMatchObject({
      code: 'invalid-domain',
      brandId: 'examplebank',
      brandIndex: 1,
      field: 'domains',
      value: 'examplebank.de/login',
    });
    expect(result.ok ? '' : result.error.message).toContain('examplebank');
  });

  it('names the second brand when a domain is claimed twice', () => {
    const result = loadCatalogue(catalogueOf(goodBrand(), otherBrand({ domains: ['othershop.com', 'examplebank.com'] })));
    expect(result.ok ? '' : result.error.message).toBe(
      'Brand "othershop" lists domains "examplebank.com", which brand "examplebank" already claims.',
    );
  });
});

describe('loadCatalogue on arbitrary input', () => {
  it('never throws on random JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = loadCatalogue(value);
        return typeof result.ok === 'boolean';
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('never throws when a field of a valid brand is replaced by random JSON', () => {
    const fields = Object.keys(goodBrand());
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.jsonValue(), (field, value) => {
        const result = loadCatalogue(catalogueOf(goodBrand({ [field]: value })));
        // Only a value that is exactly right may pass; anything accepted must still be well-formed.
        if (result.ok) expect(result.value.brands[0]?.id).toMatch(/^[a-z0-9-]+$/);
        return true;
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('never throws on random strings in domain lists', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 30 }), { minLength: 1, maxLength: 4 }), (domains) => {
        const result = loadCatalogue(catalogueOf(otherBrand({ domains, primaryDomain: domains[0] })));
        if (result.ok) {
          for (const domain of result.value.brands[0]?.domains ?? []) expect(domain).toMatch(/^[a-z0-9.-]+$/);
        }
        return true;
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});
