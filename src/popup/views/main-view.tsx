import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { AccountsList, VaultStatusReport } from '../../messaging/protocol';
import { messageOf } from '../format';
import { useServices } from '../services';
import { SecondTicker } from '../ticker';
import { AddAccount } from './add-account';
import { CodesList } from './codes-list';
import { useCodeRefresh } from './refresh';
import { SettingsView } from './settings';
import { Problem } from '../components/problem';
import { useI18n } from '../../ui/i18n-context';

type Tab = 'codes' | 'add' | 'settings';

function BackupReminder({ onDismiss }: { onDismiss(): void }) {
  const { platform } = useServices();
  const { t } = useI18n();
  return (
    <div class="banner reminder" data-testid="backup-reminder">
      <p>{t('reminder_not_backed_up')}</p>
      <div class="actions">
        <button type="button" onClick={() => platform.openOptions('backup')}>
          {t('reminder_make_backup')}
        </button>
        <button type="button" class="dismiss" onClick={onDismiss} aria-label={t('reminder_dismiss')} title={t('reminder_dismiss')}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
    </div>
  );
}

/**
 * Keeps the keyboard focus somewhere useful: on opening, and whenever the focused element went away (a saved
 * form, a closed dialog, a tab switch), it goes to the search field of the codes list or to the current tab.
 * "/" anywhere outside a field jumps to the search field.
 */
function useFocusRescue(nav: { current: HTMLElement | null }, tab: Tab, list: AccountsList | null) {
  // A new list (after a save or an undo) re-renders the rows, which may drop the focused one: check again.
  useEffect(() => {
    if (tab === 'codes' && !list) return; // wait for the list: its search field is the place to start
    const frame = requestAnimationFrame(() => {
      const doc = nav.current?.ownerDocument;
      if (!doc || (doc.activeElement && doc.activeElement !== doc.body)) return;
      const search = tab === 'codes' ? doc.getElementById('search') : null;
      (search ?? nav.current?.querySelector<HTMLElement>('[aria-current="page"]'))?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [nav, tab, list]);
  useEffect(() => {
    const doc = nav.current?.ownerDocument;
    if (!doc) return;
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.key !== '/' || target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      const search = doc.getElementById('search');
      if (!search) return;
      event.preventDefault();
      search.focus();
    };
    doc.addEventListener('keydown', onKey);
    return () => doc.removeEventListener('keydown', onKey);
  }, [nav]);
}

interface MainProps {
  status: VaultStatusReport;
  onStatus(status: VaultStatusReport): void;
  /** Shows the introduction again (from Settings). */
  onShowIntro?(): void;
}

export function MainView({ status, onStatus, onShowIntro }: MainProps) {
  const { client, platform } = useServices();
  const { t } = useI18n();
  const [tab, setTab] = useState<Tab>('codes');
  const [list, setList] = useState<AccountsList | null>(null);
  const [fetchedAt, setFetchedAt] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const ticker = useMemo(() => new SecondTicker(platform.timers), [platform]);

  const reload = useCallback(async () => {
    try {
      const next = await client.send({ type: 'ui:list-accounts' });
      setFetchedAt(platform.timers.now());
      setList(next);
      setProblem(null);
    } catch (error) {
      setProblem(messageOf(error));
      // A "locked" answer means the vault locked itself meanwhile: go back to the unlock form.
      client.send({ type: 'ui:vault-status' }).then((next) => next.state !== 'unlocked' && onStatus(next), () => undefined);
    }
  }, [client, platform, onStatus]);

  useEffect(() => {
    reload();
  }, [reload]);
  useCodeRefresh(list, platform.timers, reload);
  const nav = useRef<HTMLElement>(null);
  useFocusRescue(nav, tab, list);

  async function dismissReminder() {
    try {
      await client.send({ type: 'ui:set-settings', patch: { backupReminder: false } });
      await reload();
    } catch (error) {
      setProblem(messageOf(error));
    }
  }

  return (
    <>
      <nav class="tabs sections" aria-label={t('nav_sections')} ref={nav}>
        {(['codes', 'add', 'settings'] as const).map((name) => (
          <button key={name} type="button" aria-current={tab === name ? 'page' : undefined} onClick={() => setTab(name)}>
            {name === 'codes' ? t('nav_codes') : name === 'add' ? t('nav_add') : t('nav_settings')}
          </button>
        ))}
      </nav>
      <Problem text={problem} />
      <Problem text={status.degradedReason} testId="degraded" />
      {tab === 'codes' && list?.backupReminder && <BackupReminder onDismiss={dismissReminder} />}
      {tab === 'codes' &&
        (list ? (
          <CodesList list={list} fetchedAt={fetchedAt} ticker={ticker} reload={reload} readOnlyReason={status.readOnlyReason} />
        ) : (
          !problem && <p>{t('codes_loading')}</p>
        ))}
      {tab === 'add' && (
        <AddAccount
          revision={list?.revision}
          readOnly={list?.readOnly ?? status.readOnly}
          onSaved={async () => {
            await reload();
            setTab('codes');
          }}
          onConflict={reload}
        />
      )}
      {tab === 'settings' && <SettingsView onStatus={onStatus} {...(onShowIntro ? { onShowIntro } : {})} />}
    </>
  );
}
