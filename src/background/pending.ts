/**
 * Enrolment drafts waiting for the user's "Save": they hold secrets, so they stay in the
 * background (in SecretMemory) and the popup only sees previews and ids. They expire after ten minutes.
 */
import type { AccountDraft } from '../core/otp/account';
import type { SecretMemory } from './secret-memory';

const TTL_MS = 10 * 60_000;

export class PendingDrafts {
  constructor(
    private readonly memory: SecretMemory,
    private readonly newId: () => string,
  ) {}

  add(draft: AccountDraft): string {
    const id = this.newId();
    this.memory.put('draft', id, draft, TTL_MS);
    return id;
  }

  /** The drafts, or null when any has expired. They stay until drop(): a failed save loses nothing. */
  get(ids: string[]): AccountDraft[] | null {
    const found = ids.map((id) => this.memory.get('draft', id));
    return found.some((draft) => draft === undefined) ? null : (found as AccountDraft[]);
  }

  drop(ids: string[]): void {
    for (const id of ids) this.memory.drop('draft', id);
  }
}
