import { render } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import type { AccountsList, AccountView, PendingPreview, Settings, VaultStatusReport } from '../../src/messaging/protocol';
import type { BackgroundClient } from '../../src/popup/client';
import type { Cancel, OptionsSection, Platform } from '../../src/popup/platform';
import { ServicesContext } from '../../src/popup/services';

interface FakeTimer {
  at: number;
  every: number | null;
  run: () => void;
  cancelled: boolean;
}

/** A platform whose clock only moves when the test says so, with an in-memory clipboard. */
export function createFakePlatform(options: { canReadClipboard?: boolean } = {}) {
  let now = 1_700_000_000_000;
  const timers: FakeTimer[] = [];
  const clipboard = { text: '', writes: [] as string[] };
  const downloads: { fileName: string; text: string }[] = [];
  const openedSections: OptionsSection[] = [];
  const schedule = (ms: number, run: () => void, every: number | null): Cancel => {
    const timer: FakeTimer = { at: now + ms, every, run, cancelled: false };
    timers.push(timer);
    return () => {
      timer.cancelled = true;
    };
  };
  const platform: Platform = {
    clipboard: {
      canRead: options.canReadClipboard ?? true,
      async write(text) {
        clipboard.text = text;
        clipboard.writes.push(text);
      },
      async read() {
        return clipboard.text;
      },
    },
    timers: {
      after: (ms, run) => schedule(ms, run, null),
      every: (ms, run) => schedule(ms, run, ms),
      now: () => now,
    },
    readFileAsDataUrl: async (file) => `data:${file.type};base64,${Buffer.from(await file.arrayBuffer()).toString('base64')}`,
    readFileAsText: (file) => file.text(),
    downloadText: (fileName, text) => {
      downloads.push({ fileName, text });
    },
    openOptions: (section) => {
      openedSections.push(section);
    },
  };
  return {
    platform,
    clipboard,
    downloads,
    openedSections,
    /** Pending one-shot timers with their delay from now. */
    pendingDelays: () => timers.filter((t) => !t.cancelled && t.every === null).map((t) => t.at - now),
    /** Moves the clock and runs every timer that falls due. */
    advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const due = timers.filter((t) => !t.cancelled && t.at <= until).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        now = due.at;
        if (due.every === null) due.cancelled = true;
        else due.at += due.every;
        due.run();
      }
      now = until;
    },
  };
}

export type FakePlatform = ReturnType<typeof createFakePlatform>;

export function renderWith(client: BackgroundClient, fake: FakePlatform, ui: ComponentChildren) {
  return render(<ServicesContext.Provider value={{ client, platform: fake.platform }}>{ui}</ServicesContext.Provider>);
}

export function account(overrides: Partial<AccountView> & { id: string }): AccountView {
  return {
    issuer: 'Example',
    accountName: 'me@example.com',
    kind: 'totp',
    digits: 6,
    period: 30,
    domains: ['example.com'],
    code: '123456',
    secondsRemaining: 20,
    warnings: [],
    ...overrides,
  };
}

export function accountsList(accounts: AccountView[], overrides: Partial<AccountsList> = {}): AccountsList {
  return { revision: 3, accounts, damaged: [], readOnly: false, backupReminder: false, ...overrides };
}

export function preview(overrides: Partial<PendingPreview> & { pendingId: string }): PendingPreview {
  return { issuer: 'Example', accountName: 'me', code: '654321', warnings: [], proposedDomains: [], ...overrides };
}

export function status(state: VaultStatusReport['state'], overrides: Partial<VaultStatusReport> = {}): VaultStatusReport {
  return { state, readOnly: false, retryAfterMs: 0, damaged: [], ...overrides };
}

export const defaultSettings: Settings = {
  autoLockMinutes: 15,
  autoFill: false,
  autoSubmit: false,
  backupReminder: true,
  sync: false,
  clipboardClearSeconds: 30,
};
