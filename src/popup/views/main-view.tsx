import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { AccountsList, VaultStatusReport } from '../../messaging/protocol';
import { messageOf } from '../format';
import { useServices } from '../services';
import { SecondTicker } from '../ticker';
import { AddAccount } from './add-account';
import { CodesList } from './codes-list';
import { useCodeRefresh } from './refresh';
import { SettingsView } from './settings';
import { Problem } from '../components/problem';

type Tab = 'codes' | 'add' | 'settings';

function BackupReminder({ onDismiss }: { onDismiss(): void }) {
  const { platform } = useServices();
  return (
    <div class="banner" role="status" data-testid="backup-reminder">
      <p>Keep a backup: if this browser or computer is lost, a backup file is the only way to get your accounts back.</p>
      <div class="actions">
        <button type="button" onClick={() => platform.openOptions('backup')}>
          Make a backup
        </button>
        <button type="button" onClick={onDismiss}>
          Don’t remind me
        </button>
      </div>
    </div>
  );
}

export function MainView({ status, onStatus }: { status: VaultStatusReport; onStatus(status: VaultStatusReport): void }) {
  const { client, platform } = useServices();
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
      <nav class="tabs" aria-label="Sections">
        {(['codes', 'add', 'settings'] as const).map((name) => (
          <button key={name} type="button" aria-current={tab === name ? 'page' : undefined} onClick={() => setTab(name)}>
            {name === 'codes' ? 'Codes' : name === 'add' ? 'Add account' : 'Settings'}
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
          !problem && <p>Loading your codes…</p>
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
      {tab === 'settings' && <SettingsView onStatus={onStatus} />}
    </>
  );
}
