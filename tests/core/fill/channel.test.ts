import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Channel, classifyChannel } from '../../../src/core/fill/channel';
import { CHANNEL_FIXTURES, type ChannelFixture, HELD_OUT_FIXTURES } from './channel-fixtures';

const CHANNELS: Channel[] = ['authenticator', 'sms', 'email', 'push', 'device', 'delivered', 'unknown'];

type Measured = ReturnType<typeof measure>;

function report(title: string, { rows, perChannel }: Measured): void {
  const lines = perChannel
    .filter(({ actual, predicted }) => actual + predicted > 0)
    .map(
      ({ channel, actual, predicted, precision, recall }) =>
        `${channel.padEnd(14)} n=${String(actual).padStart(2)} predicted=${String(predicted).padStart(2)} precision=${precision.toFixed(3)} recall=${recall.toFixed(3)}`,
    );
  const misses = rows.filter((row) => row.got !== row.fixture.expected).map((row) => `  ${row.fixture.name}: expected ${row.fixture.expected}, got ${row.got}`);
  const correct = rows.length - misses.length;
  console.log(`channel classifier, ${title}: ${correct}/${rows.length} right\n${lines.join('\n')}\nmisses:\n${misses.join('\n') || '  none'}`);
}

function measure(fixtures: readonly ChannelFixture[]) {
  const rows = fixtures.map((fixture) => ({ fixture, got: classifyChannel(fixture.evidence).channel }));
  const perChannel = CHANNELS.map((channel) => {
    const truePositives = rows.filter((row) => row.got === channel && row.fixture.expected === channel).length;
    const predicted = rows.filter((row) => row.got === channel).length;
    const actual = rows.filter((row) => row.fixture.expected === channel).length;
    return { channel, actual, predicted, precision: predicted ? truePositives / predicted : 1, recall: actual ? truePositives / actual : 1 };
  });
  return { rows, perChannel };
}

describe('channel classifier on the labelled fixtures', () => {
  const { rows, perChannel } = measure(CHANNEL_FIXTURES);

  it('has enough fixtures across channels and languages', () => {
    expect(CHANNEL_FIXTURES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(CHANNEL_FIXTURES.map((fixture) => fixture.lang)).size).toBeGreaterThanOrEqual(10);
    for (const lang of ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'ja', 'zh']) {
      const channels = new Set(CHANNEL_FIXTURES.filter((fixture) => fixture.lang === lang).map((fixture) => fixture.expected));
      expect([lang, channels.has('authenticator') && channels.has('sms') && channels.has('email')]).toEqual([lang, true]);
    }
  });

  it('reports precision and recall per channel, above the floors', () => {
    report('development fixtures (word lists tuned on them)', { rows, perChannel });
    const byName = Object.fromEntries(perChannel.map((entry) => [entry.channel, entry]));
    // What matters most: a page called "authenticator" really is one (else a wrong code is typed).
    expect(byName.authenticator?.precision).toBeGreaterThanOrEqual(0.95);
    expect(byName.authenticator?.recall).toBeGreaterThanOrEqual(0.85);
    for (const channel of ['sms', 'email'] as const) {
      expect(byName[channel]?.precision).toBeGreaterThanOrEqual(0.85);
      expect(byName[channel]?.recall).toBeGreaterThanOrEqual(0.8);
    }
    const sentPages = rows.filter((row) => !['authenticator', 'unknown'].includes(row.fixture.expected));
    const sentCalledAuthenticator = sentPages.filter((row) => row.got === 'authenticator');
    expect(sentCalledAuthenticator.map((row) => row.fixture.name)).toEqual([]);
  });
});

describe('channel classifier on held-out fixtures (never tuned on)', () => {
  const measured = measure(HELD_OUT_FIXTURES);

  it('reports its figures and keeps every sent-code page off the authenticator', () => {
    report('held-out fixtures', measured);
    const byName = Object.fromEntries(measured.perChannel.map((entry) => [entry.channel, entry]));
    expect(HELD_OUT_FIXTURES.length).toBeGreaterThanOrEqual(30);
    expect(byName.authenticator?.precision).toBeGreaterThanOrEqual(0.9);
    const sentCalledAuthenticator = measured.rows.filter((row) => !['authenticator', 'unknown'].includes(row.fixture.expected) && row.got === 'authenticator');
    expect(sentCalledAuthenticator.map((row) => row.fixture.name)).toEqual([]);
  });
});

