import { useEffect, useRef, useState } from 'preact/hooks';
import type { WarningReport } from '../../messaging/protocol';
import { HostWithConfusables } from '../../ui/host-marks';
import type { UiClient } from '../../ui/ui-client';
import { rich, slot, useI18n } from '../../ui/i18n-context';
import { reasonText } from '../../ui/reasons';

/**
 * "This is not amazon.com": the page OTP Guard shows instead of a high-confidence lookalike. The real
 * site is the default; "Continue anyway" is remembered for the site and can be undone from the popup.
 */
export function WarningView({ client }: { client: UiClient }) {
  const i18n = useI18n();
  const { t } = i18n;
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
      if (!navigated) setProblem(t('warning_open_failed'));
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setBusy(false);
    }
  }

  if (!report) {
    return <main data-testid="warning">{problem ? <p class="error">{problem}</p> : <p>{t('warning_checking')}</p>}</main>;
  }
  const { page } = report;
  return (
    <main data-testid="warning">
      <h1>{t('warning_title', report.realSiteName)}</h1>
      <p>
        {rich(t('warning_about_to_open', slot(0), slot(1)), 
          <span class="host" data-testid="stopped-host">
            <HostWithConfusables host={page.unicodeHost ?? ''} marks={page.confusables} />
          </span>,
          <strong>{page.imitates?.name}</strong>)}
      </p>
      {page.asciiHost !== page.unicodeHost && (
        <p>{rich(t('warning_real_spelling', slot(0)), <code data-testid="stopped-ascii-host">{page.asciiHost}</code>)}</p>
      )}
      <h2>{t('warning_why')}</h2>
      <ul data-testid="reasons">
        {page.reasons
          .map((reason) => reasonText(reason, i18n))
          .map((text) => (
            <li key={text}>{text}</li>
        ))}
      </ul>
      <div class="actions">
        <button type="button" class="primary" ref={safeChoice} disabled={busy} onClick={() => act('ui:warning-go')}>
          {t('warning_go', report.realSiteName)}
        </button>
        <button type="button" disabled={busy} onClick={() => act('ui:warning-continue')}>
          {t('warning_continue')}
        </button>
      </div>
      {problem && <p class="error">{problem}</p>}
      <p class="small">{t('warning_continue_explain', page.unicodeRegistrableDomain ?? '')}</p>
    </main>
  );
}
