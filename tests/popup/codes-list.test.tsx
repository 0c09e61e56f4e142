// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountsList } from '../../src/messaging/protocol';
import { App } from '../../src/popup/app';
import { BackgroundError } from '../../src/popup/client';
import { createMockClient, type MockHandlers } from '../../src/popup/client-mock';
import { account, accountsList, createFakePlatform, status } from './fakes';

afterEach(cleanup);

const amazon = account({ id: 'a1', issuer: 'Amazon', accountName: 'ann@example.com', code: '123456', domains: ['amazon.com'] });
const github = account({ id: 'a2', issuer: 'GitHub', accountName: 'ann', code: '1234567', digits: 7 });
const bank = account({ id: 'a3', issuer: 'Bank', accountName: 'ann', code: '12345678', digits: 8 });

function setup(list: AccountsList | (() => AccountsList), more: MockHandlers = {}, options: { canReadClipboard?: boolean } = {}) {
  const client = createMockClient(
    {
      'ui:vault-status': () => status('unlocked'),
      'ui:list-accounts': typeof list === 'function' ? list : () => list,
      'ui:copy-code': () => ({ code: '123456' }),
      ...more,
    },
  );
  const fake = createFakePlatform(options);
  render(<App client={client} platform={fake.platform} />);
  return { client, fake };
}

/** Lets Preact run the effects it defers to after paint (timer subscriptions), so the fake clock has listeners. */
async function settle() {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 20));
  });
}

/** Opens the row's action menu; returns nothing, the actions are then on screen. */
async function openActions(label: string) {
  fireEvent.click(await screen.findByRole('button', { name: `Actions for ${label}` }));
}

const rows = () => screen.getAllByTestId('account-row');
const codes = () => screen.getAllByTestId('code').map((node) => node.textContent);

