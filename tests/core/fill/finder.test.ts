// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { type Candidate, findOtpFields, OTP_THRESHOLD } from '../../../src/core/fill/finder';

const page = (html: string): Document => {
  document.body.innerHTML = html;
  return document;
};

const bestInputs = (candidate: Candidate | null): string[] => {
  if (!candidate) return [];
  const inputs = candidate.kind === 'single' ? [candidate.input] : candidate.inputs;
  return inputs.map((input) => input.id || input.name);
};

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('findOtpFields: pages that ask for a code', () => {
  const cases: Array<{ name: string; html: string; expected: string[]; reason: RegExp }> = [
    {
      name: 'Amazon MFA tel input named otpCode',
      html: `<form action="/ap/signin"><h1>Two-Step Verification</h1>
        <label for="auth-mfa-otpcode">Enter OTP:</label>
        <input type="tel" id="auth-mfa-otpcode" name="otpCode" class="a-input-text" autocomplete="off">
        <input type="checkbox" id="remember" name="rememberDevice"><input type="submit" value="Sign in"></form>`,
      expected: ['auth-mfa-otpcode'],
      reason: /name: "otpCode"/,
    },
    {
      name: 'autocomplete=one-time-code with no other hint',
      html: '<form><input id="x1" name="f1"></form><form><input id="plain" autocomplete="one-time-code"></form>',
      expected: ['plain'],
      reason: /autocomplete=one-time-code/,
    },
    {
      name: 'PayPal-style six split boxes',
      html: `<form><p>Enter your code</p><div class="otp">${[1, 2, 3, 4, 5, 6]
        .map((n) => `<div class="cell"><input id="d${n}" maxlength="1" inputmode="numeric" aria-label="Digit ${n}"></div>`)
        .join('')}</div><button>Submit</button></form>`,
      expected: ['d1', 'd2', 'd3', 'd4', 'd5', 'd6'],
      reason: /split: 6 one-character boxes/,
    },
    {
      name: 'placeholder and inputmode on a generic name',
      html: '<input id="f" name="field7" placeholder="6-digit verification code" inputmode="numeric" maxlength="6">',
      expected: ['f'],
      reason: /placeholder: "6-digit verification code"/,
    },
    {
      name: 'aria-labelledby pointing at a heading',
      html: '<h2 id="h">Authenticator app</h2><input id="f" name="value" aria-labelledby="h">',
      expected: ['f'],
      reason: /aria-labelledby: "Authenticator app"/,
    },
    {
      name: 'wrapping label',
      html: '<label>Security code from your app <input id="f" name="v"></label>',
      expected: ['f'],
      reason: /label: "Security code from your app"/,
    },
    {
      name: 'nearby text only, with numeric shape',
      html: '<div><p>We sent a one-time code to your device.</p><div><input id="f" name="v" inputmode="numeric" maxlength="6"></div></div>',
      expected: ['f'],
      reason: /nearby text/,
    },
    {
      name: 'OTP field wins over the e-mail and password fields of the same page',
      html: `<form><input type="email" id="mail" name="email"><input type="password" id="pw" name="password" autocomplete="current-password">
        <input id="otp" name="mfa_code" inputmode="numeric"></form>`,
      expected: ['otp'],
      reason: /name: "mfa_code"/,
    },
    {
      name: 'Microsoft-style OTC field (name "otc", placeholder "Code")',
      html: '<input name="otc" type="tel" id="idTxtBx_SAOTCC_OTC" maxlength="8" aria-label="Code" placeholder="Code">',
      expected: ['idTxtBx_SAOTCC_OTC'],
      reason: /name: "otc"/,
    },
    {
      name: 'Facebook-style login code',
      html: '<input type="text" name="approvals_code" id="approvals_code" placeholder="Login code" autocomplete="off">',
      expected: ['approvals_code'],
      reason: /placeholder: "Login code"/,
    },
    {
      name: 'Apple-style boxes with a class and aria-label',
      html: `<div class="boxes">${[1, 2, 3, 4, 5, 6]
        .map((n) => `<input id="a${n}" class="form-security-code-input" maxlength="1" type="tel" aria-label="Enter verification code. Digit ${n}">`)
        .join('')}</div>`,
      expected: ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'],
      reason: /aria-label: "Enter verification code. Digit 1"/,
    },
    {
      name: 'field whose heading says "Enter your verification code" a few levels up',
      html: `<div><h2>Enter your verification code</h2><div><div><div><label><span>Enter code</span><input id="t" name="text"></label></div></div></div></div>`,
      expected: ['t'],
      reason: /nearby text: ".*verification code"/,
    },
  ];
  for (const testCase of cases) {
    it(testCase.name, () => {
      const result = findOtpFields(page(testCase.html));
      expect(bestInputs(result.best)).toEqual(testCase.expected);
      expect(result.best!.score).toBeGreaterThanOrEqual(OTP_THRESHOLD);
      expect(result.best!.reasons.join('\n')).toMatch(testCase.reason);
    });
  }
});

