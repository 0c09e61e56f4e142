import { useEffect, useRef, useState } from 'preact/hooks';
import type { WarningReport } from '../../messaging/protocol';
import { HostWithConfusables } from '../../ui/host-marks';
import type { UiClient } from '../../ui/ui-client';

/**
 * "This is not amazon.com": the page OTP Guard shows instead of a high-confidence lookalike. The real
 * site is the default; "Continue anyway" is remembered for the site and can be undone from the popup.
 */
export function WarningView({ client }: { client: UiClient }) {
  const [report, setReport] = useState<WarningReport | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const safeChoice = useRef<HTMLButtonElement>(null);
  // The safe choice has the focus once shown, so an Enter meant for something else lands there.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the buttons appear
  useEffect(() => safeChoice.current?.focus(), [report]);
  useEffect(() => {
    client.send({ type: 'ui:warning-describe' }).then(setReport, (error: Error) => setProblem(error.message));
  }, [client]);

  async function act(type: 'ui:warning-go' | 'ui:warning-continue') {
    setBusy(true);
    try {
      const { navigated } = await client.send({ type });
      if (!navigated) setProblem('OTP Guard could not open the page. Try again.');
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setBusy(false);
    }
  }

  if (!report) {
    return <main data-testid="warning">{problem ? <p class="error">{problem}</p> : <p>Checking…</p>}</main>;
  }
  const { page } = report;
  return (
    <main data-testid="warning">
      <h1>This is not {report.realSiteName}</h1>
      <p>
        You were about to open{' '}
        <span class="host" data-testid="stopped-host">
          <HostWithConfusables host={page.unicodeHost ?? ''} marks={page.confusables} />
        </span>
        , a site that imitates <strong>{page.imitates?.name}</strong>. OTP Guard stopped it before it could load.
      </p>
      {page.asciiHost !== page.unicodeHost && (
        <p>
          Its real spelling is <code data-testid="stopped-ascii-host">{page.asciiHost}</code>.
        </p>
      )}
      <h2>Why OTP Guard thinks so</h2>
      <ul data-testid="reasons">
        {page.reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
      <div class="actions">
        <button type="button" class="primary" ref={safeChoice} disabled={busy} onClick={() => act('ui:warning-go')}>
          Go to {report.realSiteName}
        </button>
        <button type="button" disabled={busy} onClick={() => act('ui:warning-continue')}>
          Continue anyway
        </button>
      </div>
      {problem && <p class="error">{problem}</p>}
      <p class="small">
        If you continue, OTP Guard will not stop you on {page.unicodeRegistrableDomain} again (undo it from the OTP
        Guard button on that page). Its warning stays in the page and in the toolbar, and it still keeps codes you type
        there from the page until you confirm.
      </p>
    </main>
  );
}
