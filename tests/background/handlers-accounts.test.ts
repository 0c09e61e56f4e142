/** The account list handlers — list, preview links, save, delete, undo — over the fake-browser Services. */
import { describe, expect, it } from 'vitest';
import { uiHandlers } from '../../src/background/handlers';
import { type ExtensionPageSender, HandlerError } from '../../src/messaging/router';
import { buildBackground, PASSWORD, totpLink, unlockedWith } from './fakes';

const popup: ExtensionPageSender = { role: 'extension-page', page: 'src/popup/index.html' };

async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HandlerError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal, got a reply');
}

async function setup(accounts: [string, string[]][] = [['Amazon', ['amazon.com']]]) {
  const bg = buildBackground();
  const added = await unlockedWith(bg, accounts);
  return { bg, ui: uiHandlers(bg.services), ids: added.map((account) => account.id) };
}

describe('ui:list-accounts', () => {
  it('lists each account with its code and domains, never its secret', async () => {
    const { bg, ui, ids } = await setup();
    const list = await ui['ui:list-accounts']({ type: 'ui:list-accounts' }, popup);
    expect(list).toMatchObject({ revision: bg.vault.revision, damaged: [], readOnly: false });
    expect(list.accounts).toHaveLength(1);
    expect(list.accounts[0]).toMatchObject({ id: ids[0], issuer: 'Amazon', domains: ['amazon.com'], kind: 'totp' });
    expect(list.accounts[0]?.code).toMatch(/^\d{6}$/);
    expect(JSON.stringify(list)).not.toContain('JBSWY3DPEHPK3PXP');
  });

  it('reminds of a backup while accounts changed since the last one, and only if the setting is on', async () => {
    const { bg, ui } = await setup();
    expect((await ui['ui:list-accounts']({ type: 'ui:list-accounts' }, popup)).backupReminder).toBe(true);
    await ui['ui:export-backup']({ type: 'ui:export-backup' }, popup);
    expect((await ui['ui:list-accounts']({ type: 'ui:list-accounts' }, popup)).backupReminder).toBe(false);
    await bg.services.backupReminder.exported(-1);
    await ui['ui:set-settings']({ type: 'ui:set-settings', patch: { backupReminder: false } }, popup);
    expect((await ui['ui:list-accounts']({ type: 'ui:list-accounts' }, popup)).backupReminder).toBe(false);
  });

  it('refuses while locked', async () => {
    const { bg, ui } = await setup();
    await bg.vault.lock();
    expect((await refusal(ui['ui:list-accounts']({ type: 'ui:list-accounts' }, popup))).code).toBe('locked');
  });
});

describe('ui:vault-status', () => {
  it('says whether there is a vault and whether it is open', async () => {
    const fresh = buildBackground();
    expect((await uiHandlers(fresh.services)['ui:vault-status']({ type: 'ui:vault-status' }, popup)).state).toBe('none');
    const { bg, ui } = await setup();
    expect((await ui['ui:vault-status']({ type: 'ui:vault-status' }, popup)).state).toBe('unlocked');
    await bg.vault.lock();
    expect((await ui['ui:vault-status']({ type: 'ui:vault-status' }, popup)).state).toBe('locked');
  });
});

describe('ui:preview-links and ui:commit-pending', () => {
  it('previews good links, names each bad line, and saves only what the user kept', async () => {
    const { bg, ui } = await setup();
    const text = `${totpLink('GitHub')}\nnot a link\n${totpLink('GitLab')}`;
    const preview = await ui['ui:preview-links']({ type: 'ui:preview-links', text }, popup);
    expect(preview.source).toBe('links');
    expect(preview.previews.map((item) => item.issuer)).toEqual(['GitHub', 'GitLab']);
    expect(preview.errors).toHaveLength(1);
    expect(preview.errors[0]).toMatch(/^Line 2: /);
    const kept = preview.previews[0]?.pendingId ?? '';
    const saved = await ui['ui:commit-pending']({ type: 'ui:commit-pending', pendingIds: [kept], expectedRevision: bg.vault.revision }, popup);
    expect(saved).toEqual({ added: 1, revision: bg.vault.revision });
    expect(bg.vault.accounts().map((account) => account.issuer).sort()).toEqual(['Amazon', 'GitHub']);
    expect(bg.services.broadcastPageState).toHaveBeenCalledTimes(1);
    // A saved draft is gone from memory: saving it again is refused.
    const again = { type: 'ui:commit-pending' as const, pendingIds: [kept], expectedRevision: bg.vault.revision };
    expect(await refusal(ui['ui:commit-pending'](again, popup))).toEqual({
      code: 'expired',
      message: 'This preview has expired. Please add the accounts again.',
    });
  });

  it('says so when the text holds no link at all', async () => {
    const { ui } = await setup();
    const preview = await ui['ui:preview-links']({ type: 'ui:preview-links', text: '   ' }, popup);
    expect(preview.previews).toEqual([]);
    expect(preview.errors).toEqual(['No otpauth:// link found.']);
  });

  it('saves the domains the user chose instead of the proposed ones, as registrable domains', async () => {
    const { bg, ui } = await setup();
    const preview = await ui['ui:preview-links']({ type: 'ui:preview-links', text: totpLink('GitHub') }, popup);
    const pendingIds = preview.previews.map((item) => item.pendingId);
    const message = { type: 'ui:commit-pending' as const, pendingIds, domains: ['https://www.github.com/login'], expectedRevision: bg.vault.revision };
    await ui['ui:commit-pending'](message, popup);
    expect(bg.vault.accounts().find((account) => account.issuer === 'GitHub')?.domains).toEqual(['github.com']);
  });

  it('keeps the proposed domains when the user chose none', async () => {
    const { bg, ui } = await setup();
    const preview = await ui['ui:preview-links']({ type: 'ui:preview-links', text: totpLink('GitHub') }, popup);
    const pendingIds = preview.previews.map((item) => item.pendingId);
    await ui['ui:commit-pending']({ type: 'ui:commit-pending', pendingIds, expectedRevision: bg.vault.revision }, popup);
    expect(bg.vault.accounts().find((account) => account.issuer === 'GitHub')?.domains).toEqual(preview.previews[0]?.proposedDomains);
  });

  it('a stale revision saves nothing and keeps the drafts for another try', async () => {
    const { bg, ui } = await setup();
    const preview = await ui['ui:preview-links']({ type: 'ui:preview-links', text: totpLink('GitHub') }, popup);
    const pendingIds = preview.previews.map((item) => item.pendingId);
    const stale = { type: 'ui:commit-pending' as const, pendingIds, expectedRevision: bg.vault.revision - 1 };
    expect((await refusal(ui['ui:commit-pending'](stale, popup))).code).toBe('conflict');
    expect(bg.vault.accounts()).toHaveLength(1);
    expect(bg.services.broadcastPageState).not.toHaveBeenCalled();
    const fresh = { ...stale, expectedRevision: bg.vault.revision };
    expect((await ui['ui:commit-pending'](fresh, popup)).added).toBe(1);
  });

  it('refuses both while locked', async () => {
    const { bg, ui } = await setup();
    await bg.vault.lock();
    expect((await refusal(ui['ui:preview-links']({ type: 'ui:preview-links', text: totpLink('GitHub') }, popup))).code).toBe('locked');
    const commit = { type: 'ui:commit-pending' as const, pendingIds: ['id-1'], expectedRevision: 0 };
    expect((await refusal(ui['ui:commit-pending'](commit, popup))).code).toBe('locked');
  });
});

