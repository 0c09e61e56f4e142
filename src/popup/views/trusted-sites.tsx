import { useEffect, useState } from 'preact/hooks';
import type { TrustedSiteEntry } from '../../messaging/protocol-store';
import type { I18n } from '../../ui/i18n';
import { useI18n } from '../../ui/i18n-context';
import { messageOf } from '../format';
import { useServices } from '../services';

function why(entry: TrustedSiteEntry, { t }: I18n): string {
  if (entry.reason === 'lookalike') return entry.imitated ? t('settings_trusted_why_brand', entry.imitated) : t('settings_trusted_why_lookalike');
  if (entry.reason === 'unknown') return t('settings_trusted_why_unknown');
  return t('settings_trusted_why_earlier');
}

function when(entry: TrustedSiteEntry, { t }: I18n): string {
  return entry.trustedAt === undefined ? '' : `${t('settings_trusted_on', new Date(entry.trustedAt).toLocaleDateString())} `;
}

/**
 * The sites the user said are fine although OTP Guard warned: when and why, each removable. Removing one makes
 * OTP Guard judge that site again at once (its pages get the warning back).
 */
export function TrustedSitesList() {
  const { client } = useServices();
  const i18n = useI18n();
  const { t } = i18n;
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
      setMessage({ text: t('settings_trusted_removed', entry.unicodeSite), error: false });
    } catch (error) {
      setMessage({ text: messageOf(error), error: true });
    }
  }

  return (
    <section class="trusted-sites" aria-labelledby="trusted-sites-heading">
      <h3 id="trusted-sites-heading">{t('settings_trusted_heading')}</h3>
      {sites?.length === 0 && <p class="hint">{t('settings_trusted_none')}</p>}
      {sites && sites.length > 0 && (
        <ul data-testid="trusted-sites">
          {sites.map((entry) => (
            <li key={entry.site} data-site={entry.site}>
              <strong>{entry.unicodeSite}</strong>
              <span class="hint">
                {' '}
                {when(entry, i18n)}
                {why(entry, i18n)}
              </span>
              <button type="button" onClick={() => remove(entry)} aria-label={t('settings_trusted_stop_label', entry.unicodeSite)}>
                {t('settings_trusted_stop')}
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
