import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { destinationOf } from '../../../src/core/sms/destination';
import { originBoundCodeMayGo } from '../../../src/core/sms/may-go';
import { parsePastedCode } from '../../../src/core/sms/pasted-code';
import { mayNameItsSite } from '../../../src/core/sms/shape';

const SMS = 'Your Amazon code is 123456. Don’t share it.\n\n@amazon.com #123456';

describe('mayNameItsSite (the base’s cheap check)', () => {
  it.each([
    SMS,
    `${SMS}\n\n`,
    '@shop.example #904112 %pay.example',
    '@amazon.com  #1', // refused by the parser, but the parser's to judge
    '@amazon.com #1\nsent 10:42',
    'From: Amazon <account-update@amazon.com>\nYour code: 482913',
    '> Von: Bank <no-reply@bank.de>\n482913',
  ])('says yes to %j', (text) => expect(mayNameItsSite(text)).toBe(true));

  it.each(['123456', 'Your code is 123456', 'me@example.com', 'see #3 @home', 'From the app: 123456', '', '@bob #tbt', '@amazon.com#1', '@amazon.com'])('says no to %j', (text) =>
    expect(mayNameItsSite(text)).toBe(false),
  );

  it('says no to long lines with no white space or no address (read in one pass, no regex backtracking)', () => {
    for (const line of [`@${'a.'.repeat(9_999)}`, `@${'.'.repeat(19_999)}`, `From:${' '.repeat(19_990)}`]) expect(mayNameItsSite(line)).toBe(false);
  });

  it('says yes to every text the full parser accepts (a "no" would let a bound code pass unchecked)', () => {
    const host = fc.constantFrom('amazon.com', 'shop.example', 'bücher.de', 'AMAZON.COM.');
    const line = fc.tuple(host, fc.stringMatching(/^[A-Za-z0-9]{1,8}$/)).map(([h, c]) => `@${h} #${c}`);
    const text = fc.tuple(fc.array(fc.string({ maxLength: 30 }), { maxLength: 4 }), line, fc.constantFrom('', '\n', '\r\n\r\n')).map(
      ([before, last, end]) => [...before, last].join('\n') + end,
    );
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ maxLength: 200 })), (candidate) => {
        if (parsePastedCode(candidate).ok) expect(mayNameItsSite(candidate)).toBe(true);
      }),
      { numRuns: 3000, seed: 11 },
    );
  });
});

describe('destinationOf (from the browser’s frame chain and sender)', () => {
  const code = (text: string) => {
    const parsed = parsePastedCode(text);
    if (!parsed.ok) throw new Error(parsed.error.message);
    return parsed.value;
  };
  const top = (url: string, origin = new URL(url).origin) => destinationOf([{ url }], { frameId: 0, url, origin });

  it('a top document on the code’s site may get it; a lookalike or another site may not', () => {
    expect(originBoundCodeMayGo(code(SMS), top('https://www.amazon.com/ap/mfa'))).toEqual({ allowed: true });
    expect(originBoundCodeMayGo(code(SMS), top('https://www.amaz0n-account.com/ap/mfa'))).toMatchObject({
      allowed: false,
      message: 'This code is for amazon.com, not this site.',
    });
    expect(originBoundCodeMayGo(code(SMS), top('https://www.ebay.com/'))).toMatchObject({ reason: 'other-site' });
  });

  it('fails closed on an opaque, missing or mismatched origin, an empty chain, a navigated tab, and http', () => {
    const url = 'https://www.amazon.com/ap/mfa';
    for (const destination of [
      destinationOf([{ url }], { frameId: 0, url, origin: 'null' }),
      destinationOf([{ url }], { frameId: 0, url }),
      destinationOf([{ url }], { frameId: 0, url, origin: 'https://evil.example' }),
      destinationOf([], { frameId: 0, url, origin: 'https://www.amazon.com' }),
      destinationOf([{ url: 'https://www.ebay.com/' }], { frameId: 0, url, origin: 'https://www.amazon.com' }),
    ]) {
      expect(originBoundCodeMayGo(code(SMS), destination).allowed).toBe(false);
    }
    expect(originBoundCodeMayGo(code(SMS), top('http://www.amazon.com/'))).toMatchObject({ reason: 'not-https' });
  });

  it('a frame gets a code only when the code names it (%), with every frame between on those sites', () => {
    const framed = '@shop.example #904112 %pay.example';
    const chain = [{ url: 'https://www.shop.example/checkout' }, { url: 'https://widget.pay.example/otp' }];
    const frame = { frameId: 5, url: 'https://widget.pay.example/otp', origin: 'https://widget.pay.example' };
    expect(originBoundCodeMayGo(code(framed), destinationOf(chain, frame))).toEqual({ allowed: true });
    expect(originBoundCodeMayGo(code('@shop.example #904112'), destinationOf(chain, frame))).toMatchObject({ reason: 'not-for-frame' });
    expect(originBoundCodeMayGo(code(framed), destinationOf(chain, { ...frame, origin: 'null' }))).toMatchObject({ reason: 'unknown-page' });
    const between = [chain[0]!, { url: 'https://ads.tracker.example/x' }, chain[1]!];
    expect(originBoundCodeMayGo(code(framed), destinationOf(between, frame))).toMatchObject({ reason: 'ancestor-other-site' });
    // The code's top site inside a frame of the code's own page: only the page itself gets it.
    expect(originBoundCodeMayGo(code(framed), top('https://www.shop.example/checkout'))).toMatchObject({ reason: 'frame-only-code' });
  });
});
