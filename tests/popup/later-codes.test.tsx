// @vitest-environment happy-dom
/** Rows the list left without a code (`codeLater`) get theirs from `ui:account-codes` once on screen. */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountView } from '../../src/messaging/protocol';
import { App } from '../../src/popup/app';
import { createMockClient } from '../../src/popup/client-mock';
import { account, accountsList, createFakePlatform, status } from './fakes';

afterEach(cleanup);

/** 1,000 accounts; the first 30 carry codes like the background's list, the rest `codeLater`. */
function accounts(round: number): AccountView[] {
  return Array.from({ length: 1000 }, (_, index) =>
    account({
      id: `a${index}`,
      issuer: `Issuer ${index}`,
      accountName: `user${index}@example.com`,
      ...(index < 30 ? { code: `1000${String(index).padStart(2, '0')}` } : { code: '', codeLater: true }),
      secondsRemaining: 20 - round,
    }),
  );
}

/** The background's answer: a code made of the round and the row number, so a test sees which answer it shows. */
const codeFor = (round: number, id: string) => `${round}${id.slice(1).padStart(5, '0')}`;

function setup() {
  let round = 0;
  const fake = createFakePlatform();
  const client = createMockClient({
    'ui:vault-status': () => status('unlocked'),
    'ui:describe-tab': () => ({ verdict: 'unknown', reasons: [], confusables: [], trustedByUser: false }),
    'ui:list-accounts': () => accountsList(accounts(round)),
    'ui:account-codes': ({ ids }) => ({ codes: ids.map((id) => ({ id, code: codeFor(round, id), secondsRemaining: 20 - round })) }),
  });
  render(<App client={client} platform={fake.platform} />);
  return { client, fake, nextRound: () => round++ };
}

const shownCode = (id: string) =>
  screen.getAllByTestId('account-row').find((row) => row.dataset.accountId === id)?.querySelector('[data-testid="code"]')?.textContent;

describe('codes asked for the rows on screen', () => {
  it('asks nothing for the first screen, which the list already carries', async () => {
    const { client } = setup();
    await screen.findAllByTestId('account-row');
    expect(shownCode('a0')).toBe('100 000');
    await act(async () => undefined);
    expect(client.callsOf('ui:account-codes')).toHaveLength(0);
  });

  it('asks the codes of rows found by a search once, shows them, and asks again for a new list', async () => {
    const { client, fake, nextRound } = setup();
    await screen.findAllByTestId('account-row');
    fireEvent.input(screen.getByLabelText('Search accounts'), { target: { value: 'user999@' } });
    await waitFor(() => expect(shownCode('a999')).toBe('000 999'));
    expect(client.callsOf('ui:account-codes').map((call) => call.ids)).toEqual([['a999']]);
    // Re-renders (a countdown tick) ask nothing more.
    await act(async () => fake.advance(1000));
    expect(client.callsOf('ui:account-codes')).toHaveLength(1);
    // The next list (the period boundary's reload) asks again and shows the new code.
    nextRound();
    await act(async () => fake.advance(20_000));
    await waitFor(() => expect(shownCode('a999')).toBe('100 999'));
    expect(client.callsOf('ui:account-codes').length).toBeGreaterThanOrEqual(2);
  });
});
