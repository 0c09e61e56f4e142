/**
 * Refused messages are logged to the console and kept (last 50, no message bodies) in session
 * storage, where the extension's own pages and tests can read them.
 */
import type { RefusalLog } from '../messaging/router';

export interface RefusalRecord {
  at: number;
  reason: string;
  type?: string;
  role: string;
}

export const REFUSALS_KEY = 'diagnostics/refusals';
const KEEP = 50;

export interface ContentErrorRecord {
  at: number;
  where: string;
  error: string;
  /** The reporting document's host, from the browser's sender data (never from the message). */
  host: string;
}

export interface ContentErrorLog {
  record(entry: Omit<ContentErrorRecord, 'at'>): void;
}

export const CONTENT_ERRORS_KEY = 'diagnostics/content-errors';

/** Content-script errors (each failed closed in the page), last 50, in session storage beside the refusals. */
export function createContentErrorLog(
  session: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> },
  now: () => number,
): ContentErrorLog {
  let queue = Promise.resolve();
  return {
    record(entry) {
      console.warn('[otp-guard] content script error (held closed):', entry.where, entry.host, entry.error);
      const record: ContentErrorRecord = { at: now(), ...entry };
      queue = queue
        .then(async () => {
          const stored = (await session.get(CONTENT_ERRORS_KEY))[CONTENT_ERRORS_KEY];
          const list = Array.isArray(stored) ? (stored as ContentErrorRecord[]) : [];
          await session.set({ [CONTENT_ERRORS_KEY]: [...list, record].slice(-KEEP) });
        })
        .catch(() => undefined);
    },
  };
}

export function createRefusalLog(
  session: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> },
  now: () => number,
): RefusalLog {
  let queue = Promise.resolve();
  return {
    refused(reason, detail) {
      console.warn('[otp-guard] refused message:', reason, detail);
      const record: RefusalRecord = { at: now(), reason, role: detail.role, ...(detail.type ? { type: detail.type } : {}) };
      queue = queue
        .then(async () => {
          const stored = (await session.get(REFUSALS_KEY))[REFUSALS_KEY];
          const list = Array.isArray(stored) ? (stored as RefusalRecord[]) : [];
          await session.set({ [REFUSALS_KEY]: [...list, record].slice(-KEEP) });
        })
        .catch(() => undefined);
    },
  };
}