describe('channel classifier, single cases', () => {
  it('keeps "use your authenticator app instead" as an alternative, not the channel', () => {
    const verdict = classifyChannel({ pageText: 'We texted a code to •••-••42.', actionTexts: ['Use your authenticator app instead'] });
    expect(verdict.channel).toBe('sms');
    expect(verdict.alternatives).toEqual(['authenticator']);
    expect(verdict.otherWayOffered).toBe(true);
  });

  it('tells a page with an unnamed other way from one with none', () => {
    expect(classifyChannel({ pageText: 'We texted you a code.', actionTexts: ['Try another way'] })).toMatchObject({ channel: 'sms', alternatives: [], otherWayOffered: true });
    expect(classifyChannel({ pageText: 'We texted you a code.', actionTexts: ['Resend'] })).toMatchObject({ channel: 'sms', alternatives: [], otherWayOffered: false });
  });

  it('calls autocomplete="one-time-code" alone unknown, and "we texted" with it SMS', () => {
    expect(classifyChannel({ autocomplete: 'one-time-code' }).channel).toBe('unknown');
    expect(classifyChannel({ autocomplete: 'one-time-code', pageText: 'We texted you a code' }).channel).toBe('sms');
  });

  it('calls a page that argues for both a conflict', () => {
    const verdict = classifyChannel({ pageText: 'Open your authenticator app. We sent a code by SMS to your phone.' });
    expect([verdict.channel, verdict.confidence]).toEqual(['unknown', 'conflict']);
  });

  it('never throws on hostile input', () => {
    const huge = 'sms '.repeat(100_000);
    expect(classifyChannel({ pageText: huge, label: huge, actionTexts: Array(10_000).fill(huge) }).channel).toBe('sms');
    expect(classifyChannel({}).channel).toBe('unknown');
    expect(classifyChannel({ pageText: 5 as unknown as string, actionTexts: [null as unknown as string] }).channel).toBe('unknown');
  });

  it('reads hostile runs (masks, "@", digits) without backtracking blow-ups', () => {
    // Each of these took minutes with a nested-quantifier regex; the scans are linear.
    for (const text of ['x'.repeat(4000), '•'.repeat(4000), '*@'.repeat(2000), `${'a'.repeat(3000)}@${'a.'.repeat(500)}`, '1x'.repeat(2000)]) {
      expect(classifyChannel({ pageText: text, label: text }).channel).toMatch(/^(sms|email|unknown|delivered)$/);
    }
  });

  it('finds masked numbers and addresses, not look-alike text', () => {
    expect(classifyChannel({ pageText: 'Code sent to 138****5678' }).channel).toBe('sms');
    expect(classifyChannel({ pageText: 'Code sent to z***@163.com' }).channel).toBe('email');
    expect(classifyChannel({ pageText: '**Note** 2026, Xbox 360, 6 x 4' }).scores.sms).toBe(0);
  });

  it('property: any evidence gives a verdict (fixed seed)', () => {
    const text = fc.oneof(fc.string({ maxLength: 300 }), fc.string({ maxLength: 80, unit: 'grapheme' }), fc.constantFrom('SMS', 'authenticator', 'e-mail', '•••-••12'));
    fc.assert(
      fc.property(fc.record({ pageText: text, label: text, placeholder: text, name: text, id: text, actionTexts: fc.array(text, { maxLength: 5 }) }, { requiredKeys: [] }), (evidence) => {
        const verdict = classifyChannel(evidence);
        expect(CHANNELS).toContain(verdict.channel);
        expect(verdict.alternatives).not.toContain(verdict.channel);
      }),
      { seed: 99, numRuns: 1500 },
    );
  });
});
