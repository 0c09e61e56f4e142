import { useState } from 'preact/hooks';
import type { AccountView, BindingInput } from '../../messaging/protocol';
import { useI18n } from '../../ui/i18n-context';
import { BindingsField, initialRows, rowsToInputs } from './bindings-field';

export interface AccountChanges {
  issuer: string;
  accountName: string;
  /** Where the code is asked (sent whole: the background replaces the account's bindings with these). */
  bindings: BindingInput[];
}

/** Edits the non-secret parts of an account: its names and where its code is asked (sites, or hosts within one). */
export function AccountEdit({
  account,
  onSave,
  onCancel,
}: {
  account: AccountView;
  onSave(changes: AccountChanges): Promise<string | null>;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const [issuer, setIssuer] = useState(account.issuer);
  const [accountName, setAccountName] = useState(account.accountName);
  const [rows, setRows] = useState(() => initialRows(account.bindings, account.domains));
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const prefix = `edit-${account.id}`;

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    const failure = await onSave({ issuer: issuer.trim(), accountName: accountName.trim(), bindings: rowsToInputs(rows) });
    setBusy(false);
    setProblem(failure);
  }

  return (
    <form class="edit" onSubmit={submit} aria-label={t('row_edit_label', account.issuer || account.accountName)}>
      <label for={`${prefix}-issuer`}>{t('edit_service')}</label>
      <input id={`${prefix}-issuer`} value={issuer} onInput={(event) => setIssuer(event.currentTarget.value)} />
      <label for={`${prefix}-account`}>{t('edit_account')}</label>
      <input id={`${prefix}-account`} value={accountName} onInput={(event) => setAccountName(event.currentTarget.value)} />
      <BindingsField idPrefix={prefix} legend={t('edit_bindings')} rows={rows} onChange={setRows} problem={problem} />
      <div class="actions">
        <button type="submit" disabled={busy}>
          {t('action_save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('action_cancel')}
        </button>
      </div>
    </form>
  );
}
