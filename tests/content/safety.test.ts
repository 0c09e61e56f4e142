import { describe, expect, it, vi } from 'vitest';

const sent = vi.hoisted(() => [] as unknown[]);
vi.mock('../../src/content/runtime', () => ({
  ask: async (message: unknown) => {
    sent.push(message);
    return { ok: true, value: { logged: true } };
  },
  onBackgroundMessage: () => undefined,
}));

import { safely } from '../../src/content/safety';

describe('safely: every content entry point fails closed and is reported', () => {
  it('runs the fail-closed path and tells the background, at most 20 times a page', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const held: number[] = [];
    const guarded = safely(
      'field scan',
      (n: number) => {
        throw new RangeError(`too deep ${n}`);
      },
      (n) => held.push(n),
    );
    for (let i = 0; i < 25; i++) guarded(i);
    expect(held).toHaveLength(25);
    expect(sent).toHaveLength(20);
    expect(sent[0]).toEqual({ type: 'cs:report-error', where: 'field scan', error: 'RangeError: too deep 0' });
  });
});
