/** VaultSession beyond lock and resume: what it reports, two windows at once, sync, names. */
import { describe, expect, it, vi } from 'vitest';
import { displayName } from '../../src/background/session/vault-session';
import { MemoryStore } from '../../src/core/vault/memory-store';
import { buildBackground, draftFor, PASSWORD, restartWorker, unlockedWith } from './fakes';

describe('displayName', () => {
  it('joins issuer and account name, and names an account that has neither', () => {
    expect(displayName({ issuer: 'Amazon', accountName: 'me@example.com' })).toBe('Amazon — me@example.com');
    expect(displayName({ issuer: 'Amazon', accountName: '' })).toBe('Amazon');
    expect(displayName({ issuer: '', accountName: 'me@example.com' })).toBe('me@example.com');
    expect(displayName({ issuer: '', accountName: '' })).toBe('Unnamed account');
  });
});

describe('VaultSession: what it reports', () => {
  it('while locked: revision 0, not read-only, not degraded, no accounts', async () => {
    const bg = buildBackground();
    await unlockedWith(bg);
    expect(bg.vault.revision).toBeGreaterThan(0);
    await bg.vault.lock();
    expect(bg.vault.revision).toBe(0);
    expect(bg.vault.readOnly).toBe(false);
    expect(bg.vault.degraded).toBeNull();
    expect(bg.vault.accounts()).toEqual([]);
  });

  it('finds an account by its own id', async () => {
    const bg = buildBackground();
    const [amazon, github] = await unlockedWith(bg, [
      ['Amazon', ['amazon.com']],
      ['GitHub', ['github.com']],
    ]);
    expect(bg.vault.account(github?.id ?? '')?.issuer).toBe('GitHub');
    expect(bg.vault.account(amazon?.id ?? '')?.issuer).toBe('Amazon');
    expect(bg.vault.account('no-such-id')).toBeUndefined();
  });

  it('lists accounts in their order, new ones last', async () => {
    const bg = buildBackground();
    const added = await unlockedWith(bg, [
      ['Amazon', ['amazon.com']],
      ['GitHub', ['github.com']],
    ]);
    const more = await bg.vault.addDrafts([draftFor('GitLab', ['gitlab.com'])], bg.vault.revision, bg.services.newId);
    expect(more.ok && more.value[0]?.order).toBe(2);
    const [amazon, github] = added;
    if (!amazon || !github) throw new Error('setup');
    expect((await bg.vault.putAccounts([{ ...amazon, order: 5 }], bg.vault.revision)).ok).toBe(true);
    expect(bg.vault.accounts().map((account) => account.issuer)).toEqual(['GitHub', 'GitLab', 'Amazon']);
  });

  it('status: no vault, locked, unlocked', async () => {
    const bg = buildBackground();
    expect(await bg.vault.status()).toEqual({ state: 'none', readOnly: false, retryAfterMs: 0, damaged: [] });
    await unlockedWith(bg);
    expect(await bg.vault.status()).toMatchObject({ state: 'unlocked', readOnly: false, retryAfterMs: 0, damaged: [] });
    await bg.vault.lock();
    expect(await bg.vault.status()).toMatchObject({ state: 'locked', readOnly: false, damaged: [] });
  });

  it('status of a vault that cannot be read: read-only, and the open state as it is in this worker', async () => {
    let failing = false;
    const store = new MemoryStore({ failOn: (op) => failing && op === 'get' });
    const bg = buildBackground({ store });
    await unlockedWith(bg);
    failing = true;
    const open = await bg.vault.status();
    expect(open).toMatchObject({ state: 'unlocked', readOnly: true, retryAfterMs: 0, damaged: [] });
    expect(open.readOnlyReason).toMatch(/^The vault could not be read: .+\. Nothing was changed\.$/);
    failing = false;
    await bg.vault.lock();
    failing = true;
    expect(await bg.vault.status()).toMatchObject({ state: 'locked', readOnly: true });
  });
});

