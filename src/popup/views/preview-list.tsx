import { useMemo, useRef, useState } from 'preact/hooks';
import type { BindingInput, PendingPreview, PreviewReply } from '../../messaging/protocol';
import { BackgroundError } from '../client';
import { accountLabel, groupCode, isConflict, messageOf } from '../format';
import { useServices } from '../services';
import { Problem } from '../components/problem';
import type { MessageKey } from '../../ui/i18n';
import { useI18n } from '../../ui/i18n-context';
import { type BindingRow, BindingsField, initialRows, rowsToInputs } from './bindings-field';

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
 * Groups the checked previews by the bindings to save with them. The protocol takes one binding list per commit,
 * so previews whose bindings were edited differently are committed one group after another; unedited previews
 * keep what the background proposed (no `bindings` sent).
 */
function commitGroups(ids: string[], edited: Record<string, BindingRow[]>): { ids: string[]; bindings?: BindingInput[] }[] {
  const groups = new Map<string, { ids: string[]; bindings?: BindingInput[] }>();
  for (const id of ids) {
    const rows = edited[id];
    const bindings = rows === undefined ? undefined : rowsToInputs(rows);
    const key = bindings ? JSON.stringify(bindings) : '';
    const group = groups.get(key) ?? (bindings ? { ids: [], bindings } : { ids: [] });
    group.ids.push(id);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** A refusal of the bindings themselves (public suffix, IP, outside the site …), in the core's words. */
const isBindingRefusal = (error: unknown): error is BackgroundError => error instanceof BackgroundError && error.code === 'bad-domain';

/** What a source found, before anything is saved: the user checks what to keep and the sites for each account. */
export function PreviewList({ reply, revision, readOnly = false, onSaved, onConflict }: Props) {
  const { client } = useServices();
  const { t, plural } = useI18n();
  const [checked, setChecked] = useState<Set<string>>(
    () => new Set(reply.previews.filter((preview) => !preview.duplicateOf).map((preview) => preview.pendingId)),
  );
  // Built once per reply, so the rows keep their keys (and focus) across renders.
  const proposed = useMemo(
    () => new Map(reply.previews.map((preview) => [preview.pendingId, initialRows(preview.proposedBindings, preview.proposedDomains)])),
    [reply],
  );
  const [editedBindings, setEditedBindings] = useState<Record<string, BindingRow[]>>({});
  const [problem, setProblem] = useState<string | null>(null);
  /** The refused bindings' previews and the refusal, shown next to their fields. */
  const [refused, setRefused] = useState<{ ids: string[]; text: string } | null>(null);
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

  /**
   * What earlier attempts already saved: groups are committed one by one, so a refusal of one group's
   * bindings can come after others were saved; a retry then commits only the rest, on the latest revision.
   */
  const progress = useRef<{ saved: Set<string>; added: number; revision?: number }>({ saved: new Set(), added: 0 });

  const toSave = [...checked].filter((id) => !progress.current.saved.has(id)).length;

  async function save() {
    const done = progress.current;
    const ids = reply.previews.map((preview) => preview.pendingId).filter((id) => checked.has(id) && !done.saved.has(id));
    if (ids.length === 0) return;
    setBusy(true);
    setProblem(null);
    setRefused(null);
    let current: string[] = [];
    try {
      let expectedRevision = done.revision ?? revision ?? (await client.send({ type: 'ui:list-accounts' })).revision;
      for (const group of commitGroups(ids, editedBindings)) {
        current = group.ids;
        const result = await client.send({
          type: 'ui:commit-pending',
          pendingIds: group.ids,
          ...(group.bindings ? { bindings: group.bindings } : {}),
          expectedRevision,
        });
        for (const id of group.ids) done.saved.add(id);
        done.added += result.added;
        done.revision = result.revision;
        expectedRevision = result.revision;
      }
      onSaved(done.added);
    } catch (error) {
      if (isConflict(error)) {
        done.revision = undefined;
        setProblem(t('preview_conflict'));
        onConflict?.();
      } else if (isBindingRefusal(error)) {
        setRefused({ ids: current, text: error.message });
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
                <input
                  type="checkbox"
                  checked={checked.has(id)}
                  disabled={progress.current.saved.has(id)}
                  onChange={(event) => toggle(id, event.currentTarget.checked)} />
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
              <BindingsField
                idPrefix={`preview-${id}`}
                legend={t('preview_sites_for', label)}
                rows={editedBindings[id] ?? proposed.get(id) ?? []}
                onChange={(rows) => setEditedBindings((current) => ({ ...current, [id]: rows }))}
                problem={refused?.ids.includes(id) ? refused.text : null}
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
        <button type="button" disabled={busy || readOnly || toSave === 0} onClick={save}>
          {busy ? t('preview_saving') : plural('preview_save', toSave, toSave)}
        </button>
      )}
    </section>
  );
}
