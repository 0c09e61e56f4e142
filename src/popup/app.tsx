import { useState } from 'preact/hooks';
import type { VaultStatusReport } from '../messaging/protocol';
import type { BackgroundClient } from './client';
import { messageOf } from './format';
import type { Platform } from './platform';
import { ServicesContext, useServices } from './services';
import { MainView } from './views/main-view';
import { ThisPage } from './views/this-page';
import { useVaultStatus, VaultGate } from './views/vault-gate';

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
  return (
    <>
      <header class="bar">
        <h1>OTP Guard</h1>
        {status?.state === 'unlocked' && <LockButton onStatus={setStatus} />}
      </header>
      {/* The page verdict does not need the vault: shown locked, unlocked and before the first vault. */}
      {status && <ThisPage client={client} />}
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
