import { describe, expect, it } from 'vitest';
import { reportError } from '../../src/background/handlers/report-error';
import { CONTENT_ERRORS_KEY, createContentErrorLog } from '../../src/background/refusal-log';
import type { Services } from '../../src/background/services';
import type { ContentScriptSender } from '../../src/messaging/router';

const sender: ContentScriptSender = { role: 'content-script', tabId: 4, frameId: 0, frameUrl: 'https://www.amaz0n-account.com/ap/mfa?x=1' };

describe('cs:report-error', () => {
  it('keeps the error with the host the browser names, never one from the message, last 50 only', async () => {
    const data: Record<string, unknown> = {};
    const session = { get: async (key: string) => ({ [key]: data[key] }), set: async (items: Record<string, unknown>) => void Object.assign(data, items) };
    const log = createContentErrorLog(session, () => 1000);
    const handler = reportError({ contentErrors: log } as unknown as Services);
    for (let i = 0; i < 60; i++) expect(await handler({ type: 'cs:report-error', where: `scan ${i}`, error: 'RangeError: too deep' }, sender)).toEqual({ logged: true });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const kept = data[CONTENT_ERRORS_KEY] as { where: string; host: string; at: number }[];
    expect(kept).toHaveLength(50);
    expect(kept[0]).toMatchObject({ where: 'scan 10', host: 'www.amaz0n-account.com', at: 1000 });
    expect(kept.at(-1)?.where).toBe('scan 59');
  });
});
