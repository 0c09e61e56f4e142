import { describe, expect, it } from 'vitest';
import { accountFromJson, accountToJson } from '../../../src/core/otp/account-json';
import { MemoryStore } from '../../../src/core/vault/memory-store';
import { createVault, unlockVault } from '../../../src/core/vault/vault';
import oldFormat from '../otp/fixtures/account-v1-domains-only.json';
import { contents, makeDeps, must, reopen } from './helpers';

describe('a vault written before bindings existed', () => {
  it('opens, migrates its accounts to bindings on read, and keeps every field when written back', async () => {
    const store = new MemoryStore();
    const old = must(await createVault(makeDeps(store), 'pw'));
    must(await old.put([{ id: oldFormat.id, name: 'Amazon', data: structuredClone(oldFormat) }], old.revision));

    const restarted = reopen(store);
    const vault = must(await unlockVault(makeDeps(restarted), 'pw'));
    const [entry] = await contents(vault);
    const migrated = must(accountFromJson(entry?.data));
    expect(migrated.bindings.map((binding) => binding.host)).toEqual(['amazon.com', 'amazon.de', 'xn--bcher-kva.de']);
    must(await vault.put([{ id: migrated.id, name: 'Amazon', data: accountToJson(migrated) }], vault.revision));

    const again = must(await unlockVault(makeDeps(reopen(restarted)), 'pw'));
    const [stored] = await contents(again);
    const data = stored?.data as Record<string, unknown>;
    expect(data.bindings).toEqual([{ host: 'amazon.com' }, { host: 'amazon.de' }, { host: 'xn--bcher-kva.de' }]);
    const { bindings: _new, ...rest } = data;
    expect(rest).toEqual(oldFormat);
    expect(must(accountFromJson(data))).toEqual(migrated);
  });
});
