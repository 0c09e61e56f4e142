import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CatalogueLike } from '../../../src/core/domain/brand-types';
import { createGuard, type Verdict } from '../../../src/core/domain/guard';
import { parseTarget } from '../../../src/core/domain/host';
import { fold, isMixedScript, isWholeScriptConfusable } from '../../../src/core/domain/skeleton';

const brand = (id: string, name: string, domains: string[], labels: string[], extra: object = {}) => ({
  id, name, primaryDomain: domains[0] ?? '', domains, labels, ...extra,
});
const catalogue: CatalogueLike = {
  version: 'test',
  brands: [
    brand('amazon', 'Amazon', ['amazon.com', 'amazon.co.uk', 'amazon.de', 'amazon.co.jp'], ['amazon'], { brandTlds: ['amazon'] }),
    brand('paypal', 'PayPal', ['paypal.com'], ['paypal']),
    brand('microsoft', 'Microsoft', ['microsoft.com', 'live.com'], ['microsoft']),
    brand('ebay', 'eBay', ['ebay.com', 'ebay.de'], ['ebay']),
    brand('ups', 'UPS', ['ups.com'], ['ups']),
    brand('target', 'Target', ['target.com'], ['target']),
    brand('apple', 'Apple', ['apple.com', 'icloud.com'], ['apple']),
    brand('google', 'Google', ['google.com'], ['google'], { publicContentHosts: ['sites.google.com', 'docs.google.com'] }),
    brand('coinbase', 'Coinbase', ['coinbase.com'], ['coinbase']),
  ],
};
const guard = createGuard({
  catalogue,
  accounts: [{ accountId: 'acc-1', label: 'MyBank (me)', domains: ['mybank.example'] }, { accountId: 'acc-2', label: 'Amazon (me)', domains: ['amazon.com'] }],
  trustedSites: ['amazon-smile-fans.org'],
});
const kind = (input: string): Verdict['kind'] => guard.verdict(input).kind;
const imitated = (input: string): string | undefined => {
  const v = guard.verdict(input);
  return v.kind === 'lookalike' ? v.imitates.id : undefined;
};

describe('parseTarget', () => {
  it('normalises case, trailing dot, IDN and finds the registrable domain', () => {
    const r = parseTarget('HTTPS://Www.Amazon.CO.UK./gp');
    expect(r.ok && r.value.kind === 'web' && r.value.registrableDomain).toBe('amazon.co.uk');
    const idn = parseTarget('xn--mazon-3ve.com');
    expect(idn.ok && idn.value.kind === 'web' && idn.value.unicodeHost).toBe('аmazon.com');
  });
  it.each([
    ['127.0.0.1', 'ip-address'], ['http://0x7f.1/', 'ip-address'], ['http://2130706433/', 'ip-address'], ['http://017700000001/', 'ip-address'],
    ['[::1]', 'ip-address'], ['localhost:8080', 'localhost'], ['file:///tmp/x', 'file'], ['chrome-extension://abc/p.html', 'extension-page'],
    ['moz-extension://abc/p.html', 'extension-page'], ['about:blank', 'browser-page'], ['chrome://settings', 'browser-page'],
  ])('%s is not a website (%s)', (input, reason) => {
    const r = parseTarget(input);
    expect(r.ok && r.value.kind === 'not-a-website' && r.value.reason).toBe(reason);
  });
  it('keeps private suffixes as separate sites', () => {
    const r = parseTarget('someone.github.io');
    expect(r.ok && r.value.kind === 'web' && r.value.registrableDomain).toBe('someone.github.io');
  });
  it('returns typed errors instead of throwing', () => {
    expect(parseTarget('').ok).toBe(false);
    expect(parseTarget('a b c').ok).toBe(false);
    expect(parseTarget('x'.repeat(5000)).ok).toBe(false);
  });
});

describe('skeleton and scripts', () => {
  it('maps Cyrillic and ASCII tricks onto the brand name', () => {
    expect(fold('аmazon')).toBe(fold('amazon'));
    expect(fold('rnicrosoft')).toBe(fold('microsoft'));
    expect(fold('paypa1')).toBe(fold('paypal'));
  });
  it('detects mixed-script and whole-script confusables', () => {
    expect(isMixedScript('аmazon')).toBe(true);
    expect(isMixedScript('amazon')).toBe(false);
    expect(isWholeScriptConfusable('рауреь'.slice(0, 4))).toBe(true);
  });
});

