// @vitest-environment happy-dom
/**
 * The popup's view of bindings (issue 11): the account editor and the preview list show where a code is
 * asked (whole site / this host and below), let the user add, narrow and remove, send `bindings`, and show
 * the background's refusals — produced here by the background's own parser, so the words are the core's.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { parseBindingInputs } from '../../src/background/binding-input';
import type { AccountsList, BindingInput, PreviewReply } from '../../src/messaging/protocol';
import { HandlerError } from '../../src/messaging/router';
import { App } from '../../src/popup/app';
import { BackgroundError } from '../../src/popup/client';
import { createMockClient, type MockHandlers } from '../../src/popup/client-mock';
import { PreviewList } from '../../src/popup/views/preview-list';
import { account, accountsList, createFakePlatform, preview, renderWith, status } from './fakes';

afterEach(cleanup);

/** What the background does with `bindings`: parse them all, or refuse with the core's sentence. */
function backgroundParse(bindings: readonly BindingInput[] | undefined): void {
  try {
    parseBindingInputs(bindings ?? []);
  } catch (error) {
    if (error instanceof HandlerError) throw new BackgroundError(error.code, error.message);
    throw error;
  }
}

const aws = account({ id: 'aws', issuer: 'AWS', accountName: 'root', domains: ['amazon.com'], bindings: ['aws.amazon.com'] });
const shop = account({ id: 'shop', issuer: 'Amazon', accountName: 'ann', domains: ['amazon.com', 'amazon.de'], bindings: ['amazon.com', 'amazon.de'] });
/** An account as an older background reports it: `domains` only. */
const old = account({ id: 'old', issuer: 'GitHub', accountName: 'ann', domains: ['github.com'] });

function setup(list: AccountsList, more: MockHandlers = {}) {
  const client = createMockClient({
    'ui:vault-status': () => status('unlocked'),
    'ui:list-accounts': () => list,
    'ui:update-account': (message) => {
      backgroundParse(message.bindings);
      return { revision: 4 };
    },
    ...more,
  });
  render(<App client={client} platform={createFakePlatform().platform} />);
  return client;
}

async function openEditor(label: string): Promise<HTMLElement> {
  fireEvent.click(await screen.findByRole('button', { name: `Actions for ${label}` }));
  fireEvent.click(screen.getByRole('button', { name: `Edit ${label}` }));
  return screen.getByRole('group', { name: 'Where this code is asked' });
}

const rowTexts = (group: HTMLElement) =>
  within(group)
    .getAllByTestId('binding-row')
    .map((row) => `${(row.querySelector('input') as HTMLInputElement).value} ${row.querySelector('.scope')?.textContent ?? '-'}`);

