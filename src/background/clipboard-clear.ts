/**
 * The clipboard clears itself: a copied code is replaced with a blank after the time in the settings. What is due
 * lives in storage.session (memory only, trusted contexts) so it survives a stopped worker, and an alarm wakes it.
 * The clearing itself is the eraser's (an offscreen document in Chrome, the background page in Firefox); where the
 * clipboard can be read (the optional clipboardRead permission) it is cleared only while it still holds our code.
 */
import type { Clock } from '../core/ports';
import type { ClipboardStatus } from '../messaging/protocol-store';
import type { AlarmsPort } from './session/auto-lock';
import type { SessionArea } from './session/vault-session';

export const CLIPBOARD_ALARM = 'otp-guard-clipboard-clear';
export const CLIPBOARD_DUE_KEY = 'clipboard/due';
export const CLIPBOARD_LAST_KEY = 'clipboard/last';

/** What the eraser did: cleared, left alone because the user copied something else since, or failed. */
export type EraseOutcome = 'cleared' | 'changed' | 'failed';

export interface ClipboardEraser {
  /** Blanks the clipboard; when it can read it, only if it still holds `code`. Never throws. */
  erase(code: string): Promise<EraseOutcome>;
}

interface Due {
  code: string;
  at: number;
}

const isDue = (value: unknown): value is Due =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Due).code === 'string' &&
  typeof (value as Due).at === 'number';

export class ClipboardClearing {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly session: SessionArea,
    private readonly alarms: AlarmsPort,
    private readonly clock: Clock,
    private readonly eraser: ClipboardEraser,
  ) {}

  /** A code was handed to the popup to copy: clear it after `seconds` (0: never). Returns when, or undefined. */
  async schedule(code: string, seconds: number): Promise<number | undefined> {
    if (!(seconds > 0)) return undefined;
    const at = this.clock.now() + seconds * 1000;
    await this.session.set({ [CLIPBOARD_DUE_KEY]: { code, at }, [CLIPBOARD_LAST_KEY]: { state: 'pending', at } });
    this.alarms.create(CLIPBOARD_ALARM, { when: at });
    // While the worker is awake a timer is more precise than the alarm; whichever comes first clears, once.
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.clearIfDue(), seconds * 1000);
    return at;
  }

  /** The alarm or the timer: clear what is due now. Safe to call any number of times. */
  async clearIfDue(): Promise<void> {
    const due = (await this.session.get(CLIPBOARD_DUE_KEY))[CLIPBOARD_DUE_KEY];
    if (!isDue(due)) return;
    if (due.at > this.clock.now()) {
      this.alarms.create(CLIPBOARD_ALARM, { when: due.at });
      return;
    }
    await this.session.remove(CLIPBOARD_DUE_KEY);
    const outcome = await this.eraser.erase(due.code).catch((): EraseOutcome => 'failed');
    await this.session.set({ [CLIPBOARD_LAST_KEY]: { state: outcome, at: this.clock.now() } });
  }

  /** What became of the last copy (the popup says "Cleared" or why not). */
  async status(): Promise<ClipboardStatus> {
    const last = (await this.session.get(CLIPBOARD_LAST_KEY))[CLIPBOARD_LAST_KEY] as Partial<ClipboardStatus> | undefined;
    const states: ClipboardStatus['state'][] = ['pending', 'cleared', 'changed', 'failed'];
    if (!last || !states.includes(last.state as ClipboardStatus['state']) || typeof last.at !== 'number') return { state: 'none' };
    return { state: last.state as ClipboardStatus['state'], at: last.at };
  }
}
