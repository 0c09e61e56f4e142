import { useMemo, useRef, useState } from 'preact/hooks';
import type { AccountsList, AccountView } from '../../messaging/protocol';
import { accountLabel, isConflict, messageOf } from '../format';
import { useServices } from '../services';
import type { SecondTicker } from '../ticker';
import type { AccountChanges } from './account-edit';
import { AccountRow, type RowActions, type RowMode } from './account-row';
import { useI18n } from '../../ui/i18n-context';
import { announceClearing, copiedText } from './copy-notice';
import { pinFillsHere } from './pinned';
import { useLaterCodes } from './later-codes';
import { useRowWindow } from './windowed-rows';

const SNACKBAR_MS = 10_000;

interface Props {
  list: AccountsList;
  /** When `list` was fetched (platform time), for the local countdowns. */
  fetchedAt: number;
  ticker: SecondTicker;
  reload(): Promise<void>;
  readOnlyReason?: string | undefined;
}

interface Snackbar {
  text: string;
  undoToken?: string;
}

function matches(account: AccountView, query: string): boolean {
  if (!query) return true;
  const haystack = `${account.issuer}\n${account.accountName}\n${account.domains.join('\n')}`.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .every((word) => haystack.includes(word));
}

export function CodesList({ list, fetchedAt, ticker, reload, readOnlyReason }: Props) {
  const { client, platform } = useServices();
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState<{ id: string; mode: RowMode } | null>(null);
  const [hotpCodes, setHotpCodes] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [snackbar, setSnackbar] = useState<Snackbar | null>(null);
  const hideSnackbar = useRef<(() => void) | null>(null);
  const cancelAnnounce = useRef<(() => void) | null>(null);
  const latest = useRef(list);
  latest.current = list;

  function showSnackbar(next: Snackbar) {
    hideSnackbar.current?.();
    setSnackbar(next);
    hideSnackbar.current = platform.timers.after(SNACKBAR_MS, () => setSnackbar(null));
  }

  /** Runs a change; a revision conflict means another window changed the vault: say so and show its state. */
  async function change(run: () => Promise<unknown>): Promise<string | null> {
    try {
      await run();
      return null;
    } catch (error) {
      if (isConflict(error)) {
        setOpen(null);
        setNotice(t('codes_conflict'));
        await reload();
        return null;
      }
      return messageOf(error);
    }
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: the actions read the latest list through a ref, so they stay one object for the view's life
  const actions = useMemo<RowActions>(
    () => ({
      copy(account) {
        const label = accountLabel(account, t('account_unnamed'));
        // The background decides whether a code may be copied with the page now in front.
        client
          .send({ type: 'ui:copy-code', id: account.id })
          .then(
            ({ code, warning, clearsAt }) =>
              platform.clipboard.write(code).then(
                () => {
                  const clearsInMs = clearsAt === undefined ? undefined : Math.max(0, clearsAt - platform.timers.now());
                  setNotice(copiedText(t, label, warning ? ` ${warning}` : '', clearsInMs));
                  cancelAnnounce.current?.();
                  if (clearsInMs !== undefined) cancelAnnounce.current = announceClearing(client, platform.timers, clearsInMs, setNotice, t);
                },
                () => setNotice(t('codes_copy_failed')),
              ),
            (error) => setNotice(messageOf(error)),
          );
      },
      move(id, delta) {
        const ids = latest.current.accounts.map((account) => account.id);
        const from = ids.indexOf(id);
        const to = from + delta;
        if (from < 0 || to < 0 || to >= ids.length) return;
        [ids[from], ids[to]] = [ids[to] as string, ids[from] as string];
        const expectedRevision = latest.current.revision;
        change(async () => {
          await client.send({ type: 'ui:reorder', ids, expectedRevision });
          await reload();
        }).then((failure) => failure && setNotice(failure));
      },
      open(id, mode) {
        setOpen({ id, mode });
      },
      close() {
        setOpen(null);
      },
      save(id, changes: AccountChanges) {
        const expectedRevision = latest.current.revision;
        return change(async () => {
          await client.send({ type: 'ui:update-account', id, ...changes, expectedRevision });
          setOpen(null);
          setNotice(t('codes_saved'));
          await reload();
        });
      },
      remove(id) {
        const account = latest.current.accounts.find((candidate) => candidate.id === id);
        const expectedRevision = latest.current.revision;
        change(async () => {
          const reply = await client.send({ type: 'ui:delete-account', id, expectedRevision });
          setOpen(null);
          showSnackbar({ text: t('codes_deleted', account ? accountLabel(account, t('account_unnamed')) : t('codes_the_account')), undoToken: reply.undoToken });
          await reload();
        }).then((failure) => failure && setNotice(failure));
      },
      hotpNext(id) {
        client.send({ type: 'ui:hotp-next', id }).then(
          (reply) => setHotpCodes((codes) => ({ ...codes, [id]: reply.code })),
          (error) => setNotice(messageOf(error)),
        );
      },
    }),
    // The actions read the latest list through a ref, so they stay one object for the life of the view.
    [client, platform, t],
  );

  async function undo(undoToken: string) {
    hideSnackbar.current?.();
    setSnackbar(null);
    try {
      await client.send({ type: 'ui:undo-delete', undoToken });
      setNotice(t('codes_restored'));
      await reload();
    } catch (error) {
      setNotice(messageOf(error));
    }
  }

  const visible = useMemo(() => pinFillsHere(list.accounts.filter((account) => matches(account, query.trim()))), [list, query]);
  const listRef = useRef<HTMLUListElement>(null);
  const rows = useRowWindow(listRef, visible.length);
  // Rows past the list's first screen get their codes when they are on screen (later-codes.ts).
  const shown = useLaterCodes(client, visible.slice(rows.start, rows.end), fetchedAt, (error) => setNotice(messageOf(error)));
  const canReorder = !list.readOnly && query.trim() === '';
  const lastIndex = list.accounts.length - 1;

  return (
    <section class="codes" aria-label={t('codes_your_codes')}>
      {list.readOnly && (
        <p class="banner warn" role="status">
          {readOnlyReason ?? t('codes_read_only_default')} {t('codes_read_only_changes_off')}
        </p>
      )}
      {list.accounts.length > 0 && (
        <>
          <label for="search" class="visually-hidden">
            {t('codes_search_label')}
          </label>
          <input
            id="search"
            type="search"
            placeholder={t('codes_search_placeholder')}
            value={query}
            onInput={(event) => setQuery(event.currentTarget.value)}
          />
        </>
      )}
      {/* The live region is always in the page, so screen readers announce each notice put into it. */}
      <div role="status" class="live">
        {notice && (
          <p class="notice" data-testid="notice">
            {notice}
          </p>
        )}
      </div>
      {list.accounts.length === 0 && <p>{t('codes_none')}</p>}
      {list.accounts.length > 0 && visible.length === 0 && <p>{t('codes_no_match', query)}</p>}
      <ul class="accounts" ref={listRef}>
        {rows.before > 0 && <li class="spacer" aria-hidden="true" style={{ height: `${rows.before}px` }} />}
        {shown.map((account, offset) => (
          <AccountRow
            key={account.id}
            account={account}
            fetchedAt={fetchedAt}
            ticker={ticker}
            mode={open?.id === account.id ? open.mode : 'view'}
            hotpCode={hotpCodes[account.id]}
            canMoveUp={canReorder && rows.start + offset > 0}
            canMoveDown={canReorder && rows.start + offset < lastIndex}
            readOnly={list.readOnly}
            actions={actions}
          />
        ))}
        {rows.after > 0 && <li class="spacer" aria-hidden="true" style={{ height: `${rows.after}px` }} />}
      </ul>
      {list.damaged.length > 0 && (
        <section class="damaged" aria-label={t('codes_damaged_label')}>
          <h3>{t('codes_damaged_title')}</h3>
          <p>{t('codes_damaged_hint')}</p>
          <ul>
            {list.damaged.map((entry) => (
              <li key={entry.id}>
                <strong>{entry.name}</strong>: {entry.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
      {snackbar && (
        <div class="snackbar" role="status">
          <span>{snackbar.text}</span>
          {snackbar.undoToken && (
            <button type="button" onClick={() => undo(snackbar.undoToken as string)}>
              {t('action_undo')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
