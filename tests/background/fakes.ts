/**
 * The background's Services over a fake browser, for unit tests: the real VaultSession, AutoLock,
 * guard, settings and secret memory, over an in-memory vault store (with fault injection), an
 * in-memory session area (with fault injection), a hand-driven clock and a tab in front the test sets.
 */
import { fakeBrowser } from '@webext-core/fake-browser';
import type Browser from 'webextension-polyfill';
import { createWarningServices } from '../../src/background/interstitial';
import { vi } from 'vitest';
import { BackupReminder } from '../../src/background/backup-reminder';
import { InspectedBackups } from '../../src/background/backups';
import { type ClipboardEraser, ClipboardClearing } from '../../src/background/clipboard-clear';
import { MenuLinkMemory } from '../../src/background/menu-link';
import type { FrontTab } from '../../src/background/front-tab';
import { createGuardHolder, guardFollowsVault } from '../../src/background/guard-holder';
import { PendingDrafts } from '../../src/background/pending';
import { SecretMemory } from '../../src/background/secret-memory';
import type { Services } from '../../src/background/services';
import { type AlarmsPort, AutoLock } from '../../src/background/session/auto-lock';
import { type SessionArea, VaultSession } from '../../src/background/session/vault-session';
import { SettingsStore } from '../../src/background/settings';
import { TrustedSites } from '../../src/background/trusted-sites';
import { UndoBuffer } from '../../src/background/undo-buffer';
import type { AccountDraft } from '../../src/core/otp/account';
import { parseOtpauthList } from '../../src/core/otp/otpauth';
import type { Clock } from '../../src/core/ports';
import type { VaultDeps } from '../../src/core/vault/deps';
import { MemoryStore } from '../../src/core/vault/memory-store';
import { crypto, seededRandom, TEST_FLOOR, TEST_KDF } from '../core/vault/helpers';

export const PASSWORD = 'correct horse battery staple';

/** A clock the test moves by hand. */
export function manualClock(start = 1_700_000_000_000): Clock & { advance(ms: number): void } {
  let now = start;
  return {
    now: () => now,
    advance: (ms) => {
      now += ms;
    },
  };
}

export type SessionOp = 'get' | 'set' | 'remove';

/** storage.session as a Map; `fail(op)` makes calls of that kind throw (all, or the next `times`). */
export class FakeSession implements SessionArea {
  readonly data = new Map<string, unknown>();
  readonly calls: { op: SessionOp; keys: string[] }[] = [];
  private failing = new Map<SessionOp, number>();
  private armed: { at: number; onward: boolean } | null = null;

  fail(op: SessionOp, times = Number.POSITIVE_INFINITY): void {
    this.failing.set(op, times);
  }
  /** The call `offset` calls from now throws (and, `onward`, every call after it). */
  arm(offset: number, onward = false): void {
    this.armed = { at: this.calls.length + offset, onward };
  }
  heal(): void {
    this.failing.clear();
    this.armed = null;
  }
  private check(op: SessionOp, keys: string[]): void {
    const index = this.calls.push({ op, keys }) - 1;
    if (this.armed && (index === this.armed.at || (this.armed.onward && index > this.armed.at))) {
      throw new Error(`session ${op} #${index} failed (injected)`);
    }
    const left = this.failing.get(op) ?? 0;
    if (left <= 0) return;
    this.failing.set(op, left - 1);
    throw new Error(`session ${op} failed (injected)`);
  }
  async get(keys: string | string[]): Promise<Record<string, unknown>> {
    const list = Array.isArray(keys) ? keys : [keys];
    this.check('get', list);
    return Object.fromEntries(list.filter((key) => this.data.has(key)).map((key) => [key, structuredClone(this.data.get(key))]));
  }
  async set(items: Record<string, unknown>): Promise<void> {
    this.check('set', Object.keys(items));
    for (const [key, value] of Object.entries(items)) this.data.set(key, structuredClone(value));
  }
  async remove(key: string): Promise<void> {
    this.check('remove', [key]);
    this.data.delete(key);
  }
}

/** browser.alarms as a record of what is set; `failing` makes both calls throw. */
export class FakeAlarms implements AlarmsPort {
  readonly set = new Map<string, number>();
  failing = false;
  create(name: string, info: { when: number }): void {
    if (this.failing) throw new Error('alarms.create failed (injected)');
    this.set.set(name, info.when);
  }
  async clear(name: string): Promise<unknown> {
    if (this.failing) throw new Error('alarms.clear failed (injected)');
    return this.set.delete(name);
  }
}

export interface Options {
  store?: MemoryStore;
  session?: FakeSession;
  clock?: Clock & { advance(ms: number): void };
}

