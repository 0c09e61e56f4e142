/** Lock, unlock and restore handlers, and the secrets the background keeps in memory meanwhile. */
import { describe, expect, it, vi } from 'vitest';
import { commitPending } from '../../src/background/handlers/commit-pending';
import { deleteAccount } from '../../src/background/handlers/delete-account';
import { inspectBackup } from '../../src/background/handlers/inspect-backup';
import { lock } from '../../src/background/handlers/lock';
import { previewLinks } from '../../src/background/handlers/preview-links';
import { restoreBackup } from '../../src/background/handlers/restore-backup';
import { undoDelete } from '../../src/background/handlers/undo-delete';
import { unlock } from '../../src/background/handlers/unlock';
import { SecretMemory } from '../../src/background/secret-memory';
import { LOCK_AT_KEY } from '../../src/background/session/auto-lock';
import { HandlerError, type ExtensionPageSender } from '../../src/messaging/router';
import { type Background, buildBackground, draftFor, PASSWORD, restartWorker, totpLink, unlockedWith } from './fakes';

const popup: ExtensionPageSender = { role: 'extension-page', page: 'src/popup/index.html' };

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HandlerError) return error.code;
    throw error;
  }
  return 'ok';
}

/** One of each secret held in memory: a preview draft, an inspected backup, an undo item. */
async function holdSecrets(bg: Background) {
  const preview = await previewLinks(bg.services)({ type: 'ui:preview-links', text: totpLink('Etsy') }, popup);
  const backup = must(await bg.vault.exportBackup());
  const inspected = await inspectBackup(bg.services)({ type: 'ui:inspect-backup', fileText: backup.text, password: PASSWORD }, popup);
  const [first] = bg.vault.accounts();
  const deleted = await deleteAccount(bg.services)({ type: 'ui:delete-account', id: first?.id ?? '', expectedRevision: bg.vault.revision }, popup);
  expect(bg.secrets.size()).toBe(3);
  return { pendingIds: preview.previews.map((item) => item.pendingId), token: inspected.token, undoToken: deleted.undoToken };
}

function must<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('ui:lock', () => {
  it('locks, erases the session key, and forgets every draft, inspected backup and undo item', async () => {
    const bg = buildBackground();
    await unlockedWith(bg, [['Amazon', ['amazon.com']], ['GitHub', ['github.com']]]);
    const held = await holdSecrets(bg);
    const status = await lock(bg.services)({ type: 'ui:lock' }, popup);
    expect(status.state).toBe('locked');
    expect(bg.secrets.size()).toBe(0);
    expect(await restartWorker(bg).vault.resume()).toBe(false);
    // Unlocked again, none of them comes back.
    must(await bg.vault.unlock(PASSWORD));
    const revision = bg.vault.revision;
    expect(await codeOf(commitPending(bg.services)({ type: 'ui:commit-pending', pendingIds: held.pendingIds, expectedRevision: revision }, popup))).toBe('expired');
    expect(await codeOf(restoreBackup(bg.services)({ type: 'ui:restore-backup', token: held.token, mode: 'merge' }, popup))).toBe('expired');
    expect(await codeOf(undoDelete(bg.services)({ type: 'ui:undo-delete', undoToken: held.undoToken }, popup))).toBe('undo-expired');
  });

  it('auto-lock forgets them too', async () => {
    const bg = buildBackground();
    await unlockedWith(bg, [['Amazon', ['amazon.com']], ['GitHub', ['github.com']]]);
    await holdSecrets(bg);
    await bg.services.autoLock.touch(1);
    bg.clock.advance(60_000);
    await bg.services.autoLock.lockIfDue();
    expect(bg.secrets.size()).toBe(0);
  });

  it('says clearly when the session key could not be erased, and is locked here anyway', async () => {
    const bg = buildBackground();
    await unlockedWith(bg);
    bg.session.fail('set');
    bg.session.fail('remove');
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await codeOf(lock(bg.services)({ type: 'ui:lock' }, popup))).toBe('lock-incomplete');
    expect(bg.vault.unlocked).toBe(false);
  });
});

