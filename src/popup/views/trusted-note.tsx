import type { PageReport } from '../../messaging/protocol';
import { useI18n } from '../../ui/i18n-context';
import type { BackgroundClient } from '../client';

interface Props {
  site: string;
  client: BackgroundClient;
  /** The page judged again after the undo. */
  onUndone(report: PageReport): void;
  onError(message: string): void;
}

/** "You marked this site as fine", with its undo right there (the settings list has every trusted site). */
export function TrustedNote({ site, client, onUndone, onError }: Props) {
  const { t } = useI18n();
  async function undo() {
    try {
      await client.send({ type: 'ui:untrust-site', site });
      onUndone(await client.send({ type: 'ui:describe-tab' }));
    } catch (error) {
      onError((error as Error).message);
    }
  }
  return (
    <div class="trusted" data-testid="trusted">
      <p class="hint">{t('page_trusted')}</p>
      <button type="button" onClick={() => undo()}>
        {t('page_untrust')}
      </button>
    </div>
  );
}