describe('account editor: bindings', () => {
  it('shows each binding with its scope: a whole site, or a host and below', async () => {
    setup(accountsList([aws, shop, old]));
    expect(rowTexts(await openEditor('AWS (root)'))).toEqual(['aws.amazon.com this host and below']);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(rowTexts(await openEditor('Amazon (ann)'))).toEqual(['amazon.com whole site', 'amazon.de whole site']);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    // No `bindings` reported (an old account): its domains are its whole-site bindings.
    expect(rowTexts(await openEditor('GitHub (ann)'))).toEqual(['github.com whole site']);
  });

  it('narrows a site to a host in place, removes one, adds one, and sends them as bindings', async () => {
    const client = setup(accountsList([shop]));
    const group = await openEditor('Amazon (ann)');
    fireEvent.input(within(group).getByLabelText('Site or host 1'), { target: { value: 'aws.amazon.com' } });
    expect(rowTexts(group)[0]).toBe('aws.amazon.com this host and below');
    fireEvent.click(within(group).getByRole('button', { name: 'Remove amazon.de' }));
    fireEvent.click(within(group).getByRole('button', { name: 'Add a site or host' }));
    fireEvent.input(within(group).getByLabelText('Site or host 2'), { target: { value: 'amazon.co.uk' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByTestId('notice')).textContent).toBe('Saved.');
    expect(client.callsOf('ui:update-account')).toEqual([
      {
        type: 'ui:update-account',
        id: 'shop',
        issuer: 'Amazon',
        accountName: 'ann',
        bindings: [{ host: 'aws.amazon.com', within: 'amazon.com' }, 'amazon.co.uk'],
        expectedRevision: 3,
      },
    ]);
  });

  it.each([
    ['a public suffix', 'co.uk', 'add', '“co.uk” is a public suffix shared by many sites (like co.uk or github.io); name the site itself.'],
    ['an IP address', '192.168.1.10', 'add', '“192.168.1.10” is an IP address; codes are bound to named sites only.'],
    ['a host outside the site being narrowed', 'aws.evil.com', 'narrow', '“aws.evil.com” is not part of amazon.com.'],
    ['a malformed name', 'exa mple.com', 'add', '“exa mple.com” is not a site\'s host name.'],
  ])('shows the refusal of %s next to the field, in the core’s words, and keeps the editor open', async (_, text, how, message) => {
    const client = setup(accountsList([shop]));
    const group = await openEditor('Amazon (ann)');
    if (how === 'narrow') fireEvent.input(within(group).getByLabelText('Site or host 1'), { target: { value: text } });
    else {
      fireEvent.click(within(group).getByRole('button', { name: 'Add a site or host' }));
      fireEvent.input(within(group).getByLabelText('Site or host 3'), { target: { value: text } });
    }
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const problem = await within(group).findByTestId('edit-shop-bindings-problem');
    expect(problem.textContent).toBe(message);
    expect(client.callsOf('ui:update-account')).toHaveLength(1);
    expect(client.callsOf('ui:list-accounts')).toHaveLength(1);
    expect(screen.getByRole('group', { name: 'Where this code is asked' })).toBe(group);
  });

  it('says when no site is left, and sends an empty list (the code is filled nowhere)', async () => {
    const client = setup(accountsList([aws]));
    const group = await openEditor('AWS (root)');
    fireEvent.click(within(group).getByRole('button', { name: 'Remove aws.amazon.com' }));
    expect(within(group).getByText('No site: this code is never filled anywhere.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(client.callsOf('ui:update-account')).toHaveLength(1));
    expect(client.callsOf('ui:update-account')[0]?.bindings).toEqual([]);
  });
});

const proposals: PreviewReply = {
  source: 'links',
  previews: [
    preview({ pendingId: 'p1', issuer: 'AWS', accountName: 'root', proposedDomains: ['amazon.com'], proposedBindings: ['aws.amazon.com'] }),
    preview({ pendingId: 'p2', issuer: 'Amazon', accountName: 'ann', proposedDomains: ['amazon.com', 'amazon.de'], proposedBindings: ['amazon.com', 'amazon.de'] }),
    preview({ pendingId: 'p3', issuer: 'Old', accountName: 'x', proposedDomains: ['example.org'] }),
  ],
  unsupported: [],
  errors: [],
};

function renderPreview(more: MockHandlers = {}) {
  const client = createMockClient({
    'ui:commit-pending': (message) => {
      backgroundParse(message.bindings);
      return { added: message.pendingIds.length, revision: 8 };
    },
    ...more,
  });
  const saved: number[] = [];
  renderWith(client, createFakePlatform(), <PreviewList reply={proposals} revision={7} onSaved={(added) => saved.push(added)} />);
  return { client, saved };
}

const previewGroup = (label: string) => screen.getByRole('group', { name: `Sites for ${label}` });

describe('preview list: proposed bindings', () => {
  it('shows the proposed bindings of each entry and, unedited, saves them as proposed', async () => {
    const { client, saved } = renderPreview();
    expect(rowTexts(previewGroup('AWS (root)'))).toEqual(['aws.amazon.com this host and below']);
    expect(rowTexts(previewGroup('Amazon (ann)'))).toEqual(['amazon.com whole site', 'amazon.de whole site']);
    expect(rowTexts(previewGroup('Old (x)'))).toEqual(['example.org whole site']);
    fireEvent.click(screen.getByRole('button', { name: 'Save 3 accounts' }));
    await waitFor(() => expect(saved).toEqual([3]));
    expect(client.callsOf('ui:commit-pending')).toEqual([{ type: 'ui:commit-pending', pendingIds: ['p1', 'p2', 'p3'], expectedRevision: 7 }]);
  });

  it('sends edited bindings with their own entries, one commit per distinct list', async () => {
    const { client, saved } = renderPreview();
    const amazon = previewGroup('Amazon (ann)');
    fireEvent.click(within(amazon).getByRole('button', { name: 'Remove amazon.de' }));
    const old = previewGroup('Old (x)');
    fireEvent.input(within(old).getByLabelText('Site or host 1'), { target: { value: 'login.example.org' } });
    expect(rowTexts(old)).toEqual(['login.example.org this host and below']);
    fireEvent.click(screen.getByRole('button', { name: 'Save 3 accounts' }));
    await waitFor(() => expect(saved).toEqual([3]));
    expect(client.callsOf('ui:commit-pending')).toEqual([
      { type: 'ui:commit-pending', pendingIds: ['p1'], expectedRevision: 7 },
      { type: 'ui:commit-pending', pendingIds: ['p2'], bindings: [{ host: 'amazon.com', within: 'amazon.com' }], expectedRevision: 8 },
      { type: 'ui:commit-pending', pendingIds: ['p3'], bindings: [{ host: 'login.example.org', within: 'example.org' }], expectedRevision: 8 },
    ]);
  });

  it('shows a refusal next to the entry whose bindings were refused, not as a general error', async () => {
    const { client, saved } = renderPreview();
    const amazon = previewGroup('Amazon (ann)');
    fireEvent.click(within(amazon).getByRole('button', { name: 'Add a site or host' }));
    fireEvent.input(within(amazon).getByLabelText('Site or host 3'), { target: { value: 'github.io' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save 3 accounts' }));
    const problem = await within(amazon).findByTestId('preview-p2-bindings-problem');
    expect(problem.textContent).toBe('“github.io” is a public suffix shared by many sites (like co.uk or github.io); name the site itself.');
    expect(within(previewGroup('AWS (root)')).queryByRole('alert')).toBeNull();
    expect(saved).toEqual([]);
    expect(client.callsOf('ui:commit-pending').map((call) => call.pendingIds)).toEqual([['p1', 'p3'], ['p2']]);

    // The others were saved before the refusal: a retry commits only the refused entry, on the latest revision.
    fireEvent.click(within(amazon).getByRole('button', { name: 'Remove github.io' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save 1 account' }));
    await waitFor(() => expect(saved).toEqual([3]));
    expect(client.callsOf('ui:commit-pending')[2]).toEqual({
      type: 'ui:commit-pending',
      pendingIds: ['p2'],
      bindings: [
        { host: 'amazon.com', within: 'amazon.com' },
        { host: 'amazon.de', within: 'amazon.de' },
      ],
      expectedRevision: 8,
    });
  });
});