/** One background "worker": Services plus the parts a test pokes at. */
export function buildBackground(options: Options = {}) {
  const store = options.store ?? new MemoryStore();
  const session = options.session ?? new FakeSession();
  const clock = options.clock ?? manualClock();
  const deps: VaultDeps = { store, crypto, random: seededRandom(3), clock, kdf: TEST_KDF, minimum: TEST_FLOOR, deviceId: 'device-a' };
  const vault = new VaultSession(deps, session);
  const alarms = new FakeAlarms();
  /** The clipboard as the eraser sees it: a test puts a text there and reads what is left. */
  const clipboardText = { value: '' };
  const eraser: ClipboardEraser = {
    erase: vi.fn(async (code: string) => {
      if (clipboardText.value !== code) return 'changed' as const;
      clipboardText.value = ' ';
      return 'cleared' as const;
    }),
  };
  const secrets = new SecretMemory(clock.now);
  vault.onLock(() => secrets.clear());
  const guard = createGuardHolder();
  guardFollowsVault(vault, guard);
  let ids = 0;
  const newId = () => `id-${++ids}`;
  const tabs = new Map<number, string>();
  const childFrames = new Map<string, string>();
  const front: { tab: FrontTab | undefined } = { tab: undefined };
  const local = fakeBrowser.storage.local;
  const services: Services = {
    guard,
    clock,
    crypto,
    vault,
    settings: new SettingsStore(local),
    trusted: new TrustedSites(local),
    clipboard: new ClipboardClearing(session, alarms, clock, eraser),
    menuLink: new MenuLinkMemory(session, clock.now),
    backups: new InspectedBackups(secrets),
    backupReminder: new BackupReminder(local),
    autoLock: new AutoLock(session, alarms, clock, () => vault.lock()),
    pending: new PendingDrafts(secrets, newId),
    undo: new UndoBuffer(secrets),
    secrets,
    newId,
    contentErrors: { record: vi.fn() },
    frontTab: async () => front.tab,
    // The browser's frame tree: a tab's top frame is its page; a child frame (set by the test in
    // `childFrames`) sits right below it.
    frameChain: async (tabId, frameId) => {
      const top = tabs.get(tabId);
      const child = childFrames.get(`${tabId}:${frameId}`);
      if (top === undefined) return { ok: false, error: 'frame-not-found' };
      if (frameId === 0) return { ok: true, value: [{ frameId: 0, url: top }] };
      return child === undefined ? { ok: false, error: 'frame-not-found' } : { ok: true, value: [{ frameId: 0, url: top }, { frameId, url: child }] };
    },
    warnings: createWarningServices(fakeBrowser as unknown as Browser.Browser, local, session, newId),
    tabUrl: async (tabId) => tabs.get(tabId),
    captureTab: vi.fn(async () => 'data:image/png;base64,AAAA'),
    decodeQrImage: vi.fn(async () => [] as string[]),
    broadcastPageState: vi.fn(),
    openPopup: vi.fn(async () => true),
    refreshBadge: vi.fn(async () => undefined),
    injectEngine: vi.fn(async () => true),
  };
  /** Puts a tab in front (and known by id): what the browser would report. */
  const showTab = (url: string, id = 7) => {
    tabs.set(id, url);
    front.tab = { id, url };
  };
  return { services, vault, store, session, clock, alarms, clipboardText, eraser, secrets, guard, front, tabs, childFrames, showTab, deps };
}

export type Background = ReturnType<typeof buildBackground>;

/** A worker started later over the same storage (memory gone, storage kept). */
export const restartWorker = (bg: Background) => buildBackground({ store: bg.store, session: bg.session, clock: bg.clock });

export const totpLink = (issuer: string, secret = 'JBSWY3DPEHPK3PXP') =>
  `otpauth://totp/${issuer}:me%40example.com?secret=${secret}&issuer=${issuer}`;

/** A draft as the link parser makes it, bound to `domains`. */
export function draftFor(issuer: string, domains: string[], secret?: string): AccountDraft {
  const [entry] = parseOtpauthList(totpLink(issuer, secret));
  if (!entry?.result.ok) throw new Error('test link did not parse');
  return { ...entry.result.value, domains };
}

/** A created, unlocked vault with one account per [issuer, domains]. */
export async function unlockedWith(bg: Background, accounts: [string, string[]][] = [['Amazon', ['amazon.com']]]) {
  const created = await bg.vault.create(PASSWORD);
  if (!created.ok) throw new Error(created.error.message);
  const added = await bg.vault.addDrafts(
    accounts.map(([issuer, domains]) => draftFor(issuer, domains)),
    bg.vault.revision,
    bg.services.newId,
  );
  if (!added.ok) throw new Error(added.error.message);
  return added.value;
}