describe('ui:unlock', () => {
  it('unlocks and starts the auto-lock deadline', async () => {
    const bg = buildBackground();
    await unlockedWith(bg);
    await bg.vault.lock();
    const status = await unlock(bg.services)({ type: 'ui:unlock', password: PASSWORD }, popup);
    expect(status.state).toBe('unlocked');
    expect(bg.session.data.get(LOCK_AT_KEY)).toBe(bg.clock.now() + 15 * 60_000);
  });

  it('stays locked when the auto-lock deadline cannot be stored (a later worker would never lock)', async () => {
    const bg = buildBackground();
    await unlockedWith(bg);
    await bg.vault.lock();
    const set = bg.session.set.bind(bg.session);
    bg.session.set = async (items) => {
      if (LOCK_AT_KEY in items) throw new Error('quota');
      return set(items);
    };
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await codeOf(unlock(bg.services)({ type: 'ui:unlock', password: PASSWORD }, popup))).toBe('storage-failed');
    expect(bg.vault.unlocked).toBe(false);
    expect(await restartWorker(bg).vault.resume()).toBe(false);
  });

  it('a wrong password is refused and counted', async () => {
    const bg = buildBackground();
    await unlockedWith(bg);
    await bg.vault.lock();
    expect(await codeOf(unlock(bg.services)({ type: 'ui:unlock', password: 'wrong' }, popup))).toBe('wrong-password');
    expect(bg.vault.unlocked).toBe(false);
  });
});

describe('ui:inspect-backup and ui:restore-backup', () => {
  it('restores an inspected backup once; the token is spent', async () => {
    const bg = buildBackground();
    await unlockedWith(bg, [['Amazon', ['amazon.com']]]);
    const file = must(await bg.vault.exportBackup());
    const [only] = bg.vault.accounts();
    must(await bg.vault.removeAccounts([only?.id ?? ''], bg.vault.revision));
    const inspected = await inspectBackup(bg.services)({ type: 'ui:inspect-backup', fileText: file.text, password: PASSWORD }, popup);
    expect(inspected).toMatchObject({ entries: 1, fresh: 1 });
    const restored = await restoreBackup(bg.services)({ type: 'ui:restore-backup', token: inspected.token, mode: 'merge' }, popup);
    expect(restored.added).toBe(1);
    expect(bg.vault.accounts().map((account) => account.issuer)).toEqual(['Amazon']);
    expect(await codeOf(restoreBackup(bg.services)({ type: 'ui:restore-backup', token: inspected.token, mode: 'merge' }, popup))).toBe('expired');
  });

  it('refuses while locked, and after the inspection expired', async () => {
    const bg = buildBackground();
    await unlockedWith(bg);
    const file = must(await bg.vault.exportBackup());
    const inspected = await inspectBackup(bg.services)({ type: 'ui:inspect-backup', fileText: file.text, password: PASSWORD }, popup);
    bg.clock.advance(10 * 60_000);
    expect(await codeOf(restoreBackup(bg.services)({ type: 'ui:restore-backup', token: inspected.token, mode: 'merge' }, popup))).toBe('expired');
    await bg.vault.lock();
    expect(await codeOf(restoreBackup(bg.services)({ type: 'ui:restore-backup', token: 'any', mode: 'merge' }, popup))).toBe('locked');
  });
});

describe('SecretMemory', () => {
  it('each item expires on its own clock; clear() empties every kind', () => {
    let now = 1000;
    const memory = new SecretMemory(() => now);
    memory.put('draft', 'd', draftFor('A', []), 100);
    memory.put('undo', 'u', { ...draftFor('B', []), bindings: [], id: 'b', createdAt: 0, updatedAt: 0, order: 0 }, 50);
    expect(memory.size()).toBe(2);
    now = 1049;
    expect(memory.get('undo', 'u')?.issuer).toBe('B');
    now = 1050;
    expect(memory.get('undo', 'u')).toBeUndefined();
    expect(memory.get('draft', 'd')?.issuer).toBe('A');
    expect(memory.get('undo', 'd')).toBeUndefined();
    memory.clear();
    expect(memory.get('draft', 'd')).toBeUndefined();
    expect(memory.size()).toBe(0);
  });
});
