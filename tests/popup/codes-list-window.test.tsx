// @vitest-environment happy-dom
/** The codes list at 1,000 accounts: pinned "Fills here" first, and only a window of rows in the DOM. */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/popup/app';
import { createMockClient } from '../../src/popup/client-mock';
import { pinFillsHere } from '../../src/popup/views/pinned';
import { sliceFor, WINDOW_FROM } from '../../src/popup/views/windowed-rows';
import { account, accountsList, createFakePlatform, status } from './fakes';

afterEach(cleanup);

const many = (count: number) =>
  Array.from({ length: count }, (_, index) => account({ id: `a${index}`, issuer: `Issuer ${index}`, accountName: `user${index}@example.com` }));

function renderWith(accounts: ReturnType<typeof many>) {
  const client = createMockClient({
    'ui:vault-status': () => status('unlocked'),
    'ui:describe-tab': () => ({ verdict: 'unknown', reasons: [], confusables: [], trustedByUser: false }),
    'ui:list-accounts': () => accountsList(accounts),
  });
  render(<App client={client} platform={createFakePlatform().platform} />);
}

describe('the windowed codes list', () => {
  it('renders every row of a short list, and a window of a long one', () => {
    expect(sliceFor(WINDOW_FROM - 1, 43, 0, 600)).toEqual({ start: 0, end: WINDOW_FROM - 1, before: 0, after: 0 });
    expect(sliceFor(1000, 43, 0, 600)).toEqual({ start: 0, end: 24, before: 0, after: 976 * 43 });
    expect(sliceFor(1000, 43, 43_000, 43_600)).toEqual({ start: 990, end: 1000, before: 990 * 43, after: 0 });
    const middle = sliceFor(1000, 43, 4300, 4900);
    expect([middle.start, middle.end]).toEqual([90, 124]);
    expect(middle.before + (middle.end - middle.start) * 43 + middle.after).toBe(1000 * 43);
  });

  it('puts 1,000 accounts on screen as a few dozen rows; search still reaches the last one', async () => {
    renderWith(many(1000));
    const rows = await screen.findAllByTestId('account-row');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(80);
    fireEvent.input(screen.getByLabelText('Search accounts'), { target: { value: 'user999@' } });
    expect(screen.getAllByTestId('account-row').map((row) => row.dataset.accountId)).toEqual(['a999']);
  });

  it('pins the accounts that fill on the page in front first, marked "Fills here"', async () => {
    const accounts = many(5);
    const pinned = accounts.map((item, index) => (index === 3 ? { ...item, fillsHere: true } : item));
    expect(pinFillsHere(pinned).map((item) => item.id)).toEqual(['a3', 'a0', 'a1', 'a2', 'a4']);
    renderWith(pinned);
    const rows = await screen.findAllByTestId('account-row');
    expect(rows[0]?.dataset.accountId).toBe('a3');
    expect(rows[0]?.textContent).toMatch(/Fills here/);
    expect(rows[1]?.textContent).not.toMatch(/Fills here/);
  });
});
