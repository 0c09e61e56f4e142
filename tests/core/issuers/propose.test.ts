/** What enrolment proposes: the issuer's sign-in hosts, never every domain its brand owns. */
import { describe, expect, it } from 'vitest';
import { parseBinding } from '../../../src/core/bindings/parse-binding';
import { builtInCatalogue } from '../../../src/core/domain/catalogue/catalogue';
import { builtInIssuers, createIssuerCatalogue } from '../../../src/core/issuers/issuers';
import { proposeBindings } from '../../../src/core/issuers/propose';

const propose = (issuer: string, extra: { pageDomains?: string[]; domains?: string[] } = {}) =>
  proposeBindings(
    { issuer, pageDomains: extra.pageDomains ?? [], domains: extra.domains ?? [], bindings: [] },
    builtInIssuers,
    builtInCatalogue,
  ).map((binding) => binding.host);

describe('proposed bindings', () => {
  it('uses the catalogue’s sign-in hosts and ignores the page when the issuer is known', () => {
    expect(propose('Amazon Web Services', { pageDomains: ['amazon.com'] })).toEqual(['aws.amazon.com', 'signin.aws.amazon.com']);
    expect(propose('X')).toEqual(['x.com', 'twitter.com']);
  });

  it('never proposes Amazon’s ad, CDN or cloud domains (the brand list has 60 domains)', () => {
    const amazon = propose('Amazon');
    for (const bad of ['amazon-adsystem.com', 'cloudfront.net', 'amazonaws.com', 'media-amazon.com', 'amazon.com']) {
      expect(amazon).not.toContain(bad);
    }
    expect(amazon).toContain('www.amazon.com');
  });

  it('falls back to the scanned page and to a same-named brand’s main site only', () => {
    expect(propose('Some Shop Nobody Knows', { pageDomains: ['shop.example'] })).toEqual(['shop.example']);
    const chase = propose('Chase');
    expect(chase).toEqual([builtInCatalogue.brands.find((brand) => brand.id === 'chase')?.primaryDomain]);
    expect(propose('Unknown')).toEqual([]);
  });

  it('keeps sites the draft itself names, and drops never-proposed ones wherever they come from', () => {
    expect(propose('Reddit', { domains: ['old-reddit.example'] })).toEqual(['reddit.com', 'old-reddit.example']);
    expect(propose('Nobody', { pageDomains: ['doubleclick.net', 'cloudfront.net', 'shop.example'] })).toEqual(['shop.example']);
  });

  it('leaves out catalogue hosts that are not valid bindings (nothing guessed)', () => {
    const broken = createIssuerCatalogue({
      version: '2026.12.01',
      notice: 'test',
      neverProposed: ['ads.example'],
      issuers: [{ name: 'Broken', aliases: ['B'], signInHosts: ['co.uk', '10.0.0.1', 'ok.example', 'ads.example'] }],
    });
    expect(broken.bindingsFor('b').map((binding) => binding.host)).toEqual(['ok.example']);
    const parsed = parseBinding('ads.example');
    expect(parsed.ok && broken.neverProposed(parsed.value)).toBe(true);
  });
});
