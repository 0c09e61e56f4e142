/**
 * "Enter the held code anyway?" asked in an extension window, never in the page. The content script
 * keeps the digits; it sends only how many it holds and gets the decision as the reply to its own
 * message, so the answer can only reach the very document that asked (the browser's reply channel).
 * Every way out that is not the user's "Enter it anyway" click in that window is 'discard': the window
 * closed, a newer question from the same tab, the asking frame cancelling, a timeout.
 */
import type { HeldCodeChoice, HeldCodeQuestion } from '../../messaging/protocol';

export interface ConfirmWindows {
  /** Opens the confirmation page in a small window of its own; its id, or undefined when it failed. */
  open(url: string): Promise<number | undefined>;
  close(windowId: number): Promise<void>;
}

export interface Asker {
  tabId: number;
  frameId: number;
}

interface Pending {
  asker: Asker;
  question: HeldCodeQuestion;
  windowId?: number;
  timer: ReturnType<typeof setTimeout>;
  resolve(choice: HeldCodeChoice): void;
}

export interface HeldCodeOptions {
  windows: ConfirmWindows;
  newId(): string;
  pageUrl(requestId: string): string;
  /** After this long without a decision the code is discarded. */
  timeoutMs: number;
}

/** Open questions at once, over all tabs: a flood of windows would be a denial of service. */
const MAX_OPEN = 4;

export class HeldCodeConfirmations {
  private readonly pending = new Map<string, Pending>();
  constructor(private readonly options: HeldCodeOptions) {}

  async ask(asker: Asker, question: HeldCodeQuestion): Promise<HeldCodeChoice> {
    // One question per tab: a newer one replaces (and discards) the older.
    for (const [id, entry] of this.pending) if (entry.asker.tabId === asker.tabId) this.settle(id, 'discard');
    if (this.pending.size >= MAX_OPEN) return 'discard';
    const requestId = this.options.newId();
    const decision = new Promise<HeldCodeChoice>((resolve) => {
      const timer = setTimeout(() => this.settle(requestId, 'discard'), this.options.timeoutMs);
      this.pending.set(requestId, { asker, question, timer, resolve });
    });
    const windowId = await this.options.windows.open(this.options.pageUrl(requestId)).catch(() => undefined);
    const entry = this.pending.get(requestId);
    if (windowId === undefined) this.settle(requestId, 'discard');
    else if (entry) entry.windowId = windowId;
    else void this.options.windows.close(windowId).catch(() => undefined); // settled while opening
    return decision;
  }

  /** What the confirmation page shows; undefined once the question is closed. */
  describe(requestId: string): HeldCodeQuestion | undefined {
    return this.pending.get(requestId)?.question;
  }

  /** The user's click in the confirmation window. */
  decide(requestId: string, choice: HeldCodeChoice): boolean {
    return this.settle(requestId, choice);
  }

  /** The asking frame no longer holds a code. */
  cancel(asker: Asker): boolean {
    let cancelled = false;
    for (const [id, entry] of this.pending) {
      if (entry.asker.tabId === asker.tabId && entry.asker.frameId === asker.frameId) cancelled = this.settle(id, 'discard') || cancelled;
    }
    return cancelled;
  }

  /** A window closed by the user (or the browser) is a "no". */
  windowClosed(windowId: number): void {
    for (const [id, entry] of this.pending) if (entry.windowId === windowId) this.settle(id, 'discard');
  }

  /** The asking tab closed or navigated away. */
  tabGone(tabId: number): void {
    for (const [id, entry] of this.pending) if (entry.asker.tabId === tabId) this.settle(id, 'discard');
  }

  get openCount(): number {
    return this.pending.size;
  }

  private settle(requestId: string, choice: HeldCodeChoice): boolean {
    const entry = this.pending.get(requestId);
    if (!entry) return false;
    this.pending.delete(requestId);
    clearTimeout(entry.timer);
    entry.resolve(choice);
    if (entry.windowId !== undefined) void this.options.windows.close(entry.windowId).catch(() => undefined);
    return true;
  }
}
