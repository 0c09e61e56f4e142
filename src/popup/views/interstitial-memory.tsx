import { useEffect, useState } from 'preact/hooks';
import type { WarningStatus } from '../../messaging/protocol';
import type { BackgroundClient } from '../client';

/**
 * Undo for "Continue anyway" on the warning page: shown in "This page" for a site the user let through.
 * Nothing at all when the site never gets the warning page or was not let through.
 */
export function InterstitialMemory({ client }: { client: BackgroundClient }) {
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
    return <p class="hint" data-testid="interstitial-on">OTP Guard shows its warning page before this site opens.</p>;
  }
  return (
    <div class="hint" data-testid="interstitial-skipped">
      <p>You chose to continue to {status.site} without OTP Guard’s warning page.</p>
      <button type="button" onClick={() => forget()}>
        Show the warning page again
      </button>
      {problem && <span class="error">{problem}</span>}
    </div>
  );
}
