import { useEffect, useState } from 'preact/hooks';
import type { PageReport } from '../../messaging/protocol';
import { HostWithConfusables, marksForSuffix } from '../../ui/host-marks';
import type { BackgroundClient } from '../client';
import { InterstitialMemory } from './interstitial-memory';
import type { MessageKey } from '../../ui/i18n';
import { rich, slot, useI18n } from '../../ui/i18n-context';
import { reasonText } from '../../ui/reasons';

// Shared with the warning and confirmation pages; re-exported for the popup's own users.
export { HostWithConfusables, marksForSuffix };

const VERDICT_TITLE: Record<PageReport['verdict'], MessageKey> = {
  verified: 'verdict_verified',
  lookalike: 'verdict_lookalike',
  unknown: 'verdict_unknown',
  'not-a-website': 'verdict_not_website',
  invalid: 'verdict_not_website',
};

export function ThisPage({ client }: { client: BackgroundClient }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [report, setReport] = useState<PageReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirmTrust, setConfirmTrust] = useState(false);
  useEffect(() => {
    client.send({ type: 'ui:describe-tab' })
      .then(setReport)
      .catch((e: Error) => setError(e.message));
  }, [client]);

  async function trust() {
    setConfirmTrust(false);
    try {
      setReport(await client.send({ type: 'ui:trust-site' }));
    } catch (e) {
      setError((e as Error).message);
    }
  }

  if (error) return <section class="this-page" data-verdict="error">{error}</section>;
  if (!report) return <section class="this-page">{t('page_checking')}</section>;
  return (
    <section class="this-page" data-verdict={report.verdict}>
      <h2 data-testid="verdict">{t(VERDICT_TITLE[report.verdict])}</h2>
      {report.verdict === 'not-a-website' ? (
        <p data-testid="not-website-reason">{report.notWebsiteReason}</p>
      ) : (
        <dl>
          <dt>{t('page_site')}</dt>
          <dd data-testid="registrable-domain">
            <HostWithConfusables
              host={report.unicodeRegistrableDomain ?? ''}
              marks={marksForSuffix(report.unicodeHost ?? '', report.unicodeRegistrableDomain ?? '', report.confusables)}
            />
          </dd>
          <dt>{t('page_address')}</dt>
          <dd data-testid="unicode-host">
            <HostWithConfusables host={report.unicodeHost ?? ''} marks={report.confusables} />
          </dd>
          {report.asciiHost !== report.unicodeHost && (
            <>
              <dt>{t('page_real_spelling')}</dt>
              <dd data-testid="ascii-host">{report.asciiHost}</dd>
            </>
          )}
          {report.registrableDomain !== report.unicodeRegistrableDomain && (
            <>
              <dt>{t('page_site_real_spelling')}</dt>
              <dd data-testid="ascii-registrable-domain">{report.registrableDomain}</dd>
            </>
          )}
          {report.brand && (
            <>
              <dt>{t('page_brand')}</dt>
              <dd data-testid="brand">{report.brand.name}</dd>
            </>
          )}
          {report.scheme === 'http' && <p class="warn">{t('page_http')}</p>}
        </dl>
      )}
      {report.imitates && (
        <div class="lookalike">
          <p data-testid="imitates">{rich(t('page_imitates', slot(0)), <strong>{report.imitates.name}</strong>)}</p>
          <ul>
            {report.reasons
              .map((reason) => reasonText(reason, i18n))
              .map((text) => (
                <li key={text}>{text}</li>
            ))}
          </ul>
          <a href={`https://${report.imitates.primaryDomain}/`} target="_blank" rel="noreferrer">
            {t('page_go_real', report.imitates.primaryDomain)}
          </a>
          <InterstitialMemory client={client} />
        </div>
      )}
      {!report.imitates && report.reasons.length > 0 && (
        <ul class="reasons">
          {report.reasons
            .map((reason) => reasonText(reason, i18n))
            .map((text) => (
              <li key={text}>{text}</li>
          ))}
        </ul>
      )}
      {(report.verdict === 'unknown' || report.verdict === 'lookalike') &&
        (report.trustedByUser ? (
          <p class="hint" data-testid="trusted">
            {t('page_trusted')}
          </p>
        ) : confirmTrust ? (
          <div class="confirm" role="alertdialog" aria-label={t('page_trust_question')}>
            <p>{rich(t('page_trust_explain', slot(0)), <strong>{report.imitates?.name ?? t('page_a_brand')}</strong>)}</p>
            <div class="actions">
              <button type="button" class="danger" onClick={() => trust()}>
                {t('page_trust_anyway')}
              </button>
              <button type="button" onClick={() => setConfirmTrust(false)}>
                {t('action_cancel')}
              </button>
            </div>
          </div>
        ) : (
          <button
            type="button"
            onClick={() => (report.verdict === 'lookalike' ? setConfirmTrust(true) : trust())}
          >
            {t('page_trust')}
          </button>
        ))}
    </section>
  );
}
