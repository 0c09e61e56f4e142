import { useState } from 'preact/hooks';
import type { AccountView } from '../../messaging/protocol';
import { messageOf } from '../format';
import { useServices } from '../services';
import { Problem } from '../components/problem';
import { useI18n } from '../../ui/i18n-context';

/** The SVG comes from our own background (lean-qr); still, render only something that is an SVG document. */
export function isSvgMarkup(svg: string): boolean {
  return svg.trimStart().startsWith('<svg');
}

/** Shows one account as a QR code for a phone, after the password is typed again. */
export function ExportQr({ account, onClose }: { account: AccountView; onClose(): void }) {
  const { client } = useServices();
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const [svg, setSvg] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const inputId = `export-${account.id}-password`;

  async function submit(event: Event) {
    event.preventDefault();
    if (!password) {
      setProblem(t('unlock_type_password'));
      return;
    }
    try {
      const reply = await client.send({ type: 'ui:export-account-qr', id: account.id, password });
      setPassword('');
      if (!isSvgMarkup(reply.svg)) {
        setProblem(t('export_qr_failed'));
        return;
      }
      setProblem(null);
      setSvg(reply.svg);
    } catch (error) {
      setProblem(messageOf(error));
    }
  }

  if (svg) {
    return (
      <div class="export-qr">
        <p class="important">{t('export_qr_warning')}</p>
        {/* Shown as an image, never as markup: an SVG in an <img> cannot run anything. */}
        <img class="qr" data-testid="export-qr-svg" alt={t('export_qr_alt')} src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`} />
        <button type="button" onClick={onClose}>
          {t('action_close')}
        </button>
      </div>
    );
  }
  return (
    <form class="export-qr" onSubmit={submit}>
      <p>{t('export_qr_intro')}</p>
      <label for={inputId}>{t('password_label')}</label>
      <input
        id={inputId}
        type="password"
        autocomplete="current-password"
        value={password}
        onInput={(event) => setPassword(event.currentTarget.value)}
      />
      <Problem text={problem} />
      <div class="actions">
        <button type="submit">{t('export_qr_show')}</button>
        <button type="button" onClick={onClose}>
          {t('action_cancel')}
        </button>
      </div>
    </form>
  );
}
