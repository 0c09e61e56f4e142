/**
 * Shared by every way to enrol: parsed drafts become pending drafts (kept here, with their secrets)
 * and the popup gets previews — issuer, account, the current code, warnings, proposed domains and
 * duplicates — never a secret.
 */
import { builtInCatalogue } from '../core/domain/catalogue/catalogue';
import type { AccountDraft } from '../core/otp/account';
import { generateCode, generateHotp } from '../core/otp/codes';
import { classifyDrafts } from '../core/otp/duplicates';
import type { PendingPreview, PreviewReply } from '../messaging/protocol';
import type { Services } from './services';

const squash = (text: string) => text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** The catalogue brand an issuer names ("Amazon", "amazon.com", "Amazon Web Services" → amazon). */
export function brandDomainsForIssuer(issuer: string): string[] {
  const key = squash(issuer.replace(/\.[a-z]{2,}$/i, ''));
  if (key.length < 3) return [];
  const brand = builtInCatalogue.brands.find(
    (candidate) => squash(candidate.name) === key || candidate.labels.some((label) => squash(label) === key),
  );
  return brand ? [...brand.domains] : [];
}

export function previewDrafts(
  services: Services,
  source: string,
  drafts: AccountDraft[],
  extra: { pageDomains?: string[]; unsupported?: PreviewReply['unsupported']; errors?: string[] } = {},
): PreviewReply {
  const { duplicates } = classifyDrafts(drafts, services.vault.accounts());
  const duplicateOf = new Map(duplicates.map((dup) => [dup.draft, dup]));
  const now = services.clock.now();
  const previews: PendingPreview[] = drafts.map((draft) => {
    const proposedDomains = [...new Set([...(extra.pageDomains ?? []), ...draft.domains, ...brandDomainsForIssuer(draft.issuer)])];
    const withDomains: AccountDraft = { ...draft, domains: proposedDomains };
    const code = draft.otp.kind === 'hotp' ? generateHotp(draft.otp, draft.otp.counter) : generateCode(draft.otp, { epochMs: now });
    const duplicate = duplicateOf.get(draft);
    return {
      pendingId: services.pending.add(withDomains),
      issuer: draft.issuer,
      accountName: draft.accountName,
      code: code.ok ? code.value : '',
      warnings: draft.warnings.map((warning) => warning.message),
      proposedDomains,
      ...(duplicate
        ? { duplicateOf: { id: duplicate.existingId ?? 'this-batch', why: duplicate.why } }
        : {}),
    };
  });
  return { source, previews, unsupported: extra.unsupported ?? [], errors: extra.errors ?? [] };
}
