import type { AccountView } from '../../messaging/protocol';
import { CodeTimer } from '../components/code-timer';
import { pure } from '../components/pure';
import { accountLabel, groupCode } from '../format';
import type { SecondTicker } from '../ticker';
import { type AccountChanges, AccountEdit } from './account-edit';
import { ExportQr } from './export-qr';

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

function AccountRowView({ account, fetchedAt, ticker, mode, hotpCode, canMoveUp, canMoveDown, readOnly, actions }: AccountRowProps) {
  const label = accountLabel(account);
  const code = account.kind === 'hotp' ? (hotpCode ?? account.code) : account.code;
  return (
    <li class="account" data-testid="account-row" data-account-id={account.id}>
      <div class="account-main">
        <button type="button" class="copy" onClick={() => actions.copy(account)} aria-label={`Copy code for ${label}`}>
          <span class="issuer">{account.issuer || account.accountName}</span>
          {account.issuer && <span class="account-name">{account.accountName}</span>}
          <span class="code" data-testid="code">
            {groupCode(code)}
          </span>
        </button>
        {account.kind === 'hotp' ? (
          <button type="button" onClick={() => actions.hotpNext(account.id)} disabled={readOnly}>
            Next code
          </button>
        ) : (
          <CodeTimer account={account} fetchedAt={fetchedAt} ticker={ticker} />
        )}
        <button
          type="button"
          class="more"
          aria-expanded={mode !== 'view'}
          aria-label={`Actions for ${label}`}
          onClick={() => (mode === 'view' ? actions.open(account.id, 'menu') : actions.close())}
        >
          ⋯
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
          <button type="button" disabled={!canMoveUp} onClick={() => actions.move(account.id, -1)} aria-label={`Move ${label} up`}>
            ↑
          </button>
          <button type="button" disabled={!canMoveDown} onClick={() => actions.move(account.id, 1)} aria-label={`Move ${label} down`}>
            ↓
          </button>
          <button type="button" disabled={readOnly} onClick={() => actions.open(account.id, 'edit')} aria-label={`Edit ${label}`}>
            Edit
          </button>
          <button type="button" onClick={() => actions.open(account.id, 'export')} aria-label={`Export ${label} as QR`}>
            Export as QR
          </button>
          <button type="button" disabled={readOnly} onClick={() => actions.open(account.id, 'confirm-delete')} aria-label={`Delete ${label}`}>
            Delete
          </button>
        </div>
      )}
      {mode === 'edit' && (
        <AccountEdit account={account} onSave={(changes) => actions.save(account.id, changes)} onCancel={actions.close} />
      )}
      {mode === 'confirm-delete' && (
        <div class="confirm" role="alertdialog" aria-label={`Delete ${label}?`}>
          <p>
            Delete <strong>{label}</strong>? You will no longer get its codes here.
          </p>
          <div class="actions">
            <button type="button" class="danger" onClick={() => actions.remove(account.id)}>
              Delete
            </button>
            <button type="button" onClick={actions.close}>
              Keep it
            </button>
          </div>
        </div>
      )}
      {mode === 'export' && <ExportQr account={account} onClose={actions.close} />}
    </li>
  );
}

export const AccountRow = pure(AccountRowView);
