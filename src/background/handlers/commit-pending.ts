import { HandlerError, type UiHandlers } from '../../messaging/router';
import { requireUnlocked, unwrapVault } from '../handler-error';
import type { Services } from '../services';
import { siteChange } from './update-account';

/**
 * Saves the previewed drafts the user kept, all in one write (all or nothing). The drafts carry the
 * bindings the preview proposed; `bindings` (or the old `domains`) from the popup replace them for all.
 */
export const commitPending =
  (services: Services): UiHandlers['ui:commit-pending'] =>
  async ({ pendingIds, domains, bindings, expectedRevision }) => {
    requireUnlocked(services.vault.unlocked);
    const drafts = services.pending.get(pendingIds);
    if (!drafts) throw new HandlerError('expired', 'This preview has expired. Please add the accounts again.');
    const change = siteChange(domains, bindings, 'whole-sites');
    const ready = drafts.map((draft) => (change ? change(draft) : draft));
    const added = unwrapVault(await services.vault.addDrafts(ready, expectedRevision, services.newId));
    services.pending.drop(pendingIds);
    services.broadcastPageState();
    return { added: added.length, revision: services.vault.revision };
  };
