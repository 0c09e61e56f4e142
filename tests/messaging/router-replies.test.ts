// The router's exact replies and refusal logs: which code, which words, which logged detail, for each
// way a message can be refused. (router.test.ts covers the roles and the fuzz; these pin the details
// a mutant would change: `npm run mutate -- src/messaging`.)
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CsHandlers, UiHandlers } from '../../src/messaging/router';
import { createRouter, HandlerError, type RefusalLog } from '../../src/messaging/router';
import type { PageState } from '../../src/messaging/protocol';
import type { SenderRole } from '../../src/messaging/sender';

const popup: SenderRole = { role: 'extension-page', page: 'src/popup/index.html' };
const content: SenderRole = { role: 'content-script', tabId: 2, frameId: 0, frameUrl: 'https://a.example/' };
const state: PageState = { verdict: 'unknown', locked: true, fillable: false, autoFill: false, autoSubmit: false, accounts: [] };

const unknownType = { ok: false, error: { code: 'unknown-type', message: 'Unknown message.' } };
const refusedSender = { ok: false, error: { code: 'refused', message: 'This sender may not talk to OTP Guard.' } };
const wrongRole = { ok: false, error: { code: 'refused', message: 'This sender may not send this message.' } };

function setup(ui: Partial<UiHandlers> = {}, cs: Partial<CsHandlers> = {}) {
  const refused = vi.fn<RefusalLog['refused']>();
  const previewLinks = vi.fn(async () => ({ drafts: [], errors: [] }) as never);
  const setSettings = vi.fn(async () => ({}) as never);
  const hello = vi.fn(async () => state);
  const route = createRouter(
    { ui: { 'ui:preview-links': previewLinks, 'ui:set-settings': setSettings, ...ui }, cs: { 'cs:hello': hello, ...cs } },
    { refused },
  );
  return { route, refused, previewLinks, setSettings, hello };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('HandlerError', () => {
  it('is an Error named HandlerError carrying its code and words', () => {
    const error = new HandlerError('locked', 'OTP Guard is locked.');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('HandlerError');
    expect(error.code).toBe('locked');
    expect(error.message).toBe('OTP Guard is locked.');
  });
});

describe('router: messages of an unknown type', () => {
  it('refuses a type of no direction as unknown (not as a role mismatch), logging the type', async () => {
    const { route, refused } = setup();
    expect(await route({ type: 'preview-links', text: '' }, popup)).toEqual(unknownType);
    expect(refused).toHaveBeenCalledExactlyOnceWith('unknown message type', { type: 'preview-links', role: 'extension-page' });
  });

  it('refuses a message without a type as unknown, logging no type', async () => {
    const { route, refused } = setup();
    expect(await route({ text: '' }, content)).toEqual(unknownType);
    expect(refused).toHaveBeenCalledExactlyOnceWith('unknown message type', { role: 'content-script' });
  });

  it('refuses a directed type with no schema, logging the type cut to 64 characters', async () => {
    const { route, refused } = setup();
    const type = `ui:${'x'.repeat(200)}`;
    expect(await route({ type }, popup)).toEqual(unknownType);
    expect(refused).toHaveBeenCalledExactlyOnceWith('unknown message type', { type: type.slice(0, 64), role: 'extension-page' });
  });

  it('refuses a type that has a schema but no handler, without throwing', async () => {
    const { route, refused } = setup();
    expect(await route({ type: 'ui:vault-status' }, popup)).toEqual(unknownType);
    expect(refused).toHaveBeenCalledExactlyOnceWith('unknown message type', { type: 'ui:vault-status', role: 'extension-page' });
  });

  it('never calls a handler that has no schema', async () => {
    const rogue = vi.fn(async () => ({}));
    const { route } = setup({ ['ui:rogue' as 'ui:lock']: rogue as never });
    expect(await route({ type: 'ui:rogue' }, popup)).toEqual(unknownType);
    expect(rogue).not.toHaveBeenCalled();
  });
});

describe('router: senders', () => {
  it('dispatches a content-script message from a content script to the cs handler', async () => {
    const { route, hello, refused } = setup();
    expect(await route({ type: 'cs:hello' }, content)).toEqual({ ok: true, value: state });
    expect(hello).toHaveBeenCalledExactlyOnceWith({ type: 'cs:hello' }, content);
    expect(refused).not.toHaveBeenCalled();
  });

  it('refuses a refused sender with the plain words and the logged reason', async () => {
    const { route, refused, hello } = setup();
    expect(await route({ type: 'cs:hello' }, { role: 'refused', reason: 'a web page' })).toEqual(refusedSender);
    expect(refused).toHaveBeenCalledExactlyOnceWith('a web page', { type: 'cs:hello', role: 'refused' });
    expect(hello).not.toHaveBeenCalled();
  });

  it('logs a refused sender without a type when the message has none', async () => {
    const { route, refused } = setup();
    expect(await route(42, { role: 'refused', reason: 'another extension' })).toEqual(refusedSender);
    expect(refused).toHaveBeenCalledExactlyOnceWith('another extension', { role: 'refused' });
  });

  it('refuses a role mismatch with the plain words and says who sent what', async () => {
    const { route, refused } = setup();
    expect(await route({ type: 'cs:hello' }, popup)).toEqual(wrongRole);
    expect(refused).toHaveBeenCalledExactlyOnceWith('a extension-page sent cs:hello, which only a content-script may send', {
      type: 'cs:hello',
      role: 'extension-page',
    });
  });
});

describe('router: shapes', () => {
  it('names the bad field in the reply and the valibot reason in the log', async () => {
    const { route, refused, previewLinks } = setup();
    expect(await route({ type: 'ui:preview-links', text: 7 }, popup)).toEqual({
      ok: false,
      error: { code: 'bad-shape', message: 'Malformed message (text).' },
    });
    expect(refused).toHaveBeenCalledExactlyOnceWith('bad shape at text: Invalid type: Expected string but received 7', {
      type: 'ui:preview-links',
      role: 'extension-page',
    });
    expect(previewLinks).not.toHaveBeenCalled();
  });

  it('names a nested field by its dotted path', async () => {
    const { route, refused } = setup();
    expect(await route({ type: 'ui:set-settings', patch: { autoLockMinutes: 'x' } }, popup)).toEqual({
      ok: false,
      error: { code: 'bad-shape', message: 'Malformed message (patch.autoLockMinutes).' },
    });
    expect(refused.mock.calls[0]?.[0]).toBe('bad shape at patch.autoLockMinutes: Invalid type: Expected number but received "x"');
  });

  it('hands the handler the parsed message', async () => {
    const { route, previewLinks } = setup();
    expect(await route({ type: 'ui:preview-links', text: 'otpauth://x' }, popup)).toEqual({ ok: true, value: { drafts: [], errors: [] } });
    expect(previewLinks).toHaveBeenCalledExactlyOnceWith({ type: 'ui:preview-links', text: 'otpauth://x' }, popup);
  });

  it('takes pasted text up to 10 MiB and refuses one character more', async () => {
    const { route, previewLinks } = setup();
    const limit = 10 * 1024 * 1024;
    expect((await route({ type: 'ui:preview-links', text: 'a'.repeat(limit) }, popup)).ok).toBe(true);
    expect(await route({ type: 'ui:preview-links', text: 'a'.repeat(limit + 1) }, popup)).toMatchObject({
      ok: false,
      error: { code: 'bad-shape' },
    });
    expect(previewLinks).toHaveBeenCalledTimes(1);
  });
});

describe('router: handler failures', () => {
  it('logs a handler refusal by type and code only', async () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    const { route } = setup({
      'ui:preview-links': async () => {
        throw new HandlerError('locked', 'OTP Guard is locked: unlock it first.');
      },
    });
    expect(await route({ type: 'ui:preview-links', text: 'secret text' }, popup)).toEqual({
      ok: false,
      error: { code: 'locked', message: 'OTP Guard is locked: unlock it first.' },
    });
    expect(info).toHaveBeenCalledExactlyOnceWith('[otp-guard] ui:preview-links refused: locked');
  });

  it('turns an unexpected failure into the generic reply and logs the error', async () => {
    const failure = new TypeError('boom');
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { route } = setup({}, {
      'cs:hello': async () => {
        throw failure;
      },
    });
    expect(await route({ type: 'cs:hello' }, content)).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Something went wrong inside OTP Guard. Nothing was changed.' },
    });
    expect(error).toHaveBeenCalledExactlyOnceWith('[otp-guard] handler failed', 'cs:hello', failure);
  });
});