describe('findOtpFields: multilingual labels', () => {
  const labels: Array<[string, string]> = [
    ['en', 'Verification code'],
    ['de', 'Bestätigungscode'],
    ['fr', 'Code de vérification'],
    ['es', 'Código de verificación'],
    ['pt', 'Código de verificação'],
    ['it', 'Codice di verifica'],
    ['ja', '認証コードを入力'],
    ['zh-Hans', '请输入验证码'],
    ['zh-Hant', '輸入驗證碼'],
    ['ru', 'Код подтверждения'],
    ['pl', 'Kod weryfikacyjny'],
    ['tr', 'Doğrulama kodu'],
    ['nl', 'Verificatiecode'],
    ['ko', '인증번호 입력'],
    ['sv', 'Engångskod'],
    ['cs', 'Ověřovací kód'],
    ['ar', 'رمز التحقق'],
  ];
  for (const [language, text] of labels) {
    it(`${language}: "${text}"`, () => {
      const result = findOtpFields(
        page(`<form><label for="other">Name</label><input id="other" name="n1"><label for="f">${text}</label><input id="f" name="n2"></form>`),
      );
      expect(bestInputs(result.best)).toEqual(['f']);
      expect(result.best!.reasons.join('\n')).toContain(`label: "${text}"`);
    });
  }
  it('accent-free spelling still matches', () => {
    const result = findOtpFields(page('<label for="f">Codigo de verificacao</label><input id="f">'));
    expect(bestInputs(result.best)).toEqual(['f']);
  });
});

describe('findOtpFields: shadow DOM', () => {
  it('finds a field inside an open shadow root (nested)', () => {
    document.body.innerHTML = '<div id="outer"></div>';
    const outer = document.getElementById('outer')!.attachShadow({ mode: 'open' });
    outer.innerHTML = '<section><div id="inner"></div></section>';
    const inner = outer.getElementById('inner')!.attachShadow({ mode: 'open' });
    inner.innerHTML = '<label for="code">One-time password</label><input id="code" name="code">';
    const result = findOtpFields(document);
    expect(bestInputs(result.best)).toEqual(['code']);
    expect(result.best!.reasons.join('\n')).toContain('label: "One-time password"');
  });
  it('does not see into closed shadow roots', () => {
    document.body.innerHTML = '<div id="host"></div>';
    const closed = document.getElementById('host')!.attachShadow({ mode: 'closed' });
    closed.innerHTML = '<input autocomplete="one-time-code">';
    expect(findOtpFields(document).candidates).toEqual([]);
  });
  it('accepts a ShadowRoot or an Element as the root', () => {
    document.body.innerHTML = '<div id="a"><input id="x" autocomplete="one-time-code"></div><div id="b"><input id="y" name="otp"></div>';
    expect(bestInputs(findOtpFields(document.getElementById('b')!).best)).toEqual(['y']);
  });
});

describe('findOtpFields: pages that must not get a code', () => {
  it('checkout page with only coupon and ZIP fields has no OTP field', () => {
    const result = findOtpFields(
      page(`<form><h2>Checkout</h2>
        <label for="coupon">Promo code</label><input id="coupon" name="couponCode" maxlength="8">
        <label for="zip">ZIP code</label><input id="zip" name="zip" autocomplete="postal-code" inputmode="numeric" maxlength="5">
        <input id="gift" name="giftCardCode" placeholder="Gift card code"></form>`),
    );
    expect(result.best).toBeNull();
    expect(result.candidates).toHaveLength(3);
    const reasons = result.candidates.map((c) => c.reasons.join(' | ')).join('\n');
    expect(reasons).toMatch(/excluded: promo/);
    expect(reasons).toMatch(/excluded: zip/);
    expect(reasons).toMatch(/excluded: gift/);
  });
  const excluded: Array<[string, string, RegExp]> = [
    ['phone', '<label for="f">Phone number</label><input id="f" type="tel" name="phone" maxlength="8">', /excluded: phone/],
    ['card number', '<input id="f" name="cardnumber" autocomplete="cc-number" inputmode="numeric">', /excluded: (autocomplete=cc-number|cardnum)/],
    ['search', '<input id="f" type="text" name="q" placeholder="Search codes">', /excluded: search/],
    ['captcha', '<label for="f">Enter the characters (captcha)</label><input id="f" name="captcha_code">', /excluded: captcha/],
    ['Chinese image captcha', '<label for="f">图形验证码</label><input id="f" name="v">', /excluded: 图形/],
    [
      'captcha labelled only 验证码 with its picture beside it',
      '<div><label for="f">验证码</label><input id="f" name="v"><img src="/getVcode.jpg?t=1"></div>',
      /excluded: captcha image next to the field/,
    ],
    ['login password', '<input id="f" type="password" name="password" autocomplete="current-password">', /excluded/],
    ['plain password without OTP hints', '<input id="f" type="password" name="pw">', /type=password/],
    ['e-mail', '<input id="f" type="text" name="email" placeholder="you@example.com">', /excluded: email/],
    ['voucher', '<input id="f" name="voucher" placeholder="Enter code" maxlength="6">', /excluded: voucher/],
  ];
  for (const [name, html, reason] of excluded) {
    it(`excludes ${name}`, () => {
      const result = findOtpFields(page(html));
      expect(result.best).toBeNull();
      expect(result.candidates[0]!.score).toBeLessThan(OTP_THRESHOLD);
      expect(result.candidates[0]!.reasons.join('\n')).toMatch(reason);
    });
  }
  it('"security code" next to a card number is the CVV, not an OTP', () => {
    const result = findOtpFields(
      page(`<form><input name="cardnumber" placeholder="Card number"><input name="exp" placeholder="MM/YY">
        <label for="sc">Security code</label><input id="sc" name="securityCode" maxlength="4"></form>`),
    );
    expect(result.best).toBeNull();
    const security = result.candidates.find((c) => c.kind === 'single' && c.input.id === 'sc')!;
    expect(security.reasons.join('\n')).toMatch(/excluded: card security code/);
  });
  it('"security code" without card fields is an OTP', () => {
    const result = findOtpFields(page('<form><label for="sc">Security code</label><input id="sc" name="sc" maxlength="6"></form>'));
    expect(bestInputs(result.best)).toEqual(['sc']);
  });
  it('SMS code labelled 短信验证码 next to a "send" button is an OTP', () => {
    const result = findOtpFields(page('<div><label for="f">短信验证码</label><input id="f" name="smsCode"><button>获取验证码</button><img src="/logo.png"></div>'));
    expect(bestInputs(result.best)).toEqual(['f']);
  });
  it('"code sent to your phone" is not excluded as a phone field', () => {
    const result = findOtpFields(page('<label for="f">Enter the verification code sent to your phone</label><input id="f" type="tel">'));
    expect(bestInputs(result.best)).toEqual(['f']);
  });
});

