import { describe, expect, it } from 'vitest';
import { tabIndexForKey } from '../../src/popup/components/focus';
import { avatarLetter } from '../../src/popup/views/account-row';

describe('tab list keys', () => {
  it('moves with the arrows, wraps at both ends, and jumps with Home and End', () => {
    expect(tabIndexForKey('ArrowRight', 0, 5)).toBe(1);
    expect(tabIndexForKey('ArrowRight', 4, 5)).toBe(0);
    expect(tabIndexForKey('ArrowLeft', 0, 5)).toBe(4);
    expect(tabIndexForKey('ArrowUp', 2, 5)).toBe(1);
    expect(tabIndexForKey('ArrowDown', 2, 5)).toBe(3);
    expect(tabIndexForKey('Home', 3, 5)).toBe(0);
    expect(tabIndexForKey('End', 1, 5)).toBe(4);
  });
  it('ignores other keys and empty lists', () => {
    expect(tabIndexForKey('a', 0, 5)).toBeNull();
    expect(tabIndexForKey('Enter', 0, 5)).toBeNull();
    expect(tabIndexForKey('ArrowRight', 0, 0)).toBeNull();
  });
});

describe('avatar letter', () => {
  it('takes the first character of the service, else of the account, upper-cased', () => {
    expect(avatarLetter({ issuer: 'amazon', accountName: 'ann@example.com' })).toBe('A');
    expect(avatarLetter({ issuer: '', accountName: ' zoe@example.com' })).toBe('Z');
    expect(avatarLetter({ issuer: '', accountName: '' })).toBe('?');
  });
  it('keeps a character outside the BMP whole', () => {
    expect(avatarLetter({ issuer: '𝔊itHub', accountName: '' })).toBe('𝔊');
  });
});
