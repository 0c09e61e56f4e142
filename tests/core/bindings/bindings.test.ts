import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Binding, bindingScope } from '../../../src/core/bindings/binding';
import { accountCoversPage, accountsForDocument, bindingCovers, matchBindings, type PageHost } from '../../../src/core/bindings/match';
import { parseBinding, parseBindings } from '../../../src/core/bindings/parse-binding';
import { reconcileBindings, sitesOfBindings } from '../../../src/core/bindings/reconcile';
import { parseTarget } from '../../../src/core/domain/host';

function binding(text: string): Binding {
  const parsed = parseBinding(text);
  if (!parsed.ok) throw new Error(`test binding ${text}: ${parsed.error.message}`);
  return parsed.value;
}

function page(host: string): PageHost {
  const parsed = parseTarget(host);
  if (!parsed.ok || parsed.value.kind !== 'web') throw new Error(`test page ${host}`);
  return parsed.value;
}

const aws = { accountId: 'aws', bindings: [binding('aws.amazon.com')] };
const shop = { accountId: 'shop', bindings: [binding('amazon.com'), binding('amazon.de')] };

describe('parseBinding', () => {
  it.each([
    ['amazon.com', 'amazon.com', 'amazon.com', 'site'],
    ['AWS.Amazon.COM.', 'aws.amazon.com', 'amazon.com', 'host-suffix'],
    ['https://signin.aws.amazon.com/oauth?x=1', 'signin.aws.amazon.com', 'amazon.com', 'host-suffix'],
    ['bücher.de', 'xn--bcher-kva.de', 'xn--bcher-kva.de', 'site'],
    ['me.github.io', 'me.github.io', 'me.github.io', 'site'],
    ['www.bbc.co.uk', 'www.bbc.co.uk', 'bbc.co.uk', 'host-suffix'],
  ])('%s → host %s on %s (%s)', (input, host, site, scope) => {
    const parsed = parseBinding(input);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value).toEqual({ host, site });
    expect(bindingScope(parsed.value)).toBe(scope);
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['co.uk', 'public-suffix'],
    ['github.io', 'public-suffix'],
    ['com', 'public-suffix'],
    ['127.0.0.1', 'ip-address'],
    ['[::1]', 'ip-address'],
    ['https://192.168.0.1/login', 'ip-address'],
    ['localhost', 'not-a-website'],
    ['file:///etc/passwd', 'not-a-website'],
    ['*.aws.amazon.com', 'wildcard'],
    ['amazon..com', 'malformed'],
    ['ama zon.com', 'malformed'],
    ['exa_mple.com', 'malformed'],
    ['a'.repeat(2000), 'too-long'],
  ])('refuses %j as %s with a message', (input, code) => {
    const parsed = parseBinding(input);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.code).toBe(code);
    expect(parsed.error.message.length).toBeGreaterThan(10);
  });

  it('refuses a host outside the registrable domain it must stay in', () => {
    const outside = parseBinding('aws.amazon.com.evil.com', { within: 'amazon.com' });
    expect(outside.ok ? null : outside.error.code).toBe('outside-site');
    expect(outside.ok ? '' : outside.error.message).toContain('amazon.com');
    expect(parseBinding('aws.amazon.com', { within: 'amazon.com' }).ok).toBe(true);
    const other = parseBinding('amazon.de', { within: 'amazon.com' });
    expect(other.ok ? null : other.error.code).toBe('outside-site');
  });

  it('parses a list: good ones once each, every refusal kept', () => {
    const { bindings, errors } = parseBindings(['amazon.com', 'AMAZON.com', 'aws.amazon.com', 'co.uk', '', '10.0.0.1']);
    expect(bindings.map((b) => b.host)).toEqual(['amazon.com', 'aws.amazon.com']);
    expect(errors.map((e) => e.code)).toEqual(['public-suffix', 'empty', 'ip-address']);
  });

  it('never throws on arbitrary text and every refusal has a code and a message', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.domain(), fc.webUrl()), (text) => {
        const parsed = parseBinding(text);
        if (!parsed.ok) expect(parsed.error.message).not.toBe('');
        else expect(parsed.value.host === parsed.value.site || parsed.value.host.endsWith(`.${parsed.value.site}`)).toBe(true);
      }),
      { seed: 11, numRuns: 600 },
    );
  });
});

