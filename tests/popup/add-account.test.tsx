// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { PreviewReply } from '../../src/messaging/protocol';
import { App } from '../../src/popup/app';
import { BackgroundError } from '../../src/popup/client';
import { createMockClient, type MockHandlers } from '../../src/popup/client-mock';
import { accountsList, createFakePlatform, preview, status } from './fakes';

afterEach(cleanup);

const found: PreviewReply = {
  source: 'links',
  previews: [
    preview({ pendingId: 'p1', issuer: 'Amazon', accountName: 'ann', proposedDomains: ['amazon.com'] }),
    preview({ pendingId: 'p2', issuer: 'GitHub', accountName: 'ann', duplicateOf: { id: 'a9', why: 'same-secret' } }),
    preview({ pendingId: 'p3', issuer: 'Shop', accountName: 'bob', warnings: ['The secret is short (80 bits).'] }),
  ],
  unsupported: [{ name: 'Old token', reason: 'Counter-based codes with 10 digits are not supported.' }],
  errors: ['Line 5: this is not an otpauth:// link.'],
};

function setup(more: MockHandlers) {
  const client = createMockClient(
    {
      'ui:vault-status': () => status('unlocked'),
      'ui:list-accounts': () => accountsList([], { revision: 7 }),
      'ui:describe-tab': () => ({ verdict: 'unknown', reasons: [], confusables: [], trustedByUser: false }),
      ...more,
    },
  );
  const fake = createFakePlatform();
  render(<App client={client} platform={fake.platform} />);
  return { client, fake };
}

async function openAdd(source: string) {
  fireEvent.click(await screen.findByRole('button', { name: 'Add account' }));
  fireEvent.click(screen.getByRole('tab', { name: source }));
}

describe('add account', () => {
  it('pastes links, previews them with duplicates unchecked, and saves the chosen ones', async () => {
    const { client } = setup({
      'ui:preview-links': () => found,
      'ui:commit-pending': (m) => ({ added: m.pendingIds.length, revision: 8 }),
    });
    await openAdd('Paste links');
    fireEvent.input(screen.getByLabelText(/Links/), { target: { value: 'otpauth://totp/Amazon:ann?secret=JBSWY3DPEHPK3PXP' } });
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));

    expect((await screen.findByTestId('preview-summary')).textContent).toBe('2 new, 1 duplicate, 1 unsupported');
    const [amazon, github, shop] = screen.getAllByTestId('preview-row') as [HTMLElement, HTMLElement, HTMLElement];
    expect((within(amazon).getByRole('checkbox') as HTMLInputElement).checked).toBe(true);
    expect((within(github).getByRole('checkbox') as HTMLInputElement).checked).toBe(false);
    expect(within(github).getByText(/Already saved/)).toBeTruthy();
    expect(within(shop).getByText('The secret is short (80 bits).')).toBeTruthy();
    expect(screen.getByText(/Counter-based codes with 10 digits/)).toBeTruthy();
    expect(screen.getByText('Line 5: this is not an otpauth:// link.')).toBeTruthy();

    fireEvent.click(within(shop).getByRole('checkbox'));
    fireEvent.click(screen.getByRole('button', { name: 'Save 1 account' }));
    await screen.findByLabelText('Your codes');
    expect(client.callsOf('ui:preview-links')).toEqual([
      { type: 'ui:preview-links', text: 'otpauth://totp/Amazon:ann?secret=JBSWY3DPEHPK3PXP' },
    ]);
    expect(client.callsOf('ui:commit-pending')).toEqual([{ type: 'ui:commit-pending', pendingIds: ['p1'], expectedRevision: 7 }]);
  });

  it('saves edited sites with the accounts they belong to', async () => {
    const { client } = setup({
      'ui:preview-links': () => ({ ...found, previews: found.previews.slice(0, 1) }),
      'ui:commit-pending': (m) => ({ added: m.pendingIds.length, revision: 8 }),
    });
    await openAdd('Paste links');
    fireEvent.input(screen.getByLabelText(/Links/), { target: { value: 'otpauth://totp/x?secret=A' } });
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    const sites = await screen.findByRole('group', { name: 'Sites for Amazon (ann)' });
    fireEvent.click(within(sites).getByRole('button', { name: 'Add a site or host' }));
    fireEvent.input(within(sites).getByLabelText('Site or host 2'), { target: { value: 'amazon.de' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save 1 account' }));
    await waitFor(() => expect(client.callsOf('ui:commit-pending')).toHaveLength(1));
    expect(client.callsOf('ui:commit-pending')[0]).toEqual({
      type: 'ui:commit-pending',
      pendingIds: ['p1'],
      bindings: [{ host: 'amazon.com', within: 'amazon.com' }, 'amazon.de'],
      expectedRevision: 7,
    });
  });

  it('shows why scanning a lookalike page is refused', async () => {
    const { client } = setup({
      'ui:scan-tab': () => {
        throw new BackgroundError('refused', 'This page imitates Amazon (amaz0n-login.com): accounts are never added from it.');
      },
    });
    await openAdd('Scan this page');
    fireEvent.click(screen.getByRole('button', { name: 'Scan this page' }));
    expect((await screen.findByTestId('source-problem')).textContent).toBe(
      'This page imitates Amazon (amaz0n-login.com): accounts are never added from it.',
    );
    expect(client.callsOf('ui:scan-tab')).toEqual([{ type: 'ui:scan-tab' }]);
    expect(client.callsOf('ui:commit-pending')).toHaveLength(0);
  });

  it('sends the manual fields, advanced ones included', async () => {
    const { client } = setup({ 'ui:preview-manual': () => ({ ...found, previews: found.previews.slice(0, 1) }) });
    await openAdd('Manual');
    fireEvent.input(screen.getByLabelText(/Service/), { target: { value: 'Amazon' } });
    fireEvent.input(screen.getByLabelText(/Account/), { target: { value: 'ann' } });
    fireEvent.input(screen.getByLabelText('Secret key'), { target: { value: 'JBSW Y3DP EHPK 3PXP' } });
    fireEvent.change(screen.getByLabelText('Algorithm'), { target: { value: 'SHA256' } });
    fireEvent.input(screen.getByLabelText('Digits'), { target: { value: '8' } });
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    await screen.findByTestId('preview-summary');
    expect(client.callsOf('ui:preview-manual')).toEqual([
      {
        type: 'ui:preview-manual',
        issuer: 'Amazon',
        accountName: 'ann',
        secret: 'JBSW Y3DP EHPK 3PXP',
        kind: 'totp',
        algorithm: 'SHA256',
        digits: 8,
        period: 30,
        counter: 0,
      },
    ]);
  });

  it('reads a chosen image as a data URL for the background, and links to a tab for Firefox', async () => {
    const { client, fake } = setup({ 'ui:preview-image': () => ({ ...found, previews: found.previews.slice(0, 1) }) });
    await openAdd('QR image');
    const file = new File([new Uint8Array([137, 80, 78, 71])], 'qr.png', { type: 'image/png' });
    fireEvent.change(screen.getByLabelText(/Choose an image/), { target: { files: [file] } });
    await screen.findByTestId('preview-summary');
    expect(client.callsOf('ui:preview-image')).toEqual([{ type: 'ui:preview-image', dataUrl: 'data:image/png;base64,iVBORw==' }]);
    fireEvent.click(screen.getByRole('button', { name: '← Back' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Open in a tab' }));
    expect(fake.openedSections).toEqual(['qr']);
  });
});