describe('ui:delete-account and ui:undo-delete', () => {
  it('deletes, and undo brings the same account back once', async () => {
    const { bg, ui, ids } = await setup([
      ['Amazon', ['amazon.com']],
      ['GitHub', ['github.com']],
    ]);
    const id = ids[0] ?? '';
    const before = bg.vault.account(id);
    const deleted = await ui['ui:delete-account']({ type: 'ui:delete-account', id, expectedRevision: bg.vault.revision }, popup);
    expect(deleted.revision).toBe(bg.vault.revision);
    expect(bg.vault.account(id)).toBeUndefined();
    const undone = await ui['ui:undo-delete']({ type: 'ui:undo-delete', undoToken: deleted.undoToken }, popup);
    expect(undone).toEqual({ revision: bg.vault.revision });
    expect(bg.vault.account(id)).toMatchObject({ id, issuer: before?.issuer, domains: before?.domains });
    expect(await refusal(ui['ui:undo-delete']({ type: 'ui:undo-delete', undoToken: deleted.undoToken }, popup))).toEqual({
      code: 'undo-expired',
      message: 'Too late to undo: the account was deleted.',
    });
  });

  it('refuses an account that no longer exists, a stale revision (deleting nothing), and while locked', async () => {
    const { bg, ui, ids } = await setup();
    const id = ids[0] ?? '';
    const gone = { type: 'ui:delete-account' as const, id: 'no-such-id', expectedRevision: bg.vault.revision };
    expect(await refusal(ui['ui:delete-account'](gone, popup))).toEqual({ code: 'not-found', message: 'That account no longer exists.' });
    const stale = { type: 'ui:delete-account' as const, id, expectedRevision: bg.vault.revision - 1 };
    expect((await refusal(ui['ui:delete-account'](stale, popup))).code).toBe('conflict');
    expect(bg.vault.account(id)).toBeDefined();
    expect(bg.secrets.size()).toBe(0);
    await bg.vault.lock();
    expect((await refusal(ui['ui:delete-account']({ ...stale, expectedRevision: bg.vault.revision }, popup))).code).toBe('locked');
    expect((await refusal(ui['ui:undo-delete']({ type: 'ui:undo-delete', undoToken: 'id-1' }, popup))).code).toBe('locked');
  });

  it('undo after the minute is too late', async () => {
    const { bg, ui, ids } = await setup();
    const id = ids[0] ?? '';
    const deleted = await ui['ui:delete-account']({ type: 'ui:delete-account', id, expectedRevision: bg.vault.revision }, popup);
    bg.clock.advance(61_000);
    expect((await refusal(ui['ui:undo-delete']({ type: 'ui:undo-delete', undoToken: deleted.undoToken }, popup))).code).toBe('undo-expired');
    expect(bg.vault.account(id)).toBeUndefined();
  });
});

it('a vault unlocked again after a lock lists the same accounts', async () => {
  const { bg, ui, ids } = await setup();
  await bg.vault.lock();
  await ui['ui:unlock']({ type: 'ui:unlock', password: PASSWORD }, popup);
  expect((await ui['ui:list-accounts']({ type: 'ui:list-accounts' }, popup)).accounts.map((account) => account.id)).toEqual(ids);
});
