import { useEffect, useState } from 'preact/hooks';
import type { PageReport } from '../../messaging/protocol';
import { HostWithConfusables, marksForSuffix } from '../../ui/host-marks';
import type { BackgroundClient } from '../client';
import { InterstitialMemory } from './interstitial-memory';
import type { MessageKey } from '../../ui/i18n';
import { rich, slot, useI18n } from '../../ui/i18n-context';
import { reasonText } from '../../ui/reasons';
import { TrustedNote } from './trusted-note';

// Shared with the warning and confirmation pages; re-exported for the popup's own users.
export { HostWithConfusables, marksForSuffix };

const VERDICT_TITLE: Record<PageReport['verdict'], MessageKey> = {
  verified: 'verdict_verified',
  lookalike: 'verdict_lookalike',
  unknown: 'verdict_unknown',
  'not-a-website': 'verdict_not_website',
  invalid: 'verdict_not_website',
};

interface Props {
  client: BackgroundClient;
  /**
   * A link the user asks about instead of the page in front (check-link.tsx): the same view, without what only a
   * page in a tab has (trust, the warning page's memory).
   */
  link?: () => Promise<PageReport>;
}

export function ThisPage({ client, link }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const [report, setReport] = useState<PageReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirmTrust, setConfirmTrust] = useState(false);
  useEffect(() => {
    (link ? link() : client.send({ type: 'ui:describe-tab' }))
      .then(setReport)
      .catch((e: Error) => setError(e.message));
  }, [client, link]);

  async function trust() {
    setConfirmTrust(false);
    try {
      setReport(await client.send({ type: 'ui:trust-site' }));
    } catch (e) {
      setError((e as Error).message);
    }
  }

  if (error) return <section class="this-page" data-verdict="error">{error}</section>;
  if (!report) return <section class="this-page">{t(link ? 'page_checking_link' : 'page_checking')}</section>;
  return (
    <section class="this-page" data-verdict={report.verdict} aria-label={t(link ? 'page_label_link' : 'page_label_page')}>
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
          {!link && report.fillAccount && (
            <>
              <dt>{t('codes_fills_here')}</dt>
              <dd data-testid="fill-account">{report.fillAccount.label}</dd>
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
          {!link && <InterstitialMemory client={client} />}
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
      {!link && report.trustedByUser && (
        <TrustedNote site={report.registrableDomain ?? ''} client={client} onUndone={setReport} onError={setError} />
      )}
      {/* Only a lookalike can be trusted: an unknown site gets no warning, so there is nothing to silence (README). */}
      {!link &&
        report.verdict === 'lookalike' &&
        !report.trustedByUser &&
        (confirmTrust ? (
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
          <button type="button" onClick={() => setConfirmTrust(true)}>
            {t('page_trust')}
          </button>
        ))}
    </section>
  );
}
