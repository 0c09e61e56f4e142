import { HandlerError, type UiHandlers } from '../../messaging/router';
import { requireUnlocked, unwrapVault } from '../handler-error';
import type { Services } from '../services';
import { normaliseDomains } from './update-account';

/** Saves the previewed drafts the user kept, all in one write (all or nothing). */
export const commitPending =
  (services: Services): UiHandlers['ui:commit-pending'] =>
  async ({ pendingIds, domains, expectedRevision }) => {
    requireUnlocked(services.vault.unlocked);
    const drafts = services.pending.get(pendingIds);
    if (!drafts) throw new HandlerError('expired', 'This preview has expired. Please add the accounts again.');
    const chosenDomains = domains !== undefined ? normaliseDomains(domains) : null;
    const ready = drafts.map((draft) => (chosenDomains ? { ...draft, domains: chosenDomains } : draft));
    const added = unwrapVault(await services.vault.addDrafts(ready, expectedRevision, services.newId));
    services.pending.drop(pendingIds);
    services.broadcastPageState();
    return { added: added.length, revision: services.vault.revision };
  };
