/** The units start.ts wires: the message pipeline, the sync schedule, the tab in front, the checked capture. */
import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it, vi } from 'vitest';
import { badgeRefresher } from '../../src/background/badge-refresh';
import { type FrontTabBrowser, frontTab, HIDDEN_PAGE_URL } from '../../src/background/front-tab';
import { createGuardHolder } from '../../src/background/guard-holder';
import { uiHandlers } from '../../src/background/handlers';
import { messagePipeline, settleLockState } from '../../src/background/message-pipeline';
import { LOCK_AT_KEY } from '../../src/background/session/auto-lock';
import { syncSchedule } from '../../src/background/sync-schedule';
import { checkedCapture } from '../../src/background/tab-capture';
import { ok } from '../../src/core/result';
import { createRouter } from '../../src/messaging/router';
import type { SenderRole } from '../../src/messaging/sender';
import { type Background, buildBackground, restartWorker, unlockedWith } from './fakes';

const popupSender = { role: 'extension-page', page: 'src/popup/index.html' } as const;

function pipelineOf(bg: Background, role: SenderRole = popupSender) {
  const route = vi.fn(createRouter({ ui: uiHandlers(bg.services), cs: {} }, { refused: () => undefined }));
  const send = messagePipeline({
    classify: () => role,
    route,
    autoLock: bg.services.autoLock,
    vault: bg.vault,
    secrets: bg.secrets,
    autoLockMinutes: async () => 5,
  });
  return { send, route };
}

describe('the message pipeline', () => {
  it('a due auto-lock wins over the session resume: the message is handled locked', async () => {
    const first = buildBackground();
    await unlockedWith(first);
    await first.services.autoLock.touch(1);
    first.clock.advance(60_000);
    const later = restartWorker(first);
    const { send } = pipelineOf(later);
    expect(await send({ type: 'ui:list-accounts' }, {})).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(later.vault.unlocked).toBe(false);
  });

  it('resumes an unlocked session before routing, then pushes the deadline out', async () => {
    const first = buildBackground();
    await unlockedWith(first);
    const later = restartWorker(first);
    const { send } = pipelineOf(later);
    expect(await send({ type: 'ui:list-accounts' }, {})).toMatchObject({ ok: true, value: { accounts: [{ issuer: 'Amazon' }] } });
    expect(first.session.data.get(LOCK_AT_KEY)).toBe(later.clock.now() + 5 * 60_000);
  });

  it('a content script use does not push the deadline out; a refused sender settles nothing', async () => {
    const bg = buildBackground();
    await unlockedWith(bg);
    const content: SenderRole = { role: 'content-script', tabId: 1, frameId: 0, frameUrl: 'https://a.example/' };
    await pipelineOf(bg, content).send({ type: 'cs:hello' }, {});
    expect(bg.session.data.has(LOCK_AT_KEY)).toBe(false);
    const lockIfDue = vi.spyOn(bg.services.autoLock, 'lockIfDue');
    const { send, route } = pipelineOf(bg, { role: 'refused', reason: 'web page' });
    expect(await send({ type: 'ui:list-accounts' }, {})).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(lockIfDue).not.toHaveBeenCalled();
    expect(route).toHaveBeenCalledOnce();
  });

  it('a deadline that cannot be extended is logged; the reply stands and the old deadline stays', async () => {
    const bg = buildBackground();
    await unlockedWith(bg);
    await bg.services.autoLock.touch(1);
    bg.session.fail('set');
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await pipelineOf(bg).send({ type: 'ui:vault-status' }, {})).toMatchObject({ ok: true });
    expect(errors).toHaveBeenCalledWith('[otp-guard] auto-lock deadline not extended', expect.any(Error));
  });

  it('a degraded session retries its reload on the next message', async () => {
    const bg = buildBackground();
    await unlockedWith(bg);
    const open = bg.vault.openVault();
    vi.spyOn(open as NonNullable<typeof open>, 'entries').mockResolvedValueOnce({ ok: false, error: { code: 'storage-failed', message: 'x' } });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await bg.vault.reload();
    expect(bg.vault.degraded).not.toBeNull();
    await pipelineOf(bg).send({ type: 'ui:vault-status' }, {});
    expect(bg.vault.degraded).toBeNull();
    expect(bg.vault.accounts()).toHaveLength(1);
  });
});

