import { useState } from 'preact/hooks';
import type { VaultStatusReport } from '../messaging/protocol';
import type { BackgroundClient } from './client';
import { messageOf } from './format';
import type { Platform } from './platform';
import { ServicesContext, useServices } from './services';
import { MainView } from './views/main-view';
import { CheckLink, MenuLinkCheck } from './views/check-link';
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
  // "Check a link" opens from the header, so the codes list keeps its rows when it is closed.
  const [checking, setChecking] = useState(false);
  return (
    <>
      <header class="bar">
        <h1>OTP Guard</h1>
        {status && (
          <button type="button" class="link check-link-toggle" aria-expanded={checking} onClick={() => setChecking(!checking)}>
            Check a link
          </button>
        )}
        {status?.state === 'unlocked' && <LockButton onStatus={setStatus} />}
      </header>
      {/* The page verdict does not need the vault: shown locked, unlocked and before the first vault. */}
      {status && <ThisPage client={client} />}
      {status && checking && <CheckLink />}
      <VaultGate
        status={status}
        problem={problem}
        onStatus={setStatus}
        unlocked={(unlockedStatus) => <MainView status={unlockedStatus} onStatus={setStatus} />}
      />
    </>
  );
}

/** `view`: "check-link" in the window the right-click "Check this link" opens; the toolbar popup otherwise. */
export function App({ client, platform, view }: { client: BackgroundClient; platform: Platform; view?: 'check-link' }) {
  return (
    <ServicesContext.Provider value={{ client, platform }}>
      <main>{view === 'check-link' ? <MenuLinkCheck /> : <PopupBody />}</main>
    </ServicesContext.Provider>
  );
}
