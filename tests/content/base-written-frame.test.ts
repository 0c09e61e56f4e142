// @vitest-environment happy-dom
/**
 * A document a web page wrote (about:blank, about:srcdoc) whose creator's base is out of reach — always so in
 * Firefox, where every frame's content script has its own sandbox: the background judges it, and only a
 * lookalike verdict, a refusal or no answer keep the guard holding.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BASE_KEY, type ContentBase } from '../../src/content/handoff';
import type { PageState } from '../../src/messaging/protocol';

const background = vi.hoisted(() => ({ asked: [] as string[], reply: null as unknown }));
vi.mock('../../src/content/runtime', () => ({
  ask: (message: { type: string }) => {
    background.asked.push(message.type);
    return Promise.resolve(background.reply);
  },
  onBackgroundMessage: () => undefined,
}));

const FINE: PageState = { verdict: 'unknown', locked: false, fillable: false, autoFill: true, autoSubmit: false, accounts: [] };
const scope = globalThis as unknown as { [BASE_KEY]?: ContentBase };

/** The written document's window: our real window, with an about: URL and a creator whose globals are out of reach. */
function writtenFrame(parent: object = {}): Window {
  return {
    document,
    location: { protocol: 'about:' },
    parent,
    top: parent,
    opener: null,
    addEventListener: window.addEventListener.bind(window),
    setTimeout: window.setTimeout.bind(window),
  } as unknown as Window;
}

async function start(view: Window): Promise<ContentBase> {
  const { startBase } = await import('../../src/content/base');
  startBase(view);
  const base = scope[BASE_KEY];
  if (!base) throw new Error('no base');
  await vi.waitFor(() => expect(background.asked.length > 0 || base.guard.mode() !== 'pending').toBe(true));
  await new Promise((resolve) => setTimeout(resolve, 0));
  return base;
}

beforeEach(() => {
  vi.resetModules();
  delete scope[BASE_KEY];
  background.asked = [];
});
afterEach(() => {
  scope[BASE_KEY]?.guard.stop();
  delete scope[BASE_KEY];
});

describe('a written document whose creator is out of reach', () => {
  it('asks the background; on a page it does not call a lookalike the guard lets text through', async () => {
    background.reply = { ok: true, value: FINE };
    const base = await start(writtenFrame());
    expect(background.asked).toEqual(['cs:hello']);
    expect(base.guard.mode()).toBe('off');
  });

  it('a lookalike verdict keeps it holding and asking', async () => {
    background.reply = { ok: true, value: { ...FINE, verdict: 'lookalike', warning: { headline: 'This is not amazon.com.' } } };
    const base = await start(writtenFrame());
    expect(base.guard.mode()).toBe('guard');
  });

  it('a refusal (an opaque origin the background does not judge) holds, fail closed', async () => {
    background.reply = { ok: false, error: { code: 'refused', message: 'not a web frame' } };
    const base = await start(writtenFrame());
    expect(base.guard.mode()).toBe('guard');
  });
});

describe('a written document whose creator is in reach (Chromium)', () => {
  it('takes the creator’s verdict without asking', async () => {
    const creator = {
      guard: { setMode() {}, mode: () => 'off', setCandidateFor() {}, markField() {}, stop() {} },
      listenEarly: () => () => undefined,
      state: () => Promise.resolve(FINE),
      onState() {},
      onMessage() {},
    } satisfies ContentBase;
    const base = await start(writtenFrame({ [BASE_KEY]: creator }));
    expect(background.asked).toEqual([]);
    expect(base.guard.mode()).toBe('off');
  });
});
