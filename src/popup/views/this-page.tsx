import { useEffect, useState } from 'preact/hooks';
import type { PageReport } from '../../messaging/protocol';
import type { BackgroundClient } from '../client';

const VERDICT_TITLE: Record<PageReport['verdict'], string> = {
  verified: 'Verified site',
  lookalike: 'Warning: lookalike site',
  unknown: 'Not a site of your accounts',
  'not-a-website': 'Not a website',
  invalid: 'Not a website',
};

/** Marks the characters that imitate others, so the user sees what is off. */
export function HostWithConfusables({ host, marks }: { host: string; marks: PageReport['confusables'] }) {
  if (marks.length === 0) return <span>{host}</span>;
  const chars = Array.from(host);
  const marked = new Map(marks.map((mark) => [mark.index, mark]));
  return (
    <span>
      {chars.map((char, index) => {
        const mark = marked.get(index);
        return mark ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: characters of a fixed string
          <mark key={index} class="confusable" title={`looks like “${mark.looksLike}”`}>
            {char}
          </mark>
        ) : (
          char
        );
      })}
    </span>
  );
}

export function ThisPage({ client, tabId }: { client: BackgroundClient; tabId: number | undefined }) {
  const [report, setReport] = useState<PageReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (tabId === undefined) {
      setError('No tab to check.');
      return;
    }
    client
      .send({ type: 'ui:describe-tab', tabId })
      .then(setReport)
      .catch((e: Error) => setError(e.message));
  }, [client, tabId]);

  if (error) return <section class="this-page" data-verdict="error">{error}</section>;
  if (!report) return <section class="this-page">Checking this page…</section>;
  return (
    <section class="this-page" data-verdict={report.verdict}>
      <h2 data-testid="verdict">{VERDICT_TITLE[report.verdict]}</h2>
      {report.verdict === 'not-a-website' ? (
        <p data-testid="not-website-reason">{report.notWebsiteReason}</p>
      ) : (
        <dl>
          <dt>Site</dt>
          <dd data-testid="registrable-domain">
            <HostWithConfusables host={report.unicodeRegistrableDomain ?? ''} marks={[]} />
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
        </div>
      )}
    </section>
  );
}
