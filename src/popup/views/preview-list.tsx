import { useState } from 'preact/hooks';
import type { PendingPreview, PreviewReply } from '../../messaging/protocol';
import { accountLabel, groupCode, isConflict, messageOf, parseDomains } from '../format';
import { useServices } from '../services';
import { Problem } from '../components/problem';
import type { MessageKey } from '../../ui/i18n';
import { useI18n } from '../../ui/i18n-context';

const DUPLICATE_WHY: Record<NonNullable<PendingPreview['duplicateOf']>['why'], MessageKey> = {
  'same-secret': 'preview_dup_same_secret',
  'same-issuer-account': 'preview_dup_same_issuer',
};

export interface PreviewCounts {
  fresh: number;
  duplicates: number;
  unsupported: number;
}

export function countPreview(reply: PreviewReply): PreviewCounts {
  const duplicates = reply.previews.filter((preview) => preview.duplicateOf).length;
  return { fresh: reply.previews.length - duplicates, duplicates, unsupported: reply.unsupported.length };
}

interface Props {
  reply: PreviewReply;
  /** Revision of the last accounts list; fetched when unknown. */
  revision: number | undefined;
  readOnly?: boolean;
  onSaved(added: number): void;
  /** Called after a revision conflict, so the caller reloads the list (and with it the revision). */
  onConflict?(): void;
}

/**
 * Groups the checked previews by the domains to save with them. The protocol takes one domain list per commit,
 * so previews whose domains were edited differently are committed one group after another.
 */
function commitGroups(ids: string[], edited: Record<string, string>): { ids: string[]; domains?: string[] }[] {
  const groups = new Map<string, { ids: string[]; domains?: string[] }>();
  for (const id of ids) {
    const text = edited[id];
    const domains = text === undefined ? undefined : parseDomains(text);
    const key = domains ? JSON.stringify(domains) : '';
    const group = groups.get(key) ?? (domains ? { ids: [], domains } : { ids: [] });
    group.ids.push(id);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** What a source found, before anything is saved: the user checks what to keep and the sites for each account. */
export function PreviewList({ reply, revision, readOnly = false, onSaved, onConflict }: Props) {
  const { client } = useServices();
  const { t, plural } = useI18n();
  const [checked, setChecked] = useState<Set<string>>(
    () => new Set(reply.previews.filter((preview) => !preview.duplicateOf).map((preview) => preview.pendingId)),
  );
  const [editedDomains, setEditedDomains] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const counts = countPreview(reply);

  function toggle(id: string, on: boolean) {
    setChecked((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  async function save() {
    const ids = reply.previews.map((preview) => preview.pendingId).filter((id) => checked.has(id));
    if (ids.length === 0) return;
    setBusy(true);
    setProblem(null);
    try {
      let expectedRevision = revision ?? (await client.send({ type: 'ui:list-accounts' })).revision;
      let added = 0;
      for (const group of commitGroups(ids, editedDomains)) {
        const result = await client.send({
          type: 'ui:commit-pending',
          pendingIds: group.ids,
          ...(group.domains ? { domains: group.domains } : {}),
          expectedRevision,
        });
        added += result.added;
        expectedRevision = result.revision;
      }
      onSaved(added);
    } catch (error) {
      if (isConflict(error)) {
        setProblem(t('preview_conflict'));
        onConflict?.();
      } else {
        setProblem(messageOf(error));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="preview" aria-label={t('preview_found')}>
      <p data-testid="preview-summary">
        {[
          plural('preview_new', counts.fresh, counts.fresh),
          plural('preview_duplicates', counts.duplicates, counts.duplicates),
          plural('preview_unsupported', counts.unsupported, counts.unsupported),
        ].join(', ')}
      </p>
      {reply.errors.length > 0 && (
        <div class="error" role="alert">
          <ul>
            {reply.errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        </div>
      )}
      <ul class="previews">
        {reply.previews.map((preview) => {
          const id = preview.pendingId;
          const label = accountLabel(preview, t('account_unnamed'));
          return (
            <li key={id} class={preview.duplicateOf ? 'duplicate' : undefined} data-testid="preview-row">
              <label class="pick">
                <input type="checkbox" checked={checked.has(id)} onChange={(event) => toggle(id, event.currentTarget.checked)} />
                <span class="issuer">{preview.issuer || preview.accountName}</span>
                {preview.issuer && <span class="account-name">{preview.accountName}</span>}
                <span class="code">{groupCode(preview.code)}</span>
              </label>
              {preview.duplicateOf && <p class="hint">{t('preview_not_checked', t(DUPLICATE_WHY[preview.duplicateOf.why]))}</p>}
              {preview.warnings.map((warning) => (
                <p key={warning} class="warn">
                  {warning}
                </p>
              ))}
              <label for={`domains-${id}`}>{t('preview_sites_for', label)}</label>
              <input
                id={`domains-${id}`}
                value={editedDomains[id] ?? preview.proposedDomains.join(', ')}
                placeholder="example.com"
                onInput={(event) => {
                  const value = event.currentTarget.value;
                  setEditedDomains((current) => ({ ...current, [id]: value }));
                }}
              />
            </li>
          );
        })}
      </ul>
      {reply.unsupported.length > 0 && (
        <>
          <h3>{t('preview_not_supported')}</h3>
          <ul class="unsupported">
            {reply.unsupported.map((item) => (
              <li key={`${item.name}:${item.reason}`}>
                <strong>{item.name}</strong>: {item.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      <Problem text={problem} />
      {reply.previews.length > 0 && (
        <button type="button" disabled={busy || readOnly || checked.size === 0} onClick={save}>
          {busy ? t('preview_saving') : plural('preview_save', checked.size, checked.size)}
        </button>
      )}
    </section>
  );
}
