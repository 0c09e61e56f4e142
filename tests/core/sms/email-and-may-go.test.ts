import { describe, expect, it } from 'vitest';
import { parsePastedEmail } from '../../../src/core/sms/email-code';
import { type CodeDestination, originBoundCodeMayGo } from '../../../src/core/sms/may-go';
import { parseOriginBoundMessage } from '../../../src/core/sms/origin-bound';
import { parsePastedCode } from '../../../src/core/sms/pasted-code';
import type { BoundCode } from '../../../src/core/sms/types';

function must(result: ReturnType<typeof parsePastedCode>): BoundCode {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const refusal = (result: ReturnType<typeof parsePastedCode>) => (result.ok ? `accepted ${result.value.code}` : result.error.code);

const amazonMail = [
  'From: Amazon <account-update@amazon.com>',
  'Date: Tue, 1 Dec 2026 10:42:07 +0000',
  'Subject: Your Amazon verification code',
  '',
  'To verify your identity, use the following code:',
  '',
  '381920',
  '',
  'Order 112-3345566-7788 is on its way. Call 0800 279 6620 for help.',
  '© 1996-2026, Amazon.com, Inc. or its affiliates',
].join('\n');

describe('pasted e-mail', () => {
  it('takes the sender domain from the address and the code on its own line', () => {
    expect(must(parsePastedEmail(amazonMail))).toEqual({
      source: 'email',
      code: '381920',
      host: 'amazon.com',
      site: 'amazon.com',
      displaySite: 'amazon.com',
      embedded: null,
    });
  });

  it.each([
    ['Von: "Google" <no-reply@accounts.google.com>\nIhr Bestätigungscode lautet 448812.', 'google.com', '448812'],
    ['De : PayPal <service@paypal.fr>\nVotre code : 731100\nMerci, 2026', 'paypal.fr', '731100'],
    ['差出人：楽天 <info@mail.rakuten.co.jp>\n認証コード：556677\n2026年12月1日', 'rakuten.co.jp', '556677'],
    ['发件人: 支付宝 <service@mail.alipay.com>\n您的验证码是 902211，5分钟内有效。', 'alipay.com', '902211'],
    ['from: security@posteo.de\nThe only number here: 12345678', 'posteo.de', '12345678'],
    ['From: <noreply@bücher.de>\nCode 4711', 'xn--bcher-kva.de', '4711'],
  ])('reads %j', (text, site, code) => {
    const parsed = must(parsePastedEmail(text));
    expect([parsed.site, parsed.code]).toEqual([site, code]);
  });

  it('never reads the display name', () => {
    expect(must(parsePastedEmail('From: amazon.com <alerts@evil.example>\nCode: 123456')).site).toBe('evil.example');
  });

  it('uses an origin-bound last line when the sender matches it, refuses it when not', () => {
    expect(must(parsePastedEmail('From: Shop <a@shop.example>\nHello 111111\n@shop.example #222222')).code).toBe('222222');
    expect(refusal(parsePastedEmail('From: Shop <a@shop.example>\n@amazon.com #222222'))).toBe('several-senders');
  });

  it.each([
    ['Your code is 123456', 'no-sender'],
    ['Reply-To: <a@amazon.com>\nCode 123456', 'no-sender'],
    ['From: Amazon\nCode 123456', 'no-sender'],
    ['From: Amazon <a@co.uk>\nCode 123456', 'bad-host'],
    ['From: Amazon <a@127.0.0.1>\nCode 123456', 'bad-host'],
    ['From: A <a@amazon.com>\n> From: B <b@evil.example>\nCode 123456', 'several-senders'],
    ['From: A <a@amazon.com>\nNo numbers here.', 'no-code'],
    ['From: A <a@amazon.com>\n123456\n654321', 'ambiguous-code'],
    ['From: A <a@amazon.com>\nYour code 123456, or code 654321', 'ambiguous-code'],
    ['From: A <a@amazon.com>\nOrder 4455 shipped; ref 998877', 'ambiguous-code'],
    ['', 'empty'],
  ])('refuses %j (%s)', (text, code) => {
    expect(refusal(parsePastedEmail(text))).toBe(code);
  });

  it('prefers a code on its own line, then one next to the word "code", then the only number', () => {
    expect(must(parsePastedEmail('From: A <a@amazon.com>\nRef 4455\nCode: 998877')).code).toBe('998877');
    expect(must(parsePastedEmail('From: A <a@amazon.com>\nRef 4455 code 7788\n551100')).code).toBe('551100');
    expect(must(parsePastedEmail('From: A <a@amazon.com>\nDate: 2026-12-01\nUse 551100 to sign in')).code).toBe('551100');
  });
});

describe('parsePastedCode picks the format', () => {
  it('an origin-bound SMS first, then an e-mail', () => {
    expect(must(parsePastedCode('Your code 123456\n@amazon.com #123456')).source).toBe('sms');
    expect(must(parsePastedCode(amazonMail)).source).toBe('email');
  });

  it('keeps the SMS error for a broken SMS, the e-mail error for plain text', () => {
    expect(refusal(parsePastedCode('@amazon.com code #123456'))).toBe('bad-separator');
    expect(refusal(parsePastedCode('Your code is 123456'))).toBe('no-sender');
    expect(refusal(parsePastedCode('   '))).toBe('empty');
  });
});

describe('originBoundCodeMayGo', () => {
  const sms = (text: string) => must(parseOriginBoundMessage(text));
  const top = (site: string | null, extra: Partial<CodeDestination> = {}): CodeDestination => ({ topRegistrableDomain: site, allHttps: true, ...extra });
  const amazon = sms('@amazon.com #123456');
  const framed = sms('@bank.example #318840 %shop.example');

  it('lets a code go to a top-level page of its own site (any host of it)', () => {
    expect(originBoundCodeMayGo(amazon, top('amazon.com'))).toEqual({ allowed: true });
    expect(originBoundCodeMayGo(sms('@signin.aws.amazon.com #1234'), top('amazon.com')).allowed).toBe(true);
  });

  it('holds it on a lookalike and on another legit site, naming the code\'s site', () => {
    for (const site of ['amaz0n-support.com', 'xn--mazon-3ve.com', 'ebay.com', 'amazon.de']) {
      expect(originBoundCodeMayGo(amazon, top(site))).toEqual({
        allowed: false,
        reason: 'other-site',
        message: 'This code is for amazon.com, not this site.',
      });
    }
  });

  it('names an IDN site in both forms', () => {
    const held = originBoundCodeMayGo(sms('@bücher.de #4711'), top('example.com'));
    expect(held.allowed ? '' : held.message).toBe('This code is for bücher.de (xn--bcher-kva.de), not this site.');
  });

  it('holds without https, or without a known page or frame', () => {
    expect(originBoundCodeMayGo(amazon, top('amazon.com', { allHttps: false }))).toMatchObject({ allowed: false, reason: 'not-https' });
    expect(originBoundCodeMayGo(amazon, top(null))).toMatchObject({ allowed: false, reason: 'unknown-page' });
    expect(originBoundCodeMayGo(framed, top('bank.example', { frameRegistrableDomain: null }))).toMatchObject({ allowed: false, reason: 'unknown-page' });
  });

  it('follows the draft for frames', () => {
    const inFrame = (frame: string, ancestors?: (string | null)[]) =>
      originBoundCodeMayGo(framed, top('bank.example', { frameRegistrableDomain: frame, ...(ancestors ? { ancestorRegistrableDomains: ancestors } : {}) }));
    expect(inFrame('shop.example')).toEqual({ allowed: true });
    expect(inFrame('shop.example', ['bank.example', 'shop.example'])).toEqual({ allowed: true });
    expect(inFrame('shop.example', ['ads.example'])).toMatchObject({ allowed: false, reason: 'ancestor-other-site' });
    expect(inFrame('shop.example', [null])).toMatchObject({ allowed: false, reason: 'ancestor-other-site' });
    expect(inFrame('ads.example')).toMatchObject({ allowed: false, reason: 'frame-other-site' });
    // An embedded code never goes to the top page itself, and a plain code never into a frame.
    expect(originBoundCodeMayGo(framed, top('bank.example'))).toMatchObject({ allowed: false, reason: 'frame-only-code' });
    expect(originBoundCodeMayGo(amazon, top('amazon.com', { frameRegistrableDomain: 'amazon.com' }))).toMatchObject({ allowed: false, reason: 'not-for-frame' });
    // The top page must still be the code's site.
    expect(originBoundCodeMayGo(framed, top('shop.example', { frameRegistrableDomain: 'shop.example' }))).toMatchObject({ reason: 'other-site' });
  });

  it('lets an e-mail code into a frame of the sender\'s own site only', () => {
    const mail = must(parsePastedEmail(amazonMail));
    expect(originBoundCodeMayGo(mail, top('amazon.com', { frameRegistrableDomain: 'amazon.com' }))).toEqual({ allowed: true });
    expect(originBoundCodeMayGo(mail, top('amazon.com', { frameRegistrableDomain: 'amazon-adsystem.com' }))).toMatchObject({ allowed: false, reason: 'not-for-frame' });
  });
});
