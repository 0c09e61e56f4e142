import { useEffect, useState } from 'preact/hooks';
import type { PageReport } from '../../messaging/protocol';
import { HostWithConfusables, marksForSuffix } from '../../ui/host-marks';
import type { BackgroundClient } from '../client';
import { InterstitialMemory } from './interstitial-memory';
import { TrustedNote } from './trusted-note';

// Shared with the warning and confirmation pages; re-exported for the popup's own users.
export { HostWithConfusables, marksForSuffix };

const VERDICT_TITLE: Record<PageReport['verdict'], string> = {
  verified: 'Verified site',
  lookalike: 'Warning: lookalike site',
  unknown: 'Not a site of your accounts',
  'not-a-website': 'Not a website',
  invalid: 'Not a website',
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
  if (!report) return <section class="this-page">{link ? 'Checking the link…' : 'Checking this page…'}</section>;
  return (
    <section class="this-page" data-verdict={report.verdict} aria-label={link ? 'The link' : 'This page'}>
      <h2 data-testid="verdict">{VERDICT_TITLE[report.verdict]}</h2>
      {report.verdict === 'not-a-website' ? (
        <p data-testid="not-website-reason">{report.notWebsiteReason}</p>
      ) : (
        <dl>
          <dt>Site</dt>
          <dd data-testid="registrable-domain">
            <HostWithConfusables
              host={report.unicodeRegistrableDomain ?? ''}
              marks={marksForSuffix(report.unicodeHost ?? '', report.unicodeRegistrableDomain ?? '', report.confusables)}
            />
          </dd>
          <dt>Address</dt>
          <dd data-testid="unicode-host">
            <HostWithConfusables host={report.unicodeHost ?? ''} marks={report.confusables} />
          </dd>
          {report.asciiHost !== report.unicodeHost && (
            <>
              <dt>Real spelling</dt>
              <dd data-testid="ascii-host">{report.asciiHost}</dd>
            </>
          )}
          {report.registrableDomain !== report.unicodeRegistrableDomain && (
            <>
              <dt>Site, real spelling</dt>
              <dd data-testid="ascii-registrable-domain">{report.registrableDomain}</dd>
            </>
          )}
          {report.brand && (
            <>
              <dt>Brand</dt>
              <dd data-testid="brand">{report.brand.name}</dd>
            </>
          )}
          {report.scheme === 'http' && <p class="warn">This page is not encrypted (http): codes are never filled here.</p>}
        </dl>
      )}
      {report.imitates && (
        <div class="lookalike">
          <p data-testid="imitates">
            This site imitates <strong>{report.imitates.name}</strong>.
          </p>
          <ul>
            {report.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
          <a href={`https://${report.imitates.primaryDomain}/`} target="_blank" rel="noreferrer">
            Go to the real site ({report.imitates.primaryDomain})
          </a>
          {!link && <InterstitialMemory client={client} />}
        </div>
      )}
      {!report.imitates && report.reasons.length > 0 && (
        <ul class="reasons">
          {report.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}
      {!link && report.trustedByUser && (
        <TrustedNote site={report.registrableDomain ?? ''} client={client} onUndone={setReport} onError={setError} />
      )}
      {/* Only a lookalike can be trusted: an unknown site gets no warning, so there is nothing to silence (README). */}
      {!link &&
        report.verdict === 'lookalike' &&
        (confirmTrust ? (
          <div class="confirm" role="alertdialog" aria-label="Trust this site?">
            <p>
              This site looks like <strong>{report.imitates?.name ?? 'a well-known brand'}</strong> but is not its real
              site. Trust it only if you are sure it belongs to someone you know. It will still never get your codes.
            </p>
            <div class="actions">
              <button type="button" class="danger" onClick={() => trust()}>
                Trust it anyway
              </button>
              <button type="button" onClick={() => setConfirmTrust(false)}>
                Cancel
              </button>
            </div>
          </div>
        ) : (
          <button type="button" onClick={() => setConfirmTrust(true)}>
            Trust this site
          </button>
        ))}
    </section>
  );
}