describe('codes list', () => {
  it('says so when the background could not read the accounts (degraded: nothing filled or copied)', async () => {
    const reason = 'The accounts could not be read (storage get failed). Nothing is filled or copied until they can be.';
    setup(accountsList([]), { 'ui:vault-status': () => status('unlocked', { degradedReason: reason }) });
    expect((await screen.findByTestId('degraded')).textContent).toBe(reason);
  });

  it('groups the digits of 6, 7 and 8 digit codes for reading', async () => {
    setup(accountsList([amazon, github, bank]));
    await screen.findAllByTestId('account-row');
    expect(codes()).toEqual(['123 456', '123 4567', '1234 5678']);
  });

  it('filters by search on issuer, account and sites', async () => {
    setup(accountsList([amazon, github, bank]));
    await screen.findAllByTestId('account-row');
    fireEvent.input(screen.getByLabelText('Search accounts'), { target: { value: 'git' } });
    expect(rows().map((row) => row.dataset.accountId)).toEqual(['a2']);
    fireEvent.input(screen.getByLabelText('Search accounts'), { target: { value: 'amazon.com' } });
    expect(rows().map((row) => row.dataset.accountId)).toEqual(['a1']);
    fireEvent.input(screen.getByLabelText('Search accounts'), { target: { value: 'nothing-like-this' } });
    expect(screen.queryAllByTestId('account-row')).toHaveLength(0);
    expect(screen.getByText(/No account matches/)).toBeTruthy();
  });

  it('copies the code, says when the background will clear it, and then that it was cleared', async () => {
    const clearsAt = 1_700_000_000_000 + 30_000;
    const { fake, client } = setup(accountsList([amazon]), {
      'ui:copy-code': () => ({ code: '123456', clearsAt }),
      'ui:clipboard-status': () => ({ state: 'cleared', at: clearsAt }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Copy code for Amazon (ann@example.com)' }));
    await waitFor(() => expect(fake.clipboard.text).toBe('123456'));
    expect((await screen.findByTestId('notice')).textContent).toMatch(/will be cleared in 30 s/i);
    expect(client.callsOf('ui:clipboard-status')).toHaveLength(0);
    act(() => fake.advance(31_500));
    await waitFor(() => expect(screen.getByTestId('notice').textContent).toMatch(/^Cleared/));
    expect(client.callsOf('ui:clipboard-status')).toHaveLength(1);
  });

  it('says so when the clipboard was not cleared because the user copied something else since', async () => {
    const { fake } = setup(accountsList([amazon]), {
      'ui:copy-code': () => ({ code: '123456', clearsAt: 1_700_000_000_000 + 10_000 }),
      'ui:clipboard-status': () => ({ state: 'changed', at: 1 }),
    });
    fireEvent.click(await screen.findByRole('button', { name: /Copy code for Amazon/ }));
    expect((await screen.findByTestId('notice')).textContent).toMatch(/will be cleared in 10 s/i);
    act(() => fake.advance(11_500));
    await waitFor(() => expect(screen.getByTestId('notice').textContent).toMatch(/Not cleared: the clipboard holds something/));
  });

  it('says the clipboard is not cleared when the setting is off (no deadline from the background)', async () => {
    const { fake } = setup(accountsList([amazon]), { 'ui:copy-code': () => ({ code: '123456' }) });
    fireEvent.click(await screen.findByRole('button', { name: /Copy code for Amazon/ }));
    expect((await screen.findByTestId('notice')).textContent).toMatch(/Clear your clipboard yourself/);
    expect(fake.pendingDelays().filter((delay) => delay > 10_000)).toEqual([]);
  });

  it('copies nothing when the background refuses (a lookalike page in front), and says why', async () => {
    const { fake, client } = setup(accountsList([amazon]), {
      'ui:copy-code': () => {
        throw new BackgroundError('lookalike-page', 'Not copied: the page in front imitates Amazon.');
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: /Copy code for Amazon/ }));
    await waitFor(() => expect(screen.getByTestId('notice').textContent).toMatch(/Not copied/));
    expect(fake.clipboard.text).not.toBe('123456');
    expect(client.callsOf('ui:copy-code')).toEqual([{ type: 'ui:copy-code', id: 'a1' }]);
  });

  it('passes on the background’s warning when the page in front is not the account’s', async () => {
    const { fake } = setup(accountsList([amazon]), {
      'ui:copy-code': () => ({ code: '123456', warning: 'The page in front (news.example) is not one of this account’s sites.' }),
    });
    fireEvent.click(await screen.findByRole('button', { name: /Copy code for Amazon/ }));
    await waitFor(() => expect(fake.clipboard.text).toBe('123456'));
    expect((await screen.findByTestId('notice')).textContent).toMatch(/not one of this account/);
  });

  it('shows the next code in the last 5 seconds of the period', async () => {
    const { fake } = setup(accountsList([{ ...amazon, secondsRemaining: 8, nextCode: '999888' }]));
    await screen.findAllByTestId('account-row');
    expect(screen.queryByTestId('next-code')).toBeNull();
    await settle();
    act(() => fake.advance(3000));
    expect((await screen.findByTestId('next-code')).textContent).toBe('next: 999 888');
  });

  it('fetches the list again when the codes expire', async () => {
    const { client, fake } = setup(accountsList([{ ...amazon, secondsRemaining: 4, nextCode: '999888' }]));
    await screen.findAllByTestId('account-row');
    expect(client.callsOf('ui:list-accounts')).toHaveLength(1);
    await settle();
    act(() => fake.advance(4000));
    await waitFor(() => expect(client.callsOf('ui:list-accounts')).toHaveLength(2));
  });

  it('deletes after confirmation and undoes with the token from the background', async () => {
    let current = accountsList([amazon, github]);
    const { client } = setup(() => current, {
      'ui:delete-account': () => {
        current = accountsList([github], { revision: 4 });
        return { revision: 4, undoToken: 'undo-1' };
      },
      'ui:undo-delete': () => {
        current = accountsList([amazon, github], { revision: 5 });
        return { revision: 5 };
      },
    });
    await openActions('Amazon (ann@example.com)');
    fireEvent.click(screen.getByRole('button', { name: 'Delete Amazon (ann@example.com)' }));
    const dialog = screen.getByRole('alertdialog');
    expect(client.callsOf('ui:delete-account')).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(client.callsOf('ui:delete-account')).toEqual([{ type: 'ui:delete-account', id: 'a1', expectedRevision: 3 }]);
    expect(client.callsOf('ui:undo-delete')).toEqual([{ type: 'ui:undo-delete', undoToken: 'undo-1' }]);
  });

  it('on an edit conflict says the vault changed elsewhere and reloads the list', async () => {
    let current = accountsList([amazon]);
    const { client } = setup(() => current, {
      'ui:update-account': () => {
        current = accountsList([{ ...amazon, issuer: 'Amazon EU' }], { revision: 9 });
        throw new BackgroundError('conflict', 'The vault changed.');
      },
    });
    await openActions('Amazon (ann@example.com)');
    fireEvent.click(screen.getByRole('button', { name: 'Edit Amazon (ann@example.com)' }));
    fireEvent.input(screen.getByLabelText('Service'), { target: { value: 'Amazon US' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add a site or host' }));
    fireEvent.input(screen.getByLabelText('Site or host 2'), { target: { value: 'https://www.amazon.co.uk/' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByTestId('notice')).textContent).toBe('Changed in another window — reloaded.');
    await screen.findByText('Amazon EU');
    expect(client.callsOf('ui:update-account')).toEqual([
      {
        type: 'ui:update-account',
        id: 'a1',
        issuer: 'Amazon US',
        accountName: 'ann@example.com',
        bindings: [{ host: 'amazon.com', within: 'amazon.com' }, 'https://www.amazon.co.uk/'],
        expectedRevision: 3,
      },
    ]);
    expect(client.callsOf('ui:list-accounts')).toHaveLength(2);
  });

  it('moves an account down with the list revision', async () => {
    const { client } = setup(accountsList([amazon, github, bank]), { 'ui:reorder': () => ({ revision: 4 }) });
    await openActions('Amazon (ann@example.com)');
    fireEvent.click(screen.getByRole('button', { name: 'Move Amazon (ann@example.com) down' }));
    await waitFor(() => expect(client.callsOf('ui:reorder')).toHaveLength(1));
    expect(client.callsOf('ui:reorder')[0]).toEqual({ type: 'ui:reorder', ids: ['a2', 'a1', 'a3'], expectedRevision: 3 });
  });

  it('asks for an HOTP code on demand', async () => {
    const counter = account({ id: 'h1', issuer: 'Vpn', kind: 'hotp', code: '000000', secondsRemaining: 0 });
    const { client } = setup(accountsList([counter]), { 'ui:hotp-next': () => ({ code: '424242' }) });
    fireEvent.click(await screen.findByRole('button', { name: 'Next code' }));
    await waitFor(() => expect(codes()).toEqual(['424 242']));
    expect(client.callsOf('ui:hotp-next')).toEqual([{ type: 'ui:hotp-next', id: 'h1' }]);
  });

  it('shows the export QR only after the password, and only if it is an SVG', async () => {
    let svg = '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>';
    const { client } = setup(accountsList([amazon]), { 'ui:export-account-qr': () => ({ svg }) });
    await openActions('Amazon (ann@example.com)');
    fireEvent.click(screen.getByRole('button', { name: 'Export as QR: Amazon (ann@example.com)' }));
    fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'secret words' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show QR code' }));
    const image = (await screen.findByTestId('export-qr-svg')) as HTMLImageElement;
    expect(decodeURIComponent(image.getAttribute('src') ?? '')).toBe(`data:image/svg+xml;charset=utf-8,${svg}`);
    expect(client.callsOf('ui:export-account-qr')).toEqual([{ type: 'ui:export-account-qr', id: 'a1', password: 'secret words' }]);

    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    svg = '<img src=x onerror=alert(1)>';
    await openActions('Amazon (ann@example.com)');
    fireEvent.click(screen.getByRole('button', { name: /Export as QR: Amazon/ }));
    fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'secret words' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show QR code' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/could not be shown/);
    expect(screen.queryByTestId('export-qr-svg')).toBeNull();
  });

  it('lists damaged entries by name, and shows read-only and backup banners', async () => {
    const { client, fake } = setup(
      accountsList([amazon], {
        readOnly: true,
        backupReminder: true,
        damaged: [{ id: 'd1', name: 'Old bank', reason: 'It could not be decrypted.' }],
      }),
      { 'ui:set-settings': (m) => ({ ...{ autoLockMinutes: 15, autoFill: false, autoSubmit: false, sync: false, backupReminder: true, clipboardClearSeconds: 30 }, ...m.patch }) },
    );
    expect(await screen.findByText('Old bank')).toBeTruthy();
    expect(screen.getByText(/It could not be decrypted/)).toBeTruthy();
    expect(screen.getByText(/changes are off/)).toBeTruthy();
    await openActions('Amazon (ann@example.com)');
    expect((screen.getByRole('button', { name: /Delete Amazon/ }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Make a backup' }));
    expect(fake.openedSections).toEqual(['backup']);
    fireEvent.click(screen.getByRole('button', { name: 'Don’t remind me' }));
    await waitFor(() => expect(client.callsOf('ui:set-settings')).toEqual([{ type: 'ui:set-settings', patch: { backupReminder: false } }]));
  });

  it('locks from the header', async () => {
    const { client } = setup(accountsList([amazon]), { 'ui:lock': () => status('locked') });
    fireEvent.click(await screen.findByRole('button', { name: 'Lock now' }));
    await screen.findByRole('button', { name: 'Unlock' });
    expect(client.callsOf('ui:lock')).toHaveLength(1);
  });
});
