import { useEffect, useRef } from 'preact/hooks';
import type { AccountView } from '../../messaging/protocol';
import { CodeTimer } from '../components/code-timer';
import { useFocusOnMount } from '../components/focus';
import { pure } from '../components/pure';
import { accountLabel, groupCode } from '../format';
import type { SecondTicker } from '../ticker';
import { type AccountChanges, AccountEdit } from './account-edit';
import { ExportQr } from './export-qr';
import { useI18n } from '../../ui/i18n-context';

/** 'view' shows only the code; 'menu' adds the row's actions (kept closed so 200 rows stay light). */
export type RowMode = 'view' | 'menu' | 'edit' | 'confirm-delete' | 'export';

/** One stable object for all rows, so a row re-renders only when its own props change. */
export interface RowActions {
  copy(account: AccountView): void;
  move(id: string, delta: -1 | 1): void;
  open(id: string, mode: RowMode): void;
  close(): void;
  save(id: string, changes: AccountChanges): Promise<string | null>;
  remove(id: string): void;
  hotpNext(id: string): void;
}

export interface AccountRowProps {
  account: AccountView;
  fetchedAt: number;
  ticker: SecondTicker;
  mode: RowMode;
  /** The code from the last "Next code" press of an HOTP account. */
  hotpCode: string | undefined;
  canMoveUp: boolean;
  canMoveDown: boolean;
  readOnly: boolean;
  actions: RowActions;
}

/** The first letter or digit of the account's name, for the row's avatar (no remote icon is ever fetched). */
export function avatarLetter(account: { issuer: string; accountName: string }): string {
  const name = account.issuer || account.accountName;
  return (Array.from(name.trim())[0] ?? '?').toLocaleUpperCase();
}

function CopyIcon() {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <rect x="5.5" y="5.5" width="8" height="8" rx="1.5" fill="none" stroke="currentColor" stroke-width="1.5" />
      <path d="M10.5 3.5v-.5a1.5 1.5 0 0 0-1.5-1.5H4A1.5 1.5 0 0 0 2.5 3v5A1.5 1.5 0 0 0 4 9.5h.5" fill="none" stroke="currentColor" stroke-width="1.5" />
    </svg>
  );
}

/**
 * When the row's menu, form or dialog closes (Escape, Cancel, Save), focus goes back to the row's menu button
 * instead of falling to <body>, unless the user has already moved it somewhere else.
 */
function useFocusBackOnClose(mode: RowMode, button: { current: HTMLButtonElement | null }) {
  const previous = useRef(mode);
  useEffect(() => {
    const wasOpen = previous.current !== 'view';
    previous.current = mode;
    if (!wasOpen || mode !== 'view') return;
    const active = button.current?.ownerDocument.activeElement;
    const row = button.current?.closest('li');
    if (!active || active === active.ownerDocument.body || row?.contains(active)) button.current?.focus();
  }, [mode, button]);
}

/** The delete confirmation; its safe choice has the focus, and Escape (handled by the row) keeps the account. */
function ConfirmDelete({ label, onDelete, onKeep }: { label: string; onDelete(): void; onKeep(): void }) {
  const keepButton = useFocusOnMount<HTMLButtonElement>();
  const { t } = useI18n();
  return (
    <div class="confirm" role="alertdialog" aria-label={t('row_delete_question_label', label)}>
      <p>{t('row_delete_question', label)}</p>
      <div class="actions">
        <button type="button" class="danger" onClick={onDelete}>
          {t('action_delete')}
        </button>
        <button type="button" onClick={onKeep} ref={keepButton}>
          {t('row_keep')}
        </button>
      </div>
    </div>
  );
}

function AccountRowView({ account, fetchedAt, ticker, mode, hotpCode, canMoveUp, canMoveDown, readOnly, actions }: AccountRowProps) {
  const { t } = useI18n();
  const label = accountLabel(account, t('account_unnamed'));
  const code = account.kind === 'hotp' ? (hotpCode ?? account.code) : account.code;
  const moreButton = useRef<HTMLButtonElement>(null);
  useFocusBackOnClose(mode, moreButton);
  return (
    <li
      class="account"
      data-testid="account-row"
      data-account-id={account.id}
      data-mode={mode}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && mode !== 'view') {
          event.preventDefault();
          actions.close();
        }
      }}
    >
      <div class="account-main">
        <span class="avatar" aria-hidden="true">
          {avatarLetter(account)}
        </span>
        <span class="names">
          <span class="issuer">{account.issuer || account.accountName}</span>
          {account.fillsHere ? (
            <span class="account-name">
              <strong class="fills-here">{t('codes_fills_here')}</strong> {account.issuer && account.accountName}
            </span>
          ) : (
            account.issuer && <span class="account-name">{account.accountName}</span>
          )}
        </span>
        <span class="code" data-testid="code">
          {groupCode(code)}
        </span>
        {account.kind === 'hotp' ? (
          <button type="button" class="next" onClick={() => actions.hotpNext(account.id)} disabled={readOnly}>
            {t('row_next_code')}
          </button>
        ) : (
          <CodeTimer account={account} fetchedAt={fetchedAt} ticker={ticker} />
        )}
        {/* An icon button (its name is the label alone); its ::after stretches over the row so a click anywhere copies. */}
        <button type="button" class="copy" onClick={() => actions.copy(account)} aria-label={t('row_copy_label', label)}>
          <CopyIcon />
        </button>
        <button
          ref={moreButton}
          type="button"
          class="more"
          aria-expanded={mode !== 'view'}
          aria-label={t('row_actions_label', label)}
          onClick={() => (mode === 'view' ? actions.open(account.id, 'menu') : actions.close())}
        >
          <span aria-hidden="true">⋯</span>
        </button>
      </div>
      {account.warnings.length > 0 && (
        <ul class="warnings">
          {account.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
      {mode === 'menu' && (
        <div class="row-actions">
          <button type="button" disabled={!canMoveUp} onClick={() => actions.move(account.id, -1)} aria-label={t('row_move_up', label)}>
            ↑
          </button>
          <button type="button" disabled={!canMoveDown} onClick={() => actions.move(account.id, 1)} aria-label={t('row_move_down', label)}>
            ↓
          </button>
          <button type="button" disabled={readOnly} onClick={() => actions.open(account.id, 'edit')} aria-label={t('row_edit_label', label)}>
            {t('action_edit')}
          </button>
          <button type="button" onClick={() => actions.open(account.id, 'export')} aria-label={t('row_export_label', label)}>
            {t('row_export')}
          </button>
          <button type="button" disabled={readOnly} onClick={() => actions.open(account.id, 'confirm-delete')} aria-label={t('row_delete_label', label)}>
            {t('action_delete')}
          </button>
        </div>
      )}
      {mode === 'edit' && (
        <AccountEdit account={account} onSave={(changes) => actions.save(account.id, changes)} onCancel={actions.close} />
      )}
      {mode === 'confirm-delete' && <ConfirmDelete label={label} onDelete={() => actions.remove(account.id)} onKeep={actions.close} />}
      {mode === 'export' && <ExportQr account={account} onClose={actions.close} />}
    </li>
  );
}

export const AccountRow = pure(AccountRowView);
