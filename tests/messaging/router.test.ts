import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { PageReport } from '../../src/messaging/protocol';
import { createRouter, HandlerError, type RefusalLog } from '../../src/messaging/router';
import type { SenderRole } from '../../src/messaging/sender';

const popup: SenderRole = { role: 'extension-page', page: 'src/popup/index.html' };
const content: SenderRole = { role: 'content-script', tabId: 2, frameId: 0, frameUrl: 'https://a.example/' };
const report: PageReport = { verdict: 'unknown', reasons: [], confusables: [], trustedByUser: false };

function setup() {
  const refused = vi.fn<RefusalLog['refused']>();
  const describeTab = vi.fn(async () => report);
  const hello = vi.fn(async () => ({ verdict: 'unknown' as const, locked: true, fillable: false, autoFill: false, autoSubmit: false, accounts: [] }));
  const route = createRouter({ ui: { 'ui:describe-tab': describeTab }, cs: { 'cs:hello': hello } }, { refused });
  return { route, refused, describeTab, hello };
}

describe('router', () => {
  it('dispatches a well-formed message from the right role', async () => {
    const { route, describeTab } = setup();
    expect(await route({ type: 'ui:describe-tab' }, popup)).toEqual({ ok: true, value: report });
    expect(describeTab).toHaveBeenCalledWith({ type: 'ui:describe-tab' }, popup);
  });

  it('refuses a content script posing as the popup, and logs why', async () => {
    const { route, refused, describeTab } = setup();
    const reply = await route({ type: 'ui:describe-tab' }, content);
    expect(reply).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(describeTab).not.toHaveBeenCalled();
    expect(refused).toHaveBeenCalledWith(expect.stringContaining('content-script sent ui:describe-tab'), {
      type: 'ui:describe-tab',
      role: 'content-script',
    });
  });

  it('refuses the popup sending a content-script message', async () => {
    const { route, hello } = setup();
    expect(await route({ type: 'cs:hello' }, popup)).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(hello).not.toHaveBeenCalled();
  });

  it('refuses any message from a refused sender', async () => {
    const { route, refused } = setup();
    expect(await route({ type: 'ui:describe-tab' }, { role: 'refused', reason: 'web page' })).toMatchObject({
      ok: false,
      error: { code: 'refused' },
    });
    expect(refused).toHaveBeenCalledWith('web page', { type: 'ui:describe-tab', role: 'refused' });
  });

  it.each([
    ['a string', 'hello'],
    ['null', null],
    ['no type', { tabId: 1 }],
    ['an unknown type', { type: 'ui:steal-secrets' }],
    ['a type of no direction', { type: 'describe-tab', tabId: 1 }],
    ['a background→content type', { type: 'bg:fill-code', code: '123456' }],
    ['a wrong field type', { type: 'ui:describe-tab', tabId: 'seven' }],
    ['a negative tab id', { type: 'ui:describe-tab', tabId: -1 }],
    ['an extra field', { type: 'ui:describe-tab', tabId: 1, url: 'https://evil.example/' }],
  ])('refuses %s with a logged reason', async (_name, message) => {
    const { route, refused, describeTab } = setup();
    const reply = await route(message, popup);
    expect(reply.ok).toBe(false);
    expect(describeTab).not.toHaveBeenCalled();
    expect(refused).toHaveBeenCalledTimes(1);
  });

  it('turns a handler refusal into an error reply', async () => {
    const refused = vi.fn();
    const route = createRouter(
      {
        ui: {
          'ui:describe-tab': async () => {
            throw new HandlerError('locked', 'OTP Guard is locked.');
          },
        },
        cs: {},
      },
      { refused },
    );
    expect(await route({ type: 'ui:describe-tab' }, popup)).toEqual({
      ok: false,
      error: { code: 'locked', message: 'OTP Guard is locked.' },
    });
  });

  it('keeps the worker alive when a handler fails unexpectedly', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const route = createRouter(
      {
        ui: {
          'ui:describe-tab': async () => {
            throw new TypeError('boom');
          },
        },
        cs: {},
      },
      { refused: vi.fn() },
    );
    expect(await route({ type: 'ui:describe-tab' }, popup)).toMatchObject({ ok: false, error: { code: 'internal' } });
    error.mockRestore();
  });

  it('never throws and never dispatches a malformed message (fuzz)', async () => {
    const { route, describeTab, hello } = setup();
    const types = fc.constantFrom('ui:describe-tab', 'cs:hello', 'ui:unlock', 'bg:fill-now', 'ui:', 'x');
    const message = fc.oneof(
      fc.anything(),
      fc.record({ type: types, tabId: fc.anything() }, { requiredKeys: ['type'] }),
      fc.record({ type: types, tabId: fc.integer(), extra: fc.anything() }),
    );
    const sender = fc.constantFrom<SenderRole>(popup, content, { role: 'refused', reason: 'fuzz' });
    await fc.assert(
      fc.asyncProperty(message, sender, async (candidate, from) => {
        const reply = await route(candidate, from);
        expect(typeof reply.ok).toBe('boolean');
        if (!reply.ok) expect(reply.error.message.length).toBeGreaterThan(0);
      }),
      { seed: 7, numRuns: 400 },
    );
    // Only exact shapes from the right role got through.
    // No message may name a tab: the background asks the browser which page is in front.
    for (const [message, from] of describeTab.mock.calls as unknown as [object, SenderRole][]) {
      expect(message).toEqual({ type: 'ui:describe-tab' });
      expect(from.role).toBe('extension-page');
    }
    for (const [, from] of hello.mock.calls as unknown as [unknown, SenderRole][]) expect(from.role).toBe('content-script');
  });
});

