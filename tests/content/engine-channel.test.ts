// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentBase } from '../../src/content/handoff';
import { startEngine } from '../../src/content/main';
import type { CodeGuard } from '../../src/content/ui/code-guard';
import type { BackgroundToContent, PageState } from '../../src/messaging/protocol';
import { spyOnShadowRoots } from './shadow-spy';
import { userClick } from './user-events';

// The background: every code request is answered with one code (the release check is its business).
const background = vi.hoisted(() => ({ asked: [] as { type: string }[] }));
vi.mock('../../src/content/runtime', () => ({
  ask: (message: { type: string }) => {
    background.asked.push(message);
    return Promise.resolve(message.type === 'cs:request-code' ? { ok: true, value: { code: '246810', accountId: 'a1' } } : null);
  },
  onBackgroundMessage: () => undefined,
}));

const STATE: PageState = {
  verdict: 'verified',
  locked: false,
  fillable: true,
  autoFill: true,
  autoSubmit: false,
  accounts: [{ id: 'a1', label: 'Amazon (me)' }],
};

let roots: Map<Element, ShadowRoot>;
let send: (message: BackgroundToContent) => void;

function load(fixture: string, state: PageState = STATE): void {
  const html = readFileSync(join(import.meta.dirname, '..', 'e2e', 'fixtures', 'channel', fixture), 'utf8');
  document.documentElement.innerHTML = html.replace(/<script[\s\S]*?<\/script>/g, '');
  const guard: CodeGuard = { setMode() {}, mode: () => 'off', setCandidateFor() {}, markField() {}, stop() {} };
  const base: ContentBase = {
    guard,
    listenEarly: () => () => undefined,
    state: () => Promise.resolve(state),
    onState: () => undefined,
    onMessage: (listener) => {
      send = listener;
    },
  };
  startEngine(base, document);
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 600));
const requests = () => background.asked.filter((message) => message.type === 'cs:request-code');
const noteRoot = () => {
  const host = [...document.querySelectorAll('otp-guard-channel')].find((element) => roots.has(element));
  return host ? roots.get(host)! : null;
};
const field = () => document.getElementById('otp') as HTMLInputElement;

beforeEach(() => {
  roots = spyOnShadowRoots();
});
afterEach(() => {
  background.asked.length = 0;
  vi.restoreAllMocks();
});

describe('the engine by the page’s channel', () => {
  it('an authenticator page: the code is requested and filled by itself', async () => {
    load('app.html');
    await settle();
    expect(requests()).toHaveLength(1);
    expect(field().value).toBe('246810');
    expect(noteRoot()).toBeNull();
  });

  it('an SMS page: nothing requested, nothing filled, the note says where the code comes from', async () => {
    load('sms.html');
    await settle();
    expect(requests()).toEqual([]);
    expect(field().value).toBe('');
    expect(noteRoot()?.textContent).toContain('This code comes by SMS.');
    expect(noteRoot()?.querySelector('button')).toBeNull();
  });

  it('an SMS page still fills when the user asks (shortcut, menu, popup): that is not "by itself"', async () => {
    load('sms.html');
    await settle();
    send({ type: 'bg:fill-now', overwrite: true });
    await settle();
    expect(requests()).toHaveLength(1);
    expect(field().value).toBe('246810');
  });

  it('"Use my authenticator instead" follows the page’s own link, only where the page offers it and an account is here', async () => {
    load('sms-offer.html');
    await settle();
    const link = document.getElementById('use-app') as HTMLAnchorElement;
    const followed = vi.fn((event: Event) => event.preventDefault());
    link.addEventListener('click', followed);
    const button = noteRoot()?.querySelector('button');
    expect(button?.textContent).toBe('Use my authenticator instead');
    userClick(button!);
    expect(followed).toHaveBeenCalledTimes(1);
    expect(requests()).toEqual([]); // the page decides what comes next; the engine fills what it then shows
  });

  it('no offer without an account here (a locked vault names none)', async () => {
    load('sms-offer.html', { ...STATE, locked: true, accounts: [] });
    await settle();
    expect(noteRoot()?.textContent).toContain('This code comes by SMS.');
    expect(noteRoot()?.querySelector('button')).toBeNull();
  });
});
