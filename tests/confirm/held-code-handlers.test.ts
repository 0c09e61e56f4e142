import { describe, expect, it } from 'vitest';
import { createGuardHolder } from '../../src/background/guard-holder';
import { cancelHeldCode, confirmHeldCode, decideHeldCode, describeHeldCode } from '../../src/background/handlers/held-code';
import type { Services } from '../../src/background/services';
import { HeldCodeConfirmations } from '../../src/background/warnings/held-codes';
import type { ContentScriptSender } from '../../src/messaging/router';

function setup() {
  let n = 0;
  const confirmations = new HeldCodeConfirmations({
    newId: () => `request-${++n}`,
    pageUrl: (id) => `chrome-extension://x/src/confirm/index.html?request=${id}`,
    timeoutMs: 60_000,
    windows: { open: async () => 1, close: async () => undefined },
  });
  const services = {
    guard: createGuardHolder(),
    warnings: { heldCodes: confirmations },
    tabUrl: async () => undefined,
  } as unknown as Services;
  return { services, confirmations };
}
const sender = (url: string, frameId = 0, tabUrl?: string): ContentScriptSender => ({
  role: 'content-script',
  tabId: 3,
  frameId,
  frameUrl: url,
  ...(tabUrl ? { tabUrl } : {}),
});
const ui = { role: 'extension-page', page: 'src/confirm/index.html' } as const;
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('held-code handlers', () => {
  it('a lookalike frame’s question is shown with the background’s own words, and answered', async () => {
    const { services } = setup();
    const answer = confirmHeldCode(services)({ type: 'cs:confirm-held-code', digits: 6 }, sender('https://amazon-verify-account.com/ap/mfa'));
    await tick();
    const question = await describeHeldCode(services)({ type: 'ui:held-code-describe', requestId: 'request-1' }, ui);
    expect(question.digits).toBe(6);
    expect(question.headline).toMatch(/^This is not amazon\.com\./);
    expect(question.page.unicodeHost).toBe('amazon-verify-account.com');
    expect(await decideHeldCode(services)({ type: 'ui:held-code-decide', requestId: 'request-1', choice: 'enter' }, ui)).toEqual({ decided: true });
    await expect(answer).resolves.toEqual({ choice: 'enter' });
    await expect(describeHeldCode(services)({ type: 'ui:held-code-describe', requestId: 'request-1' }, ui)).rejects.toMatchObject({ code: 'question-closed' });
  });

  it('a frame inside a lookalike page may ask too (the top page decides)', async () => {
    const { services, confirmations } = setup();
    const answer = confirmHeldCode(services)(
      { type: 'cs:confirm-held-code', digits: 6 },
      sender('https://widgets.example-cdn.net/otp', 4, 'https://amazon-verify-account.com/'),
    );
    await tick();
    expect(confirmations.openCount).toBe(1);
    expect(await cancelHeldCode(services)({ type: 'cs:cancel-held-code' }, sender('https://widgets.example-cdn.net/otp', 4))).toEqual({ cancelled: true });
    await expect(answer).resolves.toEqual({ choice: 'discard' });
  });

  it('a page that is not a lookalike gets no question (and no window)', async () => {
    const { services, confirmations } = setup();
    await expect(
      confirmHeldCode(services)({ type: 'cs:confirm-held-code', digits: 6 }, sender('https://www.amazon.com/ap/mfa')),
    ).rejects.toMatchObject({ code: 'not-a-lookalike' });
    expect(confirmations.openCount).toBe(0);
  });
});
