import { useEffect, useState } from 'preact/hooks';
import type { TrustedSiteEntry } from '../../messaging/protocol-store';
import { messageOf } from '../format';
import { useServices } from '../services';

function why(entry: TrustedSiteEntry): string {
  if (entry.reason === 'lookalike') return entry.imitated ? `It looked like ${entry.imitated}.` : 'It looked like a known brand.';
  if (entry.reason === 'unknown') return 'It was not a site of your accounts.';
  return 'Trusted with an earlier version.';
}

function when(entry: TrustedSiteEntry): string {
  return entry.trustedAt === undefined ? '' : `Trusted on ${new Date(entry.trustedAt).toLocaleDateString()}. `;
}

/**
 * The sites the user said are fine although OTP Guard warned: when and why, each removable. Removing one makes
 * OTP Guard judge that site again at once (its pages get the warning back).
 */
export function TrustedSitesList() {
  const { client } = useServices();
  const [sites, setSites] = useState<TrustedSiteEntry[] | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  useEffect(() => {
    client.send({ type: 'ui:list-trusted-sites' }).then(
      (reply) => setSites(reply.sites),
      (error) => setMessage({ text: messageOf(error), error: true }),
    );
  }, [client]);

  async function remove(entry: TrustedSiteEntry) {
    try {
      setSites((await client.send({ type: 'ui:untrust-site', site: entry.site })).sites);
      setMessage({ text: `${entry.unicodeSite} is no longer trusted: OTP Guard warns about it again.`, error: false });
    } catch (error) {
      setMessage({ text: messageOf(error), error: true });
    }
  }

  return (
    <section class="trusted-sites" aria-labelledby="trusted-sites-heading">
      <h3 id="trusted-sites-heading">Sites you trusted</h3>
      {sites?.length === 0 && <p class="hint">None. When you trust a site OTP Guard warns about, it is listed here.</p>}
      {sites && sites.length > 0 && (
        <ul data-testid="trusted-sites">
          {sites.map((entry) => (
            <li key={entry.site} data-site={entry.site}>
              <strong>{entry.unicodeSite}</strong>
              <span class="hint">
                {' '}
                {when(entry)}
                {why(entry)}
              </span>
              <button type="button" onClick={() => remove(entry)} aria-label={`Stop trusting ${entry.unicodeSite}`}>
                Stop trusting
              </button>
            </li>
          ))}
        </ul>
      )}
      <p class={message?.error ? 'error' : 'notice'} role="status">
        {message?.text}
      </p>
    </section>
  );
}
