import { useCallback, useState } from 'preact/hooks';
import type { VaultStatusReport } from '../messaging/protocol';
import type { BackgroundClient } from './client';
import { messageOf } from './format';
import type { Platform } from './platform';
import { ServicesContext, useServices } from './services';
import { MainView } from './views/main-view';
import { Onboarding } from './views/onboarding';
import { CheckLink, MenuLinkCheck } from './views/check-link';
import { ThisPage } from './views/this-page';
import { useVaultStatus, VaultGate } from './views/vault-gate';
import type { I18n } from '../ui/i18n';
import { englishI18n, I18nContext, useI18n } from '../ui/i18n-context';

function LockButton({ onStatus }: { onStatus(status: VaultStatusReport): void }) {
  const { client } = useServices();
  const { t } = useI18n();
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
        {t('popup_lock_now')}
      </button>
      {problem && <span class="error">{problem}</span>}
    </>
  );
}

function PopupBody() {
  const { client } = useServices();
  const { t } = useI18n();
  const { status, setStatus, problem } = useVaultStatus();
  const [intro, setIntro] = useState(false);
  // A vault that was just created (first run → unlocked) gets the introduction once.
  const onStatus = useCallback(
    (next: VaultStatusReport) => {
      if (status?.state === 'none' && next.state === 'unlocked') setIntro(true);
      setStatus(next);
    },
    [status, setStatus],
  );
  // "Check a link" opens from the header, so the codes list keeps its rows when it is closed.
  const [checking, setChecking] = useState(false);
  return (
    <>
      <header class="bar">
        <h1>{t('ext_name')}</h1>
        {status && (
          <button type="button" class="link check-link-toggle" aria-expanded={checking} onClick={() => setChecking(!checking)}>
            {t('popup_check_link_toggle')}
          </button>
        )}
        {status?.state === 'unlocked' && <LockButton onStatus={onStatus} />}
      </header>
      {/* The page verdict does not need the vault: shown locked, unlocked and before the first vault. */}
      {status && <ThisPage client={client} />}
      {status && checking && <CheckLink />}
      <VaultGate
        status={status}
        problem={problem}
        onStatus={onStatus}
        unlocked={(unlockedStatus) =>
          intro ? (
            <Onboarding onDone={() => setIntro(false)} />
          ) : (
            <MainView status={unlockedStatus} onStatus={onStatus} onShowIntro={() => setIntro(true)} />
          )
        }
      />
    </>
  );
}

/**
 * `i18n`: the shell's browser.i18n (tests leave it out and get English).
 * `view`: "check-link" in the window the right-click "Check this link" opens; the toolbar popup otherwise.
 */
export function App({ client, platform, i18n = englishI18n, view }: { client: BackgroundClient; platform: Platform; i18n?: I18n; view?: 'check-link' }) {
  return (
    <I18nContext.Provider value={i18n}>
      <ServicesContext.Provider value={{ client, platform }}>
        <main>{view === 'check-link' ? <MenuLinkCheck /> : <PopupBody />}</main>
      </ServicesContext.Provider>
    </I18nContext.Provider>
  );
}
