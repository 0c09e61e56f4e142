import { describe, expect, it, vi } from 'vitest';
import { pastedCode } from '../../src/background/handlers/pasted-code';
import { type ContentScriptSender, createRouter } from '../../src/messaging/router';
import type { SenderRole } from '../../src/messaging/sender';
import { buildBackground } from './fakes';

const SMS = 'Your Amazon code is 123456. Don’t share it.\n\n@amazon.com #123456';

/** A content script in tab 7's top frame, as the browser describes it (never what the message says). */
function topSender(url: string): { bg: ReturnType<typeof buildBackground>; sender: ContentScriptSender } {
  const bg = buildBackground();
  bg.tabs.set(7, url);
  return { bg, sender: { role: 'content-script', tabId: 7, frameId: 0, frameUrl: url, origin: new URL(url).origin } };
}

describe('cs:pasted-code', () => {
  it('on the code’s own site: only the code goes in', async () => {
    const { bg, sender } = topSender('https://www.amazon.com/ap/mfa');
    expect(await pastedCode(bg.services)({ type: 'cs:pasted-code', text: SMS }, sender)).toEqual({ outcome: 'fill', code: '123456' });
  });

  it('on a lookalike and on another legit site: held, naming the code’s site', async () => {
    for (const url of ['https://www.amaz0n-account.com/ap/mfa', 'https://www.ebay.com/signin']) {
      const { bg, sender } = topSender(url);
      expect(await pastedCode(bg.services)({ type: 'cs:pasted-code', text: SMS }, sender)).toEqual({
        outcome: 'held',
        message: 'This code is for amazon.com, not this site. OTP Guard did not paste it.',
        site: 'amazon.com',
      });
    }
  });

  it('judges the page from the browser’s frame data: a sender whose tab shows another site is held', async () => {
    const { bg, sender } = topSender('https://www.amazon.com/ap/mfa');
    bg.tabs.set(7, 'https://www.ebay.com/'); // the tab navigated: the chain says ebay.com
    expect(await pastedCode(bg.services)({ type: 'cs:pasted-code', text: SMS }, sender)).toMatchObject({ outcome: 'held' });
    bg.tabs.clear(); // no frame chain at all: unknown page, held
    expect(await pastedCode(bg.services)({ type: 'cs:pasted-code', text: SMS }, sender)).toMatchObject({ outcome: 'held' });
  });

  it('a sandboxed (opaque) document on the right site is held', async () => {
    const { bg, sender } = topSender('https://www.amazon.com/ap/mfa');
    expect(await pastedCode(bg.services)({ type: 'cs:pasted-code', text: SMS }, { ...sender, origin: 'null' })).toMatchObject({ outcome: 'held' });
  });

  it('a code that names a lookalike is held on that lookalike too', async () => {
    const { bg, sender } = topSender('https://www.amaz0n-account.com/ap/mfa');
    const reply = await pastedCode(bg.services)({ type: 'cs:pasted-code', text: 'Code 111222\n@amaz0n-account.com #111222' }, sender);
    expect(reply).toMatchObject({ outcome: 'held', message: expect.stringContaining('imitates') });
  });

  it('a frame gets a code only when the code names it', async () => {
    const { bg } = topSender('https://www.shop.example/checkout');
    bg.childFrames.set('7:3', 'https://widget.pay.example/otp');
    const frame: ContentScriptSender = { role: 'content-script', tabId: 7, frameId: 3, frameUrl: 'https://widget.pay.example/otp', origin: 'https://widget.pay.example' };
    const handler = pastedCode(bg.services);
    expect(await handler({ type: 'cs:pasted-code', text: '@shop.example #904112 %pay.example' }, frame)).toEqual({ outcome: 'fill', code: '904112' });
    expect(await handler({ type: 'cs:pasted-code', text: '@shop.example #904112' }, frame)).toMatchObject({ outcome: 'held' });
  });

  it('refuses a message written as an SMS but not by the rules, and leaves text that names no site as usual', async () => {
    const { bg, sender } = topSender('https://www.amazon.com/ap/mfa');
    const handler = pastedCode(bg.services);
    const two = await handler({ type: 'cs:pasted-code', text: '@amazon.com #111111\n@amazon.com #222222' }, sender);
    expect(two).toMatchObject({ outcome: 'held', message: expect.stringContaining('several') });
    expect(await handler({ type: 'cs:pasted-code', text: '@amazon.com  #111111' }, sender)).toMatchObject({ outcome: 'held' });
    expect(await handler({ type: 'cs:pasted-code', text: 'From: Amazon <x@amazon.com>\nno code here' }, sender)).toEqual({ outcome: 'as-usual' });
  });

  it('reads an e-mail’s sender, never its display name', async () => {
    const { bg, sender } = topSender('https://www.amazon.com/ap/mfa');
    const handler = pastedCode(bg.services);
    expect(await handler({ type: 'cs:pasted-code', text: 'From: Amazon <account-update@amazon.com>\nYour code:\n482913' }, sender)).toEqual({
      outcome: 'fill',
      code: '482913',
    });
    expect(await handler({ type: 'cs:pasted-code', text: 'From: amazon.com <x@evil.example>\n482913' }, sender)).toMatchObject({
      outcome: 'held',
      site: 'evil.example',
    });
  });
});

describe('cs:pasted-code through the router', () => {
  const content: SenderRole = { role: 'content-script', tabId: 7, frameId: 0, frameUrl: 'https://www.amazon.com/', origin: 'https://www.amazon.com' };
  const popup: SenderRole = { role: 'extension-page', page: 'src/popup/index.html' };

  function setup() {
    const handler = vi.fn(async () => ({ outcome: 'as-usual' as const }));
    const route = createRouter({ ui: {}, cs: { 'cs:pasted-code': handler } }, { refused: vi.fn() });
    return { route, handler };
  }

  it('takes a text from a content script, and nothing else', async () => {
    const { route, handler } = setup();
    expect(await route({ type: 'cs:pasted-code', text: SMS }, content)).toEqual({ ok: true, value: { outcome: 'as-usual' } });
    for (const bad of [
      { type: 'cs:pasted-code' },
      { type: 'cs:pasted-code', text: '' },
      { type: 'cs:pasted-code', text: 'x'.repeat(20_001) },
      { type: 'cs:pasted-code', text: SMS, site: 'amazon.com' }, // the page's site is never taken from a message
    ]) {
      expect(await route(bad, content)).toMatchObject({ ok: false, error: { code: 'bad-shape' } });
    }
    expect(await route({ type: 'cs:pasted-code', text: SMS }, popup)).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(handler).toHaveBeenCalledTimes(1);
  });
});
