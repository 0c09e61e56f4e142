import type { UiHandlers } from '../../messaging/router';
import { requireUnlocked, unwrapVault } from '../handler-error';
import type { Services } from '../services';

export const reorder =
  (services: Services): UiHandlers['ui:reorder'] =>
  async ({ ids, expectedRevision }) => {
    requireUnlocked(services.vault.unlocked);
    const position = new Map(ids.map((id, index) => [id, index]));
    const changed = services.vault
      .accounts()
      .filter((account) => position.has(account.id) && position.get(account.id) !== account.order)
      .map((account) => ({ ...account, order: position.get(account.id) ?? account.order }));
    if (changed.length > 0) unwrapVault(await services.vault.putAccounts(changed, expectedRevision));
    return { revision: services.vault.revision };
  };