describe('router: which extension page may send what', () => {
  const warningPage: SenderRole = { role: 'extension-page', page: 'src/warning/index.html', tabId: 5 };
  const confirmPage: SenderRole = { role: 'extension-page', page: 'src/confirm/index.html', tabId: 6 };
  const optionsPage: SenderRole = { role: 'extension-page', page: 'src/options/index.html' };
  const strayPage: SenderRole = { role: 'extension-page', page: 'src/popup/other.html' };
  const copy = { type: 'ui:copy-code', id: 'acct-1' };
  const go = { type: 'ui:warning-go' };
  const decide = { type: 'ui:held-code-decide', requestId: 'abcdefgh12', choice: 'enter' };

  function pages() {
    const refused = vi.fn<RefusalLog['refused']>();
    const handlers = {
      'ui:copy-code': vi.fn(async () => ({ code: '123456' })),
      'ui:warning-go': vi.fn(async () => ({ navigated: true })),
      'ui:held-code-decide': vi.fn(async () => ({ decided: true })),
    };
    const route = createRouter({ ui: handlers, cs: {} }, { refused });
    return { route, refused, handlers };
  }

  it('gives the warning page its own messages and the confirmation page its own', async () => {
    const { route, handlers } = pages();
    expect(await route(go, warningPage)).toEqual({ ok: true, value: { navigated: true } });
    expect(handlers['ui:warning-go']).toHaveBeenCalledWith(go, warningPage);
    expect(await route(decide, confirmPage)).toEqual({ ok: true, value: { decided: true } });
    expect(handlers['ui:held-code-decide']).toHaveBeenCalledWith(decide, confirmPage);
  });

  it('gives the popup and the options page the rest', async () => {
    const { route, handlers } = pages();
    expect(await route(copy, popup)).toEqual({ ok: true, value: { code: '123456' } });
    expect(await route(copy, optionsPage)).toEqual({ ok: true, value: { code: '123456' } });
    expect(handlers['ui:copy-code']).toHaveBeenCalledTimes(2);
  });

  it.each([
    ['the warning page asking for a code', copy, warningPage],
    ['the warning page deciding a held code', decide, warningPage],
    ['the confirmation page asking for a code', copy, confirmPage],
    ['the confirmation page lifting a warning', go, confirmPage],
    ['the popup lifting a warning', go, popup],
    ['the options page deciding a held code', decide, optionsPage],
    ['an unknown extension page asking for a code', copy, strayPage],
  ])('refuses %s, and logs which page sent what', async (_name, message, from) => {
    const { route, refused, handlers } = pages();
    expect(await route(message, from)).toEqual({ ok: false, error: { code: 'refused', message: 'This page may not send this message.' } });
    for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
    const page = (from as { page: string }).page;
    expect(refused).toHaveBeenCalledExactlyOnceWith(`the extension page ${page} may not send ${message.type}`, {
      type: message.type,
      role: 'extension-page',
    });
  });
});