describe('matchBindings: most specific wins', () => {
  it('AWS on signin.aws.amazon.com, Amazon on www.amazon.com, each alone', () => {
    expect(matchBindings(page('signin.aws.amazon.com'), [shop, aws]).accountIds).toEqual(['aws']);
    expect(matchBindings(page('aws.amazon.com'), [shop, aws]).accountIds).toEqual(['aws']);
    expect(matchBindings(page('www.amazon.com'), [shop, aws]).accountIds).toEqual(['shop']);
    expect(matchBindings(page('amazon.com'), [aws, shop]).accountIds).toEqual(['shop']);
    expect(matchBindings(page('www.amazon.de'), [aws, shop]).accountIds).toEqual(['shop']);
  });

  it('keeps the losers as candidates, best first', () => {
    const match = matchBindings(page('signin.aws.amazon.com'), [shop, aws]);
    expect(match.candidates.map((candidate) => candidate.accountId)).toEqual(['aws', 'shop']);
    expect(match.specificity).toBe(3);
  });

  it('returns every account on a tie', () => {
    const other = { accountId: 'shop-2', bindings: [binding('amazon.com')] };
    expect(matchBindings(page('www.amazon.com'), [shop, other, aws]).accountIds).toEqual(['shop', 'shop-2']);
  });

  it('matches whole labels only and never crosses the registrable domain', () => {
    expect(matchBindings(page('evilaws.amazon.com'), [aws]).accountIds).toEqual([]);
    expect(matchBindings(page('aws.amazon.com.evil.com'), [aws, shop]).accountIds).toEqual([]);
    expect(matchBindings(page('amazon.com'), [aws]).accountIds).toEqual([]);
    // amazonaws.com is a site, but bucket.s3.amazonaws.com is a site of its own (public suffix s3.amazonaws.com).
    const s3 = { accountId: 's3', bindings: [binding('amazonaws.com')] };
    expect(matchBindings(page('console.amazonaws.com'), [s3]).accountIds).toEqual(['s3']);
    expect(matchBindings(page('bucket.s3.amazonaws.com'), [s3]).accountIds).toEqual([]);
  });

  it('keeps private-suffix sites apart (github.io)', () => {
    const mine = { accountId: 'mine', bindings: [binding('me.github.io')] };
    expect(matchBindings(page('me.github.io'), [mine]).accountIds).toEqual(['mine']);
    expect(matchBindings(page('www.me.github.io'), [mine]).accountIds).toEqual(['mine']);
    expect(matchBindings(page('other.github.io'), [mine]).accountIds).toEqual([]);
  });

  it('returns nothing with no accounts or no bindings', () => {
    expect(matchBindings(page('www.amazon.com'), [])).toEqual({ accountIds: [], specificity: 0, candidates: [] });
    expect(matchBindings(page('www.amazon.com'), [{ accountId: 'x', bindings: [] }]).accountIds).toEqual([]);
  });

  const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,6}[a-z0-9])?$/);

  it('property: a binding covers a host iff the host is the binding or ends with "." + binding, on the same site', () => {
    fc.assert(
      fc.property(fc.array(label, { minLength: 0, maxLength: 3 }), fc.array(label, { minLength: 0, maxLength: 3 }), label, (inner, outer, glued) => {
        const bound = binding([...inner, 'example', 'com'].join('.'));
        const below = page([...outer, ...inner, 'example', 'com'].join('.'));
        expect(bindingCovers(bound, below)).toBe(true);
        // Gluing text onto the binding's first label makes a different label: never covered.
        const first = [...inner, 'example'][0] ?? 'example';
        const rest = [...inner, 'example', 'com'].slice(1).join('.');
        const glue = page([...outer, `${glued}${first}`, rest].filter((part) => part !== '').join('.'));
        expect(bindingCovers(bound, glue)).toBe(false);
        expect(bindingCovers(bound, page(`${bound.host}.evil.net`))).toBe(false);
      }),
      { seed: 7, numRuns: 500 },
    );
  });

  it('property: the winner is never less specific than any other covering binding', () => {
    const host = fc.array(label, { maxLength: 3 }).map((labels) => [...labels, 'amazon', 'com'].join('.'));
    const accounts = fc.array(fc.array(host, { minLength: 1, maxLength: 3 }), { maxLength: 5 });
    fc.assert(
      fc.property(accounts, host, (hostLists, pageHost) => {
        const list = hostLists.map((hosts, index) => ({ accountId: `a${index}`, bindings: hosts.map(binding) }));
        const target = page(pageHost);
        const match = matchBindings(target, list);
        for (const account of list) {
          const covering = account.bindings.filter((b) => bindingCovers(b, target));
          const best = Math.max(0, ...covering.map((b) => b.host.split('.').length));
          if (best > match.specificity) throw new Error('a more specific binding lost');
          expect(match.accountIds.includes(account.accountId)).toBe(best > 0 && best === match.specificity);
          expect(accountCoversPage(account.bindings, target)).toBe(covering.length > 0);
        }
      }),
      { seed: 3, numRuns: 500 },
    );
  });
});

describe('accountsForDocument', () => {
  it('keeps the top page winner only when it also covers the frame, and never promotes a loser', () => {
    expect(accountsForDocument(page('signin.aws.amazon.com'), null, [shop, aws])).toEqual(['aws']);
    expect(accountsForDocument(page('signin.aws.amazon.com'), page('auth.aws.amazon.com'), [shop, aws])).toEqual(['aws']);
    // The frame is Amazon's but not AWS's: the AWS winner is refused and Amazon is not chosen instead.
    expect(accountsForDocument(page('signin.aws.amazon.com'), page('www.amazon.com'), [shop, aws])).toEqual([]);
    expect(accountsForDocument(page('www.amazon.com'), page('amazon-adsystem.com'), [shop, aws])).toEqual([]);
    expect(accountsForDocument(page('www.amazon.com'), page('www.amazon.de'), [shop, aws])).toEqual(['shop']);
  });
});

describe('reconcileBindings', () => {
  it('migrates old registrable domains to whole-site bindings', () => {
    expect(reconcileBindings(['amazon.com', 'amazon.de'], [])).toEqual([binding('amazon.com'), binding('amazon.de')]);
  });

  it('keeps a narrower binding that refines one of the domains', () => {
    expect(reconcileBindings(['amazon.com'], [binding('aws.amazon.com')])).toEqual([binding('aws.amazon.com')]);
  });

  it('drops bindings whose site left `domains` and adds a binding for a new domain', () => {
    expect(reconcileBindings(['amazon.de'], [binding('aws.amazon.com')])).toEqual([binding('amazon.de')]);
  });

  it('gives no binding to a domain that is not a valid site, without guessing another', () => {
    expect(reconcileBindings(['co.uk', 'www.amazon.com', '127.0.0.1', 'ok.com'], [])).toEqual([binding('ok.com')]);
  });

  it('lists the sites of bindings once each', () => {
    expect(sitesOfBindings([binding('aws.amazon.com'), binding('amazon.com'), binding('x.org')])).toEqual(['amazon.com', 'x.org']);
  });
});
