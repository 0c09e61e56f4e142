import { describe, expect, it } from 'vitest';
import { linkInText } from '../../../src/core/domain/pasted-link';

describe('the link in a pasted text', () => {
  it.each([
    ['https://www.amazon.com/gp/css', 'https://www.amazon.com/gp/css'],
    ['USPS: your parcel is held: usps-track.info/x7, pay the fee.', 'usps-track.info/x7'],
    ['Log in (https://paypa1.com/login) now!', 'https://paypa1.com/login'],
    ['see «аmazon.com»', 'аmazon.com'],
    ['first a host example.org then https://b.example.net/x', 'https://b.example.net/x'],
    ['  xn--mazon-3ve.com  ', 'xn--mazon-3ve.com'],
    ['shop.example.co.uk:8443/cart?x=1.', 'shop.example.co.uk:8443/cart?x=1'],
  ])('%s → %s', (text, link) => {
    expect(linkInText(text)).toBe(link);
  });

  it.each([[''], ['   '], ['call me at 555-0100'], ['version 1.2.3 is out'], ['a.b']])('finds none in %j', (text) => {
    expect(linkInText(text)).toBeUndefined();
  });

  it('stays linear on a huge paste', () => {
    expect(linkInText(`${'word '.repeat(500_000)}evil-login.com`)).toBeUndefined(); // past the first 2,000 words
    expect(linkInText(`${'x'.repeat(1_000_000)}.com`)).toBe(`${'x'.repeat(1_000_000)}.com`);
  });
});
