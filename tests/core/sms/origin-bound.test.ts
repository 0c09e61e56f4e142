import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseOriginBoundMessage, parsePastedOriginBound } from '../../../src/core/sms/origin-bound';
import type { BoundCode, BoundCodeErrorCode } from '../../../src/core/sms/types';
import { boundCodeTargets, newTally } from '../../fuzz/targets';

function accepted(text: string, parse = parseOriginBoundMessage): BoundCode {
  const result = parse(text);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(text)} to parse: ${result.error.message}`);
  return result.value;
}

function refused(text: string, parse = parseOriginBoundMessage): BoundCodeErrorCode {
  const result = parse(text);
  if (result.ok) throw new Error(`expected ${JSON.stringify(text)} to be refused, got ${JSON.stringify(result.value)}`);
  expect(result.error.message.length).toBeGreaterThan(10);
  return result.error.code;
}

describe('origin-bound SMS, by the draft rules', () => {
  it('reads the site and the code from the last line', () => {
    const code = accepted('Your Shopsite sign-in code is 904112. It expires in 10 minutes.\n\n@amazon.com #904112');
    expect(code).toEqual({ source: 'sms', code: '904112', host: 'amazon.com', site: 'amazon.com', displaySite: 'amazon.com', embedded: null });
  });

  it('keeps the host, and compares by its registrable domain', () => {
    const code = accepted('@signin.aws.amazon.com #55-1207');
    expect([code.host, code.site, code.code]).toEqual(['signin.aws.amazon.com', 'amazon.com', '55-1207']);
  });

  it('reads an embedded site after "%", and ignores what follows', () => {
    const code = accepted('Pay with Bankco: 318840\n@bank.example #318840 %shop.example $later');
    expect(code.embedded).toEqual({ host: 'shop.example', site: 'shop.example', displaySite: 'shop.example' });
  });

  it('ignores trailing text after the code, and a space-led token that is not "%host"', () => {
    expect(accepted('@amazon.com #123456 please').embedded).toBeNull();
    expect(accepted('@amazon.com #123456 %').embedded).toBeNull();
    expect(accepted('@amazon.com #123456 ').code).toBe('123456');
    expect(accepted('@amazon.com #123456\tmore').code).toBe('123456');
  });

  it('normalises CRLF and CR before taking the last line', () => {
    expect(accepted('Code 1\r\n@amazon.com #111222').code).toBe('111222');
    expect(accepted('Code 1\r@amazon.com #111222').code).toBe('111222');
  });

  it('turns an IDN host into punycode and names it both ways', () => {
    const code = accepted('@bücher.de #4711');
    expect([code.host, code.site, code.displaySite]).toEqual(['xn--bcher-kva.de', 'xn--bcher-kva.de', 'bücher.de (xn--bcher-kva.de)']);
    expect(accepted('@XN--BCHER-KVA.DE. #4711').host).toBe('xn--bcher-kva.de');
    // A Cyrillic "а": another site, named as such.
    expect(accepted('@аmazon.com #123456').site).toBe('xn--mazon-3ve.com');
  });

  it.each<[string, BoundCodeErrorCode]>([
    ['', 'no-origin-bound-line'],
    ['Your code is 123456', 'no-origin-bound-line'],
    ['something @amazon.com #123456', 'no-origin-bound-line'],
    ['#123456 %shop.example @amazon.com', 'no-origin-bound-line'],
    [' @amazon.com #123456', 'no-origin-bound-line'],
    ['@amazon.com #123456\n', 'no-origin-bound-line'],
    ['@ amazon.com #123456', 'missing-host'],
    ['@', 'missing-host'],
    ['@amazon.com', 'missing-code'],
    ['@amazon.com ', 'missing-code'],
    ['@amazon.com #', 'missing-code'],
    ['@amazon.com # 123456', 'missing-code'],
    ['@amazon.com 123456', 'missing-code'],
    ['@amazon.com code #123456', 'bad-separator'],
    ['@amazon.com  #123456', 'bad-separator'],
    ['@amazon.com\t#123456', 'bad-separator'],
    ['@amazon.com#123456', 'bad-host'],
    ['@co.uk #123456', 'bad-host'],
    ['@github.io #123456', 'bad-host'],
    ['@127.0.0.1 #123456', 'bad-host'],
    ['@[::1] #123456', 'bad-host'],
    ['@localhost #123456', 'bad-host'],
    ['@amazon.com:8443 #123456', 'bad-host'],
    ['@amazon.com/login #123456', 'bad-host'],
    ['@user@amazon.com #123456', 'bad-host'],
    ['@a..b #123456', 'bad-host'],
    ['@amazon.com\u00a0#123456', 'bad-host'],
    ['@amazon.com #123456.', 'bad-code'],
    ['@amazon.com #<b>1</b>', 'bad-code'],
    ['@amazon.com #-12', 'bad-code'],
    [`@amazon.com #${'1'.repeat(33)}`, 'bad-code'],
    ['@amazon.com #１２３４５６', 'bad-code'],
    ['@amazon.com #123456 %co.uk', 'bad-embedded-host'],
    ['@amazon.com #123456 %10.0.0.1', 'bad-embedded-host'],
    ['@amazon.com #123456 %shop.example/x', 'bad-embedded-host'],
    [`@amazon.com #1 ${'x'.repeat(20_001)}`, 'too-long'],
  ])('refuses %j (%s)', (text, code) => {
    expect(refused(text)).toBe(code);
  });

  it('takes only the last line: earlier "@" lines are explanatory text', () => {
    expect(accepted('@evil.example #999999\n@amazon.com #123456').site).toBe('amazon.com');
  });
});

describe('pasted text (the draft, plus what pasting adds)', () => {
  const pasted = (text: string) => accepted(text, parsePastedOriginBound);
  const pastedRefused = (text: string) => refused(text, parsePastedOriginBound);

  it('drops trailing blank lines a copy adds', () => {
    expect(pasted('Code 123456\n@amazon.com #123456\n').code).toBe('123456');
    expect(pasted('@amazon.com #123456\r\n  \r\n').code).toBe('123456');
  });

  it('refuses two messages for different codes pasted together, accepts the same one twice', () => {
    expect(pastedRefused('@evil.example #999999\n@amazon.com #123456')).toBe('several-origin-bound-lines');
    expect(pastedRefused('@amazon.com #111111\n@amazon.com #123456')).toBe('several-origin-bound-lines');
    expect(pastedRefused('@amazon.com #123456 %a.example\n@amazon.com #123456')).toBe('several-origin-bound-lines');
    expect(pasted('@amazon.com #123456\n\n@amazon.com #123456').code).toBe('123456');
  });

  it('names the problem when the code line is not last', () => {
    expect(pastedRefused('@amazon.com #123456\nSent 10:42')).toBe('not-last-line');
  });

  it('refuses empty input', () => {
    expect(pastedRefused('  \n ')).toBe('empty');
  });
});

describe('fuzz (fixed seed, small; `npm run fuzz` runs 100,000 per target)', () => {
  for (const target of boundCodeTargets()) {
    it(`${target.name}: never throws, every refusal typed, every accepted code checks out`, () => {
      const tally = newTally();
      fc.assert(target.property(tally) as fc.IProperty<[unknown]>, { seed: 20261201, numRuns: 3000 });
      expect(tally.runs).toBe(3000);
      // The generators reach both sides: some texts are accepted, most are refused with several codes.
      expect(tally.ok).toBeGreaterThan(50);
      expect(tally.errors.size).toBeGreaterThan(5);
    });
  }
});