describe('VaultSession: two windows (workers) over one vault', () => {
  it('a save from a stale window is refused as a conflict, and that window then shows the other’s change', async () => {
    const bg = buildBackground();
    const [amazon] = await unlockedWith(bg);
    const other = restartWorker(bg);
    expect(await other.vault.resume()).toBe(true);
    const stale = other.vault.revision;
    expect((await bg.vault.addDrafts([draftFor('GitHub', ['github.com'])], bg.vault.revision, bg.services.newId)).ok).toBe(true);
    if (!amazon) throw new Error('setup');
    const put = await other.vault.putAccounts([{ ...amazon, issuer: 'Amazon EU' }], stale);
    expect(put).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(other.vault.accounts().map((account) => account.issuer)).toEqual(['Amazon', 'GitHub']);
  });

  it('a delete from a stale window is refused as a conflict too, and deletes nothing', async () => {
    const bg = buildBackground();
    const [amazon] = await unlockedWith(bg);
    const other = restartWorker(bg);
    expect(await other.vault.resume()).toBe(true);
    const stale = other.vault.revision;
    expect((await bg.vault.addDrafts([draftFor('GitHub', ['github.com'])], bg.vault.revision, bg.services.newId)).ok).toBe(true);
    const removed = await other.vault.removeAccounts([amazon?.id ?? ''], stale);
    expect(removed).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(other.vault.accounts().map((account) => account.issuer)).toEqual(['Amazon', 'GitHub']);
  });

  it('refuses to write while locked', async () => {
    const bg = buildBackground();
    const [amazon] = await unlockedWith(bg);
    await bg.vault.lock();
    if (!amazon) throw new Error('setup');
    expect(await bg.vault.putAccounts([amazon], 1)).toMatchObject({ ok: false, error: { code: 'no-vault', message: 'OTP Guard is locked: unlock it first.' } });
    expect(await bg.vault.removeAccounts([amazon.id], 1)).toMatchObject({ ok: false, error: { code: 'no-vault' } });
    expect(await bg.vault.changePassword(PASSWORD, 'another long passphrase')).toMatchObject({ ok: false, error: { code: 'no-vault' } });
    expect(await bg.vault.syncWith(new MemoryStore())).toMatchObject({ ok: false, error: { code: 'no-vault' } });
  });
});

describe('VaultSession.syncWith', () => {
  it('pushes to an empty sync area, brings another device’s account in, and a quiet sync changes nothing', async () => {
    const sync = new MemoryStore();
    const a = buildBackground();
    await unlockedWith(a);
    // Device B starts from the same vault (as if restored from A), then adds an account of its own.
    const b = buildBackground({ store: new MemoryStore({ initial: a.store.dump() }) });
    expect((await b.vault.unlock(PASSWORD)).ok).toBe(true);
    expect((await a.vault.syncWith(sync)).ok).toBe(true);
    expect((await sync.keys()).length).toBeGreaterThan(0);
    expect((await b.vault.addDrafts([draftFor('GitHub', ['github.com'])], b.vault.revision, () => 'b-github')).ok).toBe(true);
    expect((await b.vault.syncWith(sync)).ok).toBe(true);
    const changed = vi.fn();
    a.vault.onChange(changed);
    expect((await a.vault.syncWith(sync)).ok).toBe(true);
    expect(a.vault.accounts().map((account) => account.issuer).sort()).toEqual(['Amazon', 'GitHub']);
    expect(changed).toHaveBeenCalled();
    changed.mockClear();
    const writes = sync.writeCalls().length;
    expect((await a.vault.syncWith(sync)).ok).toBe(true);
    expect(changed).not.toHaveBeenCalled();
    expect(sync.writeCalls().length).toBe(writes);
  });

  it('a sync area that cannot be read changes nothing and says why', async () => {
    const a = buildBackground();
    await unlockedWith(a);
    const broken = new MemoryStore({ failOn: () => true });
    const synced = await a.vault.syncWith(broken);
    expect(synced.ok).toBe(false);
    expect(a.vault.accounts().map((account) => account.issuer)).toEqual(['Amazon']);
  });
});