describe('settleLockState', () => {
  it('any failure while settling ends locked, with no secret left in memory', async () => {
    const bg = buildBackground();
    await unlockedWith(bg);
    bg.secrets.put('draft', 'x', { issuer: 'A', accountName: '', otp: bg.vault.accounts()[0]!.otp, domains: [], warnings: [] }, 60_000);
    vi.spyOn(bg.services.autoLock, 'lockIfDue').mockRejectedValueOnce(new Error('boom'));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await settleLockState({ autoLock: bg.services.autoLock, vault: bg.vault, secrets: bg.secrets });
    expect(bg.vault.unlocked).toBe(false);
    expect(bg.secrets.size()).toBe(0);
  });

  it('while locked, secrets are dropped even if something put them there', async () => {
    const bg = buildBackground();
    const clear = vi.spyOn(bg.secrets, 'clear');
    await settleLockState({ autoLock: bg.services.autoLock, vault: bg.vault, secrets: bg.secrets });
    expect(clear).toHaveBeenCalled();
  });
});

describe('the sync schedule', () => {
  function scheduled(enabled = true, unlocked = true) {
    const timers: (() => void)[] = [];
    const sync = vi.fn(async () => ok(undefined));
    const schedule = syncSchedule({
      isUnlocked: () => unlocked,
      enabled: async () => enabled,
      sync,
      timers: { set: (run) => timers.push(run), clear: () => timers.splice(0) },
    });
    return { schedule, sync, timers };
  }

  it('runs once after the last of several changes', async () => {
    const { schedule, sync, timers } = scheduled();
    schedule.schedule();
    schedule.schedule();
    expect(timers).toHaveLength(1);
    await schedule.runNow();
    expect(sync).toHaveBeenCalledOnce();
  });

  it('does not run while locked or when sync is off, nor twice at once', async () => {
    const locked = scheduled(true, false);
    await locked.schedule.runNow();
    expect(locked.sync).not.toHaveBeenCalled();
    const off = scheduled(false, true);
    await off.schedule.runNow();
    expect(off.sync).not.toHaveBeenCalled();
    const busy = scheduled();
    await Promise.all([busy.schedule.runNow(), busy.schedule.runNow()]);
    expect(busy.sync).toHaveBeenCalledOnce();
  });

  it('a failing sync is logged, and the next one runs', async () => {
    const { schedule, sync } = scheduled();
    sync.mockRejectedValueOnce(new Error('offline'));
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await schedule.runNow();
    await schedule.runNow();
    expect(sync).toHaveBeenCalledTimes(2);
  });
});