describe('verdicts', () => {
  it('verifies brand domains and account domains over https', () => {
    const v = guard.verdict('https://www.amazon.co.uk/signin');
    expect(v.kind).toBe('verified');
    expect(v.kind === 'verified' && v.brand?.id).toBe('amazon');
    const a = guard.verdict('https://amazon.com');
    expect(a.kind === 'verified' && a.accountIds).toEqual(['acc-2']);
    expect(kind('https://login.mybank.example')).toBe('verified');
    expect(kind('https://anything.amazon')).toBe('verified');
  });
  it('never verifies http, IPs, public content hosts or allow-listed lookalikes', () => {
    expect(kind('http://amazon.com')).toBe('unknown');
    expect(kind('http://127.0.0.1')).toBe('not-a-website');
    expect(kind('https://sites.google.com/view/x')).toBe('unknown');
    expect(kind('https://docs.google.com/forms/d/1')).toBe('unknown');
    const trusted = guard.verdict('https://amazon-smile-fans.org');
    expect(trusted.kind).toBe('unknown');
    expect(trusted.kind === 'unknown' && trusted.trustedByUser).toBe(true);
  });
  it.each([
    ['аmazon.com', 'amazon', 'homoglyph'], ['rnicrosoft.com', 'microsoft', 'homoglyph'], ['paypa1.com', 'paypal', 'homoglyph'],
    ['amazno.com', 'amazon', 'edit-distance'], ['paypall.com', 'paypal', 'edit-distance'], ['coinbsae.com', 'coinbase', 'edit-distance'],
    ['ama-zon.com', 'amazon', 'hyphenation'], ['amazon.shop', 'amazon', 'tld-swap'], ['amazon-com.net', 'amazon', 'target-embedding'],
    ['amazoncom.co', 'amazon', 'tld-in-name'], ['am.azon.com', 'amazon', 'subdomain-split'], ['amazon.com.verify-login.xyz', 'amazon', 'target-embedding'],
    ['www-amazon-com.secure.top', 'amazon', 'target-embedding'], ['amazon-co-uk-login.xyz', 'amazon', 'target-embedding'],
    ['amazon-konto-sicherheit.com', 'amazon', 'combosquatting'], ['paypal-connexion.fr', 'paypal', 'combosquatting'],
    ['ebay-login.com', 'ebay', 'combosquatting'], ['ups-delivery-fee.com', 'ups', 'combosquatting'], ['target-refund.net', 'target', 'combosquatting'],
    ['apple-id-verify.com', 'apple', 'combosquatting'], ['secure.paypal.account-update.ru', 'paypal', 'combosquatting'],
    ['amazon-login.web.app', 'amazon', 'free-hosting'], ['coinbase-wallet.netlify.app', 'coinbase', 'free-hosting'], ['mybank-login.com', 'acc-1', 'combosquatting'],
  ])('%s imitates %s (%s)', (host, owner, code) => {
    const v = guard.verdict(host);
    expect(v.kind).toBe('lookalike');
    if (v.kind !== 'lookalike') return;
    expect(v.imitates.id).toBe(owner);
    expect(v.reasons.map((r) => r.code)).toContain(code);
  });
  it.each(['ebayer.com', 'targetsmart.com', 'applebees.com', 'chaseyourdream.com', 'upstart.com', 'bigtarget.net', 'pineapple.com', 'wikipedia.org', 'amazonia.org.br'])(
    '%s (short or dictionary brand inside a real word) is not a lookalike',
    (host) => expect(imitated(host)).toBeUndefined(),
  );
  it('marks confusable characters in the Unicode host for display', () => {
    const v = guard.verdict('аmazon.com');
    expect(v.kind === 'lookalike' && v.confusables).toEqual([{ index: 0, char: 'а', looksLike: 'a' }]);
  });
  it('answers invalid for unparseable input', () => {
    expect(kind('http://exa mple.com')).toBe('invalid');
  });
  it('any one-letter change to a protected name never yields verified', () => {
    const domains = ['amazon.com', 'paypal.com', 'microsoft.com', 'ebay.com', 'coinbase.com', 'target.com'];
    fc.assert(
      fc.property(
        fc.constantFrom(...domains), fc.nat(), fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-'), fc.constantFrom('sub', 'ins', 'del'),
        (domain, at, ch, op) => {
          const [label, ...rest] = domain.split('.');
          const l = label ?? '';
          const i = at % l.length;
          const changed = op === 'sub' ? l.slice(0, i) + ch + l.slice(i + 1) : op === 'ins' ? l.slice(0, i) + ch + l.slice(i) : l.slice(0, i) + l.slice(i + 1);
          fc.pre(changed !== l && !changed.startsWith('-') && !changed.endsWith('-') && changed.length > 0);
          const host = [changed, ...rest].join('.');
          fc.pre(!catalogue.brands.some((b) => b.domains.includes(host)));
          return guard.verdict(`https://${host}`).kind !== 'verified';
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });
});
