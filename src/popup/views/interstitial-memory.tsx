import { useEffect, useState } from 'preact/hooks';
import type { WarningStatus } from '../../messaging/protocol';
import type { BackgroundClient } from '../client';
import { useI18n } from '../../ui/i18n-context';

/**
 * Undo for "Continue anyway" on the warning page: shown in "This page" for a site the user let through.
 * Nothing at all when the site never gets the warning page or was not let through.
 */
export function InterstitialMemory({ client }: { client: BackgroundClient }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<WarningStatus | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    client.send({ type: 'ui:warning-status' }).then(setStatus, () => setStatus(null));
  }, [client]);

  async function forget() {
    try {
      setStatus(await client.send({ type: 'ui:warning-forget' }));
    } catch (error) {
      setProblem((error as Error).message);
    }
  }

  if (!status?.interstitial) return null;
  if (!status.skipped) {
    return <p class="hint" data-testid="interstitial-on">
        {t('memory_on')}
      </p>;
  }
  return (
    <div class="hint" data-testid="interstitial-skipped">
      <p>{t('memory_skipped', status.site ?? '')}</p>
      <button type="button" onClick={() => forget()}>
        {t('memory_show_again')}
      </button>
      {problem && <span class="error">{problem}</span>}
    </div>
  );
}
