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
