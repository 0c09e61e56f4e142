import { useState } from 'preact/hooks';
import type { AccountView } from '../../messaging/protocol';
import { parseDomains } from '../format';
import { Problem } from '../components/problem';
import { useI18n } from '../../ui/i18n-context';

export interface AccountChanges {
  issuer: string;
  accountName: string;
  domains: string[];
}

/** Edits the non-secret parts of an account: its names and the sites where its codes may be used. */
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
  const [domains, setDomains] = useState(account.domains.join('\n'));
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const prefix = `edit-${account.id}`;

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    const failure = await onSave({ issuer: issuer.trim(), accountName: accountName.trim(), domains: parseDomains(domains) });
    setBusy(false);
    setProblem(failure);
  }

  return (
    <form class="edit" onSubmit={submit} aria-label={t('row_edit_label', account.issuer || account.accountName)}>
      <label for={`${prefix}-issuer`}>{t('edit_service')}</label>
      <input id={`${prefix}-issuer`} value={issuer} onInput={(event) => setIssuer(event.currentTarget.value)} />
      <label for={`${prefix}-account`}>{t('edit_account')}</label>
      <input id={`${prefix}-account`} value={accountName} onInput={(event) => setAccountName(event.currentTarget.value)} />
      <label for={`${prefix}-domains`}>{t('edit_domains')}</label>
      <textarea
        id={`${prefix}-domains`}
        rows={3}
        value={domains}
        placeholder="amazon.com"
        onInput={(event) => setDomains(event.currentTarget.value)}
      />
      <Problem text={problem} />
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
