// @vitest-environment happy-dom
/**
 * The channel classifier as the engine runs it: real fixture pages (the e2e ones), the field the
 * finder picks, the evidence the content script gathers from the DOM, the plan. Reports precision
 * and recall per channel on these pages (written by us: optimistic figures).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Channel } from '../../../src/core/fill/channel';
import { offersAuthenticator } from '../../../src/core/fill/channel';
import { findOtpFields } from '../../../src/core/fill/finder';
import { candidateInputs } from '../../../src/core/fill/types';
import { planForField } from '../../../src/content/fill/channel-plan';

const FIXTURES = join(import.meta.dirname, '..', '..', 'e2e', 'fixtures');

/** Page, expected channel, and whether the page offers the authenticator as another way. */
const PAGES: [string, Channel, boolean][] = [
  ['channel/sms.html', 'sms', false],
  ['channel/sms-offer.html', 'sms', true],
  ['channel/email.html', 'email', false],
  ['channel/app.html', 'authenticator', false],
  ['channel/de-sms.html', 'sms', true],
  ['channel/fr-email.html', 'email', false],
  ['channel/device.html', 'device', false],
  ['channel/es-app.html', 'authenticator', false],
  ['channel/hidden-step.html', 'sms', false],
  // The fill tests' pages: authenticator pages, or pages that name no channel (filled as before).
  ['fill/amazon-mfa.html', 'authenticator', false],
  ['fill/keylogger.html', 'authenticator', false],
  ['fill/paypal-split.html', 'authenticator', false],
  ['fill/one-time-code.html', 'unknown', false],
  ['fill/covered.html', 'unknown', false],
];

function planOf(file: string) {
  document.documentElement.innerHTML = readFileSync(join(FIXTURES, file), 'utf8').replace(/<script[\s\S]*?<\/script>/g, '');
  const best = findOtpFields(document).best;
  if (!best) throw new Error(`${file}: the finder found no code field`);
  return planForField(candidateInputs(best)[0]!);
}

describe('channel plan on the fixture pages', () => {
  const rows = PAGES.map(([file, expected, offered]) => ({ file, expected, offered, plan: planOf(file) }));

  it('classifies every page, and reports precision/recall per channel', () => {
    const channels = [...new Set(rows.flatMap((row) => [row.expected, row.plan.verdict.channel]))];
    const lines = channels.map((channel) => {
      const predicted = rows.filter((row) => row.plan.verdict.channel === channel).length;
      const actual = rows.filter((row) => row.expected === channel).length;
      const right = rows.filter((row) => row.expected === channel && row.plan.verdict.channel === channel).length;
      return `${channel.padEnd(14)} n=${actual} predicted=${predicted} precision=${(predicted ? right / predicted : 1).toFixed(3)} recall=${(actual ? right / actual : 1).toFixed(3)}`;
    });
    console.log(`channel plan on ${rows.length} fixture pages:\n${lines.join('\n')}`);
    expect(rows.map((row) => [row.file, row.plan.verdict.channel])).toEqual(rows.map((row) => [row.file, row.expected]));
  });

  it('fills by itself only on authenticator pages and pages that name no channel; notes the others', () => {
    for (const row of rows) {
      const sent = !['authenticator', 'unknown'].includes(row.expected);
      expect([row.file, row.plan.autoFill, row.plan.note !== null]).toEqual([row.file, !sent, sent]);
    }
    expect(rows.find((row) => row.file === 'channel/sms.html')?.plan.note).toBe('This code comes by SMS.');
    expect(rows.find((row) => row.file === 'channel/email.html')?.plan.note).toBe('This code comes by e-mail.');
  });

  it('finds the page’s own "use your authenticator" link only where the page has one', () => {
    for (const row of rows) expect([row.file, row.plan.offer !== null]).toEqual([row.file, row.offered]);
    expect(rows.find((row) => row.file === 'channel/sms-offer.html')?.plan.offer?.id).toBe('use-app');
  });
});

describe('offersAuthenticator (a link or button that names the authenticator)', () => {
  it.each([
    'Use your authenticator app',
    'Use your authenticator app instead',
    'Use an authentication app',
    'Authentifizierungs-App stattdessen verwenden',
    '認証アプリを使用',
  ])('offers: %j', (text) => expect(offersAuthenticator(text)).toBe(true));

  it.each(['Resend code', 'Send a code by text message instead', 'Verify', 'Try another way', '', 'Call me instead'])('does not: %j', (text) =>
    expect(offersAuthenticator(text)).toBe(false),
  );
});
