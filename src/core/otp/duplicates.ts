/**
 * Before anything is saved, drafts are split into fresh ones and duplicates: the same secret
 * (the same account whatever it is called), or the same issuer and account name (likely a
 * re-enrolment that would leave the user guessing which entry is current).
 */
import type { Account, AccountDraft } from './account';

export type DuplicateReason = 'same-secret' | 'same-issuer-account';

export interface DuplicateDraft {
  draft: AccountDraft;
  /** The saved account it duplicates, or null when it duplicates an earlier draft of the same batch. */
  existingId: string | null;
  /** Index (in the drafts passed in) of the earlier draft it duplicates, or null. */
  batchIndex: number | null;
  why: DuplicateReason;
}

export interface DraftClassification {
  fresh: AccountDraft[];
  duplicates: DuplicateDraft[];
}

const secretKey = (draft: AccountDraft): string => Array.from(draft.otp.secret, (byte) => byte.toString(16).padStart(2, '0')).join('');

/** Names compare case-insensitively and after Unicode normalisation; an empty name never matches. */
function nameKey(draft: AccountDraft): string | null {
  const issuer = draft.issuer.normalize('NFKC').trim().toLowerCase();
  const accountName = draft.accountName.normalize('NFKC').trim().toLowerCase();
  if (accountName === '') return null;
  return `${issuer}\u0000${accountName}`;
}

type Origin = { existingId: string; batchIndex: null } | { existingId: null; batchIndex: number };

export function classifyDrafts(drafts: readonly AccountDraft[], existing: readonly Account[]): DraftClassification {
  const bySecret = new Map<string, Origin>();
  const byName = new Map<string, Origin>();
  for (const account of existing) {
    const origin: Origin = { existingId: account.id, batchIndex: null };
    if (!bySecret.has(secretKey(account))) bySecret.set(secretKey(account), origin);
    const name = nameKey(account);
    if (name !== null && !byName.has(name)) byName.set(name, origin);
  }
  const fresh: AccountDraft[] = [];
  const duplicates: DuplicateDraft[] = [];
  drafts.forEach((draft, index) => {
    const secret = secretKey(draft);
    const name = nameKey(draft);
    const sameSecret = bySecret.get(secret);
    const sameName = name === null ? undefined : byName.get(name);
    if (sameSecret !== undefined) {
      duplicates.push({ draft, ...sameSecret, why: 'same-secret' });
      return;
    }
    if (sameName !== undefined) {
      duplicates.push({ draft, ...sameName, why: 'same-issuer-account' });
      return;
    }
    const origin: Origin = { existingId: null, batchIndex: index };
    bySecret.set(secret, origin);
    if (name !== null) byName.set(name, origin);
    fresh.push(draft);
  });
  return { fresh, duplicates };
}
