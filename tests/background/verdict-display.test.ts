import { describe, expect, it } from 'vitest';
import { badgeFor } from '../../src/background/badge';
import { createGuardHolder } from '../../src/background/guard-holder';
import { pageReport } from '../../src/background/page-report';
import { warningFor } from '../../src/background/warning-text';

const guard = createGuardHolder();
const verdict = (url: string) => guard.current().verdict(url);

describe('what the badge and the banner say', () => {
  it('badges a verified https page, a lookalike, and nothing else', () => {
    expect(badgeFor(verdict('https://www.amazon.de/')).text).toBe('✓');
    expect(badgeFor(verdict('http://www.amazon.de/')).text).toBe('');
    expect(badgeFor(verdict('https://amazon-de-konto.com/')).text).toBe('!');
    expect(badgeFor(verdict('https://example.org/')).text).toBe('');
    expect(badgeFor(verdict('https://127.0.0.1/')).text).toBe('');
  });

  it('the in-page warning names the real site and links only to it', () => {
    const lookalike = verdict('https://www.xn--mazon-3ve.com/ap/signin');
    if (lookalike.kind !== 'lookalike') throw new Error(`expected a lookalike, got ${lookalike.kind}`);
    const warning = warningFor(lookalike);
    expect(warning.headline).toBe('This is not amazon.com. Amazon never asks for your code here.');
    expect(warning.realSiteUrl).toBe('https://amazon.com/');
    // The impostor character is marked and the real (punycode) spelling stands beside it.
    expect(warning.details[0]).toBe(
      'You are on www.[\u0430]mazon.com (www.xn--mazon-3ve.com), which imitates Amazon. The marked characters are not what they look like.',
    );
    expect(warning.banner).toBeUndefined();
  });

  it('a low-confidence caution keeps the guard but asks for no in-page banner', () => {
    const caution = verdict('https://amazon.science/');
    if (caution.kind !== 'lookalike') throw new Error(`expected a lookalike, got ${caution.kind}`);
    expect(caution.confidence).toBe('low');
    expect(warningFor(caution).banner).toBe(false);
    const typo = verdict('https://www.amazom.com/');
    if (typo.kind !== 'lookalike') throw new Error(`expected a lookalike, got ${typo.kind}`);
    expect(warningFor(typo).banner).toBeUndefined();
  });

  it('the popup report marks the look-alike characters of an IDN host', () => {
    const report = pageReport(verdict('https://www.xn--mazon-3ve.com/'));
    expect(report.verdict).toBe('lookalike');
    expect(report.asciiHost).toBe('www.xn--mazon-3ve.com');
    expect(report.confusables).toContainEqual(expect.objectContaining({ index: 4, char: '\u0430', looksLike: 'a' }));
  });
});
