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

const SECTIONS = [
  { id: 'import', title: 'Import from another app' },
  { id: 'qr', title: 'Add from a QR image' },
  { id: 'backup', title: 'Backup and restore' },
  { id: 'settings', title: 'Settings' },
] as const;

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
  return (
    <VaultGate
      status={status}
      problem={problem}
      onStatus={setStatus}
      unlocked={() => (
        <>
          <nav aria-label="Sections">
            {SECTIONS.map((section) => (
              <a key={section.id} href={`#${section.id}`}>
                {section.title}
              </a>
            ))}
          </nav>
          <section id="import" aria-labelledby="import-heading">
            <h2 id="import-heading">Import from another app</h2>
            <ImportSection />
          </section>
          <section id="qr" aria-labelledby="qr-heading">
            <h2 id="qr-heading">Add from a QR image</h2>
            <QrSection />
          </section>
          <section id="backup" aria-labelledby="backup-heading">
            <h2 id="backup-heading">Backup and restore</h2>
            <BackupSection />
            <ExportSection />
          </section>
          <section id="settings" aria-labelledby="settings-heading">
            <h2 id="settings-heading">Settings</h2>
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
export function OptionsApp({ client, platform }: { client: BackgroundClient; platform: Platform }) {
  return (
    <ServicesContext.Provider value={{ client, platform }}>
      <main class="options">
        <h1>OTP Guard</h1>
        <Sections />
      </main>
    </ServicesContext.Provider>
  );
}
