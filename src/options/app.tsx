import { useEffect } from 'preact/hooks';
import type { BackgroundClient } from '../popup/client';
import type { Platform } from '../popup/platform';
import { ServicesContext } from '../popup/services';
import { ChangePassword, ClipboardSetting, SettingsForm, TrustedSitesList } from '../popup/views/settings';
import { useVaultStatus, VaultGate } from '../popup/views/vault-gate';
import { BackupSection } from './backup-section';
import { ExportSection } from './export-section';
import { ImportSection } from './import-section';
import { QrSection } from './qr-section';
import type { I18n, MessageKey } from '../ui/i18n';
import { englishI18n, I18nContext, useI18n } from '../ui/i18n-context';

const SECTIONS = [
  { id: 'import', title: 'options_import' },
  { id: 'qr', title: 'options_qr' },
  { id: 'backup', title: 'settings_backup' },
  { id: 'settings', title: 'nav_settings' },
] as const satisfies { id: string; title: MessageKey }[];

/** The sections exist only once the vault is open, so the browser could not scroll to #backup on load by itself. */
function ScrollToHash() {
  useEffect(() => {
    const target = location.hash.slice(1);
    if (target) document.getElementById(target)?.scrollIntoView();
  }, []);
  return null;
}

function Sections() {
  const { status, setStatus, problem } = useVaultStatus();
  const { t } = useI18n();
  return (
    <VaultGate
      status={status}
      problem={problem}
      onStatus={setStatus}
      unlocked={() => (
        <>
          <nav aria-label={t('nav_sections')}>
            {SECTIONS.map((section) => (
              <a key={section.id} href={`#${section.id}`}>
                {t(section.title)}
              </a>
            ))}
          </nav>
          <section id="import" aria-labelledby="import-heading">
            <h2 id="import-heading">{t('options_import')}</h2>
            <ImportSection />
          </section>
          <section id="qr" aria-labelledby="qr-heading">
            <h2 id="qr-heading">{t('options_qr')}</h2>
            <QrSection />
          </section>
          <section id="backup" aria-labelledby="backup-heading">
            <h2 id="backup-heading">{t('settings_backup')}</h2>
            <BackupSection />
            <ExportSection />
          </section>
          <section id="settings" aria-labelledby="settings-heading">
            <h2 id="settings-heading">{t('nav_settings')}</h2>
            <SettingsForm />
            <ClipboardSetting />
            <TrustedSitesList />
            <ChangePassword onStatus={setStatus} />
          </section>
          <ScrollToHash />
        </>
      )}
    />
  );
}

/** The options page: file work (imports, QR images, backups) lives here because it opens in a full tab. */
export function OptionsApp({ client, platform, i18n = englishI18n }: { client: BackgroundClient; platform: Platform; i18n?: I18n }) {
  return (
    <I18nContext.Provider value={i18n}>
      <ServicesContext.Provider value={{ client, platform }}>
        <main class="options">
          <h1>{i18n.t('ext_name')}</h1>
          <Sections />
        </main>
      </ServicesContext.Provider>
    </I18nContext.Provider>
  );
}