describe('findOtpFields: unusable inputs are not candidates', () => {
  const hidden: Array<[string, string]> = [
    ['type=hidden', '<input type="hidden" name="otp">'],
    ['disabled', '<input name="otp" disabled>'],
    ['readonly', '<input name="otp" readonly>'],
    ['hidden attribute', '<input name="otp" hidden>'],
    ['inline display:none', '<input name="otp" style="display:none">'],
    ['visibility:hidden', '<input name="otp" style="visibility:hidden">'],
    ['ancestor display:none', '<div style="display:none"><input name="otp"></div>'],
    ['ancestor hidden attribute', '<div hidden><input name="otp"></div>'],
    ['disabled fieldset', '<fieldset disabled><input name="otp"></fieldset>'],
    ['checkbox', '<input type="checkbox" name="otp">'],
  ];
  for (const [name, html] of hidden) {
    it(name, () => {
      expect(findOtpFields(page(html)).candidates).toEqual([]);
    });
  }
});

describe('findOtpFields: split boxes', () => {
  it('ignores three boxes (a date) and scores single maxlength=1 boxes low', () => {
    const result = findOtpFields(page('<div><input maxlength="1"><input maxlength="1"><input maxlength="1"></div>'));
    expect(result.best).toBeNull();
    expect(result.candidates.every((c) => c.kind === 'single')).toBe(true);
  });
  it('groups boxes that share a grandparent but not boxes from two separate rows', () => {
    const row = (prefix: string) =>
      `<div>${[1, 2, 3, 4].map((n) => `<span><input id="${prefix}${n}" maxlength="1"></span>`).join('')}</div>`;
    const result = findOtpFields(page(`<section>${row('a')}</section><p>and</p><section>${row('b')}</section>`));
    const splits = result.candidates.filter((c) => c.kind === 'split');
    expect(splits.map((c) => bestInputs(c))).toEqual([
      ['a1', 'a2', 'a3', 'a4'],
      ['b1', 'b2', 'b3', 'b4'],
    ]);
  });
  it('does not group nine boxes', () => {
    const result = findOtpFields(page(`<div>${'<input maxlength="1">'.repeat(9)}</div>`));
    expect(result.candidates.some((c) => c.kind === 'split')).toBe(false);
  });
  it('split row with coupon wording is excluded', () => {
    const result = findOtpFields(
      page(`<div>${[1, 2, 3, 4, 5, 6].map((n) => `<input maxlength="1" name="coupon${n}">`).join('')}</div>`),
    );
    expect(result.best).toBeNull();
    expect(result.candidates[0]!.reasons.join('\n')).toMatch(/excluded: coupon/);
  });
});

describe('findOtpFields: ranking', () => {
  it('returns every candidate sorted by score with reasons', () => {
    const result = findOtpFields(page('<input id="a" name="city"><input id="b" name="otp"><input id="c" name="x">'));
    expect(result.candidates.map((c) => bestInputs(c)[0])).toEqual(['b', 'c', 'a']);
    for (const candidate of result.candidates) expect(Array.isArray(candidate.reasons)).toBe(true);
    expect(result.candidates[2]!.reasons.join('\n')).toMatch(/excluded: city/);
  });
});
