import { describe, expect, it } from 'vitest';
import { groupCode } from '../../src/popup/format';
import { msUntilRefresh } from '../../src/popup/views/refresh';
import { account, accountsList } from './fakes';

describe('groupCode', () => {
  it.each([
    ['123456', '123 456'],
    ['1234567', '123 4567'],
    ['12345678', '1234 5678'],
    ['R7K2M', 'R7K2M'],
  ])('%s → %s', (code, grouped) => {
    expect(groupCode(code)).toBe(grouped);
  });
});

describe('msUntilRefresh', () => {
  it('refreshes when the soonest code expires', () => {
    const list = accountsList([
      account({ id: 'a', secondsRemaining: 12, nextCode: '111111' }),
      account({ id: 'b', secondsRemaining: 3, nextCode: '222222' }),
    ]);
    expect(msUntilRefresh(list)).toBe(3000);
  });

  it('refreshes when the last seconds start if the next code is not known yet', () => {
    expect(msUntilRefresh(accountsList([account({ id: 'a', secondsRemaining: 20 })]))).toBe(15_000);
  });

  it('never refreshes for counter-based accounts alone, and never faster than twice a second', () => {
    expect(msUntilRefresh(accountsList([account({ id: 'h', kind: 'hotp', secondsRemaining: 0 })]))).toBeNull();
    expect(msUntilRefresh(accountsList([account({ id: 'a', secondsRemaining: 0, nextCode: '1' })]))).toBe(500);
  });
});
