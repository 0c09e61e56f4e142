// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { PreviewReply } from '../../src/messaging/protocol';
import { OptionsApp } from '../../src/options/app';
import { BackgroundError } from '../../src/popup/client';
import { createMockClient, type MockHandlers } from '../../src/popup/client-mock';
import { accountsList, createFakePlatform, defaultSettings, preview, status } from '../popup/fakes';

afterEach(cleanup);

function setup(more: MockHandlers) {
  const client = createMockClient({
    'ui:vault-status': () => status('unlocked'),
    'ui:list-accounts': () => accountsList([], { revision: 11 }),
    'ui:get-settings': () => defaultSettings,
    ...more,
  });
  const fake = createFakePlatform();
  render(<OptionsApp client={client} platform={fake.platform} />);
  return { client, fake };
}

const aegisImport: PreviewReply = {
  source: 'aegis',
  previews: [
    preview({ pendingId: 'i1', issuer: 'Amazon', accountName: 'ann' }),
    preview({ pendingId: 'i2', issuer: 'eBay', accountName: 'ann' }),
    preview({ pendingId: 'i3', issuer: 'GitHub', accountName: 'ann', duplicateOf: { id: 'a1', why: 'same-issuer-account' } }),
  ],
  unsupported: [
    { name: 'Yandex', reason: 'Yandex codes are not supported.' },
    { name: 'MOTP', reason: 'mOTP codes are not supported.' },
  ],
  errors: [],
};

function section(name: string) {
  return screen.getByRole('region', { name });
}

describe('options page', () => {
  it('imports a file: summary counts, then saves only the new accounts', async () => {
    const { client } = setup({
      'ui:preview-import': () => aegisImport,
      'ui:commit-pending': (m) => ({ added: m.pendingIds.length, revision: 12 }),
    });
    await screen.findByRole('heading', { name: 'Import from another app' });
    const importer = section('Import from another app');
    const file = new File(['{"version":1,"db":{}}'], 'aegis.json', { type: 'application/json' });
    fireEvent.change(within(importer).getByLabelText('Export file'), { target: { files: [file] } });
    await within(importer).findByText('Read aegis.json.');
    fireEvent.input(within(importer).getByLabelText(/Password of the export/), { target: { value: 'aegis pass' } });
    fireEvent.click(within(importer).getByRole('button', { name: 'Check the file' }));

    expect((await within(importer).findByTestId('preview-summary')).textContent).toBe('2 new, 1 duplicate, 2 unsupported');
    expect(within(importer).getByText(/Yandex codes are not supported/)).toBeTruthy();
    expect(client.callsOf('ui:preview-import')).toEqual([
      { type: 'ui:preview-import', text: '{"version":1,"db":{}}', password: 'aegis pass' },
    ]);
    fireEvent.click(within(importer).getByRole('button', { name: 'Save 2 accounts' }));
    expect((await within(importer).findByRole('status')).textContent).toBe('Imported 2 accounts.');
    expect(client.callsOf('ui:commit-pending')).toEqual([
      { type: 'ui:commit-pending', pendingIds: ['i1', 'i2'], expectedRevision: 11 },
    ]);
  });

  it('shows the reason when an import is rejected, and saves nothing', async () => {
    const { client } = setup({
      'ui:preview-import': () => {
        throw new BackgroundError('wrong-password', 'The Aegis password is wrong.');
      },
    });
    await screen.findByRole('heading', { name: 'Import from another app' });
    const importer = section('Import from another app');
    fireEvent.input(within(importer).getByLabelText(/Or paste/), { target: { value: '{}' } });
    fireEvent.click(within(importer).getByRole('button', { name: 'Check the file' }));
    expect((await within(importer).findByRole('alert')).textContent).toBe('The Aegis password is wrong.');
    expect(client.callsOf('ui:commit-pending')).toHaveLength(0);
  });

  it('checks a backup, then restores it by merging (the default)', async () => {
    const { client } = setup({
      'ui:inspect-backup': () => ({ token: 'restore-1', entries: 5, fresh: 3, duplicates: 2 }),
      'ui:restore-backup': () => ({ added: 3, revision: 12 }),
    });
    await screen.findByRole('heading', { name: 'Backup and restore' });
    const restore = section('Restore a backup');
    const file = new File(['{"format":"otp-guard-backup"}'], 'backup.json', { type: 'application/json' });
    fireEvent.change(within(restore).getByLabelText('Backup file'), { target: { files: [file] } });
    fireEvent.input(within(restore).getByLabelText('Password of the backup'), { target: { value: 'backup words' } });
    // The file is read asynchronously; wait until the check is accepted.
    await waitFor(async () => {
      fireEvent.click(within(restore).getByRole('button', { name: 'Check the backup' }));
      expect(client.callsOf('ui:inspect-backup')).toHaveLength(1);
    });
    expect((await within(restore).findByTestId('backup-summary')).textContent).toMatch(/5 accounts: 3 new, 2 already here/);
    expect((within(restore).getByLabelText(/Add the new accounts/) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(restore).getByRole('button', { name: 'Add from backup' }));
    expect((await within(restore).findByRole('status')).textContent).toBe('Restored. 3 accounts added.');
    expect(client.callsOf('ui:inspect-backup')).toEqual([
      { type: 'ui:inspect-backup', fileText: '{"format":"otp-guard-backup"}', password: 'backup words' },
    ]);
    expect(client.callsOf('ui:restore-backup')).toEqual([{ type: 'ui:restore-backup', token: 'restore-1', mode: 'merge' }]);
  });

  it('downloads an encrypted backup, with a separate password only when it is strong', async () => {
    const { client, fake } = setup({
      'ui:export-backup': () => ({ fileName: 'otp-guard-backup.json', fileText: '{"ciphertext":"…"}' }),
    });
    await screen.findByRole('heading', { name: 'Backup and restore' });
    fireEvent.click(screen.getByRole('button', { name: 'Download backup file' }));
    await waitFor(() => expect(fake.downloads).toEqual([{ fileName: 'otp-guard-backup.json', text: '{"ciphertext":"…"}' }]));
    expect(client.callsOf('ui:export-backup')).toEqual([{ type: 'ui:export-backup' }]);

    fireEvent.click(screen.getByLabelText(/a separate/));
    fireEvent.input(screen.getByLabelText('Backup password'), { target: { value: 'qwerty123' } });
    fireEvent.input(screen.getAllByLabelText('Type it again')[0] as HTMLElement, { target: { value: 'qwerty123' } });
    await screen.findByText(/weak/i);
    fireEvent.click(screen.getByRole('button', { name: 'Download backup file' }));
    expect((await screen.findByText(/too easy to guess/)).textContent).toBeTruthy();
    expect(client.callsOf('ui:export-backup')).toHaveLength(1);
  });

  it('saves a settings change at once', async () => {
    const { client } = setup({ 'ui:set-settings': (m) => ({ ...defaultSettings, ...m.patch }) });
    fireEvent.click(await screen.findByLabelText('Sync through my browser account'));
    await waitFor(() => expect(client.callsOf('ui:set-settings')).toEqual([{ type: 'ui:set-settings', patch: { sync: true } }]));
    expect(screen.getByText(/Only the encrypted vault/)).toBeTruthy();
  });
});
