import { useEffect, useState } from 'preact/hooks';
import type { VaultStatusReport } from '../messaging/protocol';
import type { BackgroundClient } from './client';
import { messageOf } from './format';
import type { Platform } from './platform';
import { ServicesContext, useServices } from './services';
import { FirstRun } from './views/first-run';
import { MainView } from './views/main-view';
import { ThisPage } from './views/this-page';
import { Unlock } from './views/unlock';

/** Asks the background for the vault's state once; views report every new state through `onStatus`. */
export function useVaultStatus() {
  const { client } = useServices();
  const [status, setStatus] = useState<VaultStatusReport | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    client.send({ type: 'ui:vault-status' }).then(setStatus, (error) => setProblem(messageOf(error)));
  }, [client]);
  return { status, setStatus, problem, setProblem };
}

interface GateProps {
  status: VaultStatusReport | null;
  problem: string | null;
  onStatus(status: VaultStatusReport): void;
  /** What to show once the vault is unlocked. */
  unlocked(status: VaultStatusReport): preact.ComponentChildren;
}

/** The view for each vault state: first run, unlock, or (once unlocked) the caller's view. */
export function VaultGate({ status, problem, onStatus, unlocked }: GateProps) {
  if (problem) {
    return (
      <p class="error" role="alert">
        {problem}
      </p>
    );
  }
  if (!status) return <p>Opening…</p>;
  if (status.state === 'none') return <FirstRun onStatus={onStatus} />;
  if (status.state === 'locked') return <Unlock status={status} onStatus={onStatus} />;
  return <>{unlocked(status)}</>;
}

function LockButton({ onStatus }: { onStatus(status: VaultStatusReport): void }) {
  const { client } = useServices();
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        class="lock"
        onClick={() =>
          client.send({ type: 'ui:lock' }).then(onStatus, (error) => setProblem(messageOf(error)))
        }
      >
        Lock now
      </button>
      {problem && <span class="error">{problem}</span>}
    </>
  );
}

function PopupBody() {
  const { client } = useServices();
  const { status, setStatus, problem } = useVaultStatus();
  const [tabId, setTabId] = useState<number | undefined | null>(null);
  useEffect(() => {
    client.activeTabId().then(setTabId, () => setTabId(undefined));
  }, [client]);
  return (
    <>
      <header class="bar">
        <h1>OTP Guard</h1>
        {status?.state === 'unlocked' && <LockButton onStatus={setStatus} />}
      </header>
      {/* The page verdict does not need the vault: show it locked too, not on the very first run. */}
      {tabId !== null && status && status.state !== 'none' && <ThisPage client={client} tabId={tabId} />}
      <VaultGate
        status={status}
        problem={problem}
        onStatus={setStatus}
        unlocked={(unlockedStatus) => <MainView status={unlockedStatus} onStatus={setStatus} />}
      />
    </>
  );
}

export function App({ client, platform }: { client: BackgroundClient; platform: Platform }) {
  return (
    <ServicesContext.Provider value={{ client, platform }}>
      <main>
        <PopupBody />
      </main>
    </ServicesContext.Provider>
  );
}
