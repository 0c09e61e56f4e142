/**
 * Enrolment drafts waiting for the user's "Save": they hold secrets, so they stay in the
 * background and the popup only sees previews and ids. They expire after ten minutes.
 */
import type { AccountDraft } from '../core/otp/account';

const TTL_MS = 10 * 60_000;

export class PendingDrafts {
  private drafts = new Map<string, { draft: AccountDraft; expiresAt: number }>();

  constructor(
    private readonly now: () => number,
    private readonly newId: () => string,
  ) {}

  add(draft: AccountDraft): string {
    this.sweep();
    const id = this.newId();
    this.drafts.set(id, { draft, expiresAt: this.now() + TTL_MS });
    return id;
  }

  /** The drafts, or null when any has expired. They stay until drop(): a failed save loses nothing. */
  get(ids: string[]): AccountDraft[] | null {
    this.sweep();
    const found = ids.map((id) => this.drafts.get(id)?.draft);
    return found.some((draft) => draft === undefined) ? null : (found as AccountDraft[]);
  }

  drop(ids: string[]): void {
    for (const id of ids) this.drafts.delete(id);
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, entry] of this.drafts) if (entry.expiresAt <= now) this.drafts.delete(id);
  }
}