describe('the tab in front', () => {
  const port = (window: { id?: number; type?: string }, tabs: { id?: number; url?: string }[]): FrontTabBrowser & { asked: object[] } => {
    const asked: object[] = [];
    return {
      asked,
      windows: {
        getLastFocused: async (info) => {
          asked.push(info);
          return window;
        },
      },
      tabs: { query: async () => tabs },
    };
  };

  it('is the active tab of the last focused normal window', async () => {
    const browser = port({ id: 3, type: 'normal' }, [{ id: 9, url: 'https://a.example/' }]);
    expect(await frontTab(browser)).toEqual({ id: 9, url: 'https://a.example/' });
    expect(browser.asked).toEqual([{ windowTypes: ['normal'] }]);
  });

  it('is unknown (callers refuse) for a popup window, no tab, or a failing browser', async () => {
    expect(await frontTab(port({ id: 3, type: 'popup' }, [{ id: 9, url: 'https://a.example/' }]))).toBeUndefined();
    expect(await frontTab(port({ id: 3, type: 'normal' }, []))).toBeUndefined();
    const failing = port({}, []);
    failing.windows.getLastFocused = async () => {
      throw new Error('no windows');
    };
    expect(await frontTab(failing)).toBeUndefined();
  });

  it('is a page that is not a website when the browser hides its address (no tabs permission: chrome://, new tab)', async () => {
    expect(await frontTab(port({ id: 3, type: 'normal' }, [{ id: 9 }]))).toEqual({ id: 9, url: HIDDEN_PAGE_URL });
    expect(await frontTab(port({ id: 3, type: 'normal' }, [{ id: 9, url: '' }]))).toEqual({ id: 9, url: HIDDEN_PAGE_URL });
    const granted = Object.assign(port({ id: 3, type: 'normal' }, [{ id: 9 }]), { permissions: { contains: async () => true } });
    expect(await frontTab(granted)).toEqual({ id: 9, url: HIDDEN_PAGE_URL });
  });

  it('is unknown (callers refuse) when the address is hidden because the site access was withdrawn (fail closed)', async () => {
    const withdrawn = Object.assign(port({ id: 3, type: 'normal' }, [{ id: 9 }]), { permissions: { contains: async () => false } });
    expect(await frontTab(withdrawn)).toBeUndefined();
    const failing = Object.assign(port({ id: 3, type: 'normal' }, [{ id: 9 }]), {
      permissions: { contains: async () => Promise.reject(new Error('no permissions API')) },
    });
    expect(await frontTab(failing)).toBeUndefined();
    // A readable address needs no question.
    const readable = Object.assign(port({ id: 3, type: 'normal' }, [{ id: 9, url: 'https://a.example/' }]), { permissions: { contains: async () => false } });
    expect(await frontTab(readable)).toEqual({ id: 9, url: 'https://a.example/' });
  });

  it('when the last focused window is our own popup window: the focused normal window, or the only one, else unknown', async () => {
    const withWindows = (all: { id: number; type: string; focused?: boolean }[]) => {
      const browser = port({ id: 50, type: 'popup' }, [{ id: 9, url: 'https://a.example/' }]);
      const queried: unknown[] = [];
      return Object.assign(browser, {
        queried,
        windows: { ...browser.windows, getAll: async () => all },
        tabs: {
          query: async (query: { windowId: number }) => {
            queried.push(query.windowId);
            return [{ id: query.windowId * 10, url: 'https://a.example/' }];
          },
        },
      });
    };
    expect(await frontTab(withWindows([{ id: 3, type: 'normal' }, { id: 50, type: 'popup', focused: true }]))).toEqual({ id: 30, url: 'https://a.example/' });
    expect(await frontTab(withWindows([{ id: 3, type: 'normal' }, { id: 4, type: 'normal', focused: true }]))).toEqual({ id: 40, url: 'https://a.example/' });
    expect(await frontTab(withWindows([{ id: 3, type: 'normal' }, { id: 4, type: 'normal' }]))).toBeUndefined();
    expect(await frontTab(withWindows([]))).toBeUndefined();
  });

  it('over the fake browser, which has an active tab but no focused window: unknown, not a guess', async () => {
    const window = await fakeBrowser.windows.create({ type: 'normal' });
    await fakeBrowser.tabs.create({ url: 'https://shop.example.com/', windowId: window?.id ?? 0, active: true });
    expect(await frontTab(fakeBrowser as unknown as FrontTabBrowser)).toBeUndefined();
  });
});

describe('the checked capture', () => {
  const browser = (active: boolean, activeAfter: number) => ({
    tabs: {
      get: vi.fn(async () => ({ active, windowId: 1 })),
      query: vi.fn(async () => [{ id: activeAfter }]),
      captureVisibleTab: vi.fn(async () => 'data:image/png;base64,AAAA'),
    },
  });

  it('captures the tab when it is visible before and after', async () => {
    const fake = browser(true, 5);
    expect(await checkedCapture(fake)(5)).toBe('data:image/png;base64,AAAA');
    expect(fake.tabs.captureVisibleTab).toHaveBeenCalledWith(1, { format: 'png' });
  });

  it('refuses a tab that is not in front, or that lost the front during the capture', async () => {
    await expect(checkedCapture(browser(false, 5))(5)).rejects.toMatchObject({ code: 'not-visible' });
    await expect(checkedCapture(browser(true, 6))(5)).rejects.toMatchObject({ code: 'not-visible' });
  });
});

describe('the badge refresher', () => {
  function fakeAction(tabs: { id?: number; url?: string }[], failing = false) {
    const shown = new Map<number, string>();
    const set = async (details: { tabId: number; text?: string }) => {
      if (failing) throw new Error('tab closed');
      if (details.text !== undefined) shown.set(details.tabId, details.text);
    };
    return { shown, browser: { action: { setBadgeText: set, setBadgeBackgroundColor: set, setTitle: set }, tabs: { query: async () => tabs } } };
  }

  it("badges every tab from the guard's verdict on its URL", async () => {
    const { shown, browser } = fakeAction([{ id: 1, url: 'https://www.amazon.com/' }, { id: 2, url: 'https://amazon-account-verify.com/' }, { url: 'x' }]);
    await badgeRefresher(browser, createGuardHolder()).all();
    expect([...shown]).toEqual([
      [1, '✓'],
      [2, '!'],
    ]);
  });

  it('a tab that closed meanwhile is no error', async () => {
    const { browser } = fakeAction([{ id: 1, url: 'https://www.amazon.com/' }], true);
    await expect(badgeRefresher(browser, createGuardHolder()).one(1, 'https://www.amazon.com/')).resolves.toBeUndefined();
  });
});
