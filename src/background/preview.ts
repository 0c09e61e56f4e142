/**
 * Shared by every way to enrol: parsed drafts become pending drafts (kept here, with their secrets)
 * and the popup gets previews — issuer, account, the current code, warnings, proposed bindings (from
 * the issuer catalogue: where the code is asked, not every domain a brand owns) and duplicates —
 * never a secret.
 */
import type { Binding } from '../core/bindings/binding';
import { builtInCatalogue } from '../core/domain/catalogue/catalogue';
import { builtInIssuers } from '../core/issuers/issuers';
import { proposeBindings } from '../core/issuers/propose';
import { type AccountDraft, withBindings } from '../core/otp/account';
import { generateCode, generateHotp } from '../core/otp/codes';
import { classifyDrafts } from '../core/otp/duplicates';
import type { PendingPreview, PreviewReply } from '../messaging/protocol';
import type { Services } from './services';

/** Where a new account's code would be asked: "Amazon Web Services" → aws.amazon.com, signin.aws.amazon.com. */
export function proposedBindingsFor(draft: AccountDraft, pageDomains: readonly string[] = []): Binding[] {
  return proposeBindings(
    { issuer: draft.issuer, pageDomains, domains: draft.domains, bindings: draft.bindings ?? [] },
    builtInIssuers,
    builtInCatalogue,
  );
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
    const bound = withBindings(draft, proposedBindingsFor(draft, extra.pageDomains));
    const code = draft.otp.kind === 'hotp' ? generateHotp(draft.otp, draft.otp.counter) : generateCode(draft.otp, { epochMs: now });
    const duplicate = duplicateOf.get(draft);
    return {
      pendingId: services.pending.add(bound),
      issuer: draft.issuer,
      accountName: draft.accountName,
      code: code.ok ? code.value : '',
      warnings: draft.warnings.map((warning) => warning.message),
      proposedDomains: bound.domains,
      proposedBindings: bound.bindings.map((binding) => binding.host),
      ...(duplicate
        ? { duplicateOf: { id: duplicate.existingId ?? 'this-batch', why: duplicate.why } }
        : {}),
    };
  });
  return { source, previews, unsupported: extra.unsupported ?? [], errors: extra.errors ?? [] };
}
