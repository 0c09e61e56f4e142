import { useState } from 'preact/hooks';
import type { PreviewReply, UiMessage } from '../../messaging/protocol';
import { ImageSource } from '../components/image-source';
import { messageOf } from '../format';
import { useServices } from '../services';
import { Problem } from '../components/problem';
import { useI18n } from '../../ui/i18n-context';

type OnPreview = (reply: PreviewReply) => void;

/** Runs one preview request, keeping its busy flag and error message. */
function usePreviewRequest(onPreview: OnPreview) {
  const { client } = useServices();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function run(request: () => Promise<PreviewReply>) {
    setBusy(true);
    setProblem(null);
    try {
      onPreview(await request());
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setBusy(false);
    }
  }
  return { client, problem, setProblem, busy, run };
}

export function ScanSource({ onPreview }: { onPreview: OnPreview }) {
  const { client, problem, busy, run } = usePreviewRequest(onPreview);
  const { t } = useI18n();
  async function scan() {
    await run(() => client.send({ type: 'ui:scan-tab' }));
  }
  return (
    <div>
      <p>{t('scan_hint')}</p>
      <button type="button" onClick={scan} disabled={busy}>
        {busy ? t('scan_busy') : t('source_scan')}
      </button>
      <Problem text={problem} testId="source-problem" />
    </div>
  );
}

export function PasteSource({ onPreview }: { onPreview: OnPreview }) {
  const { client, problem, setProblem, busy, run } = usePreviewRequest(onPreview);
  const [text, setText] = useState('');
  const { t } = useI18n();
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (!text.trim()) {
          setProblem(t('paste_empty'));
          return;
        }
        run(() => client.send({ type: 'ui:preview-links', text }));
      }}
    >
      <label for="paste-links">{t('paste_label')}</label>
      <textarea id="paste-links" rows={5} value={text} onInput={(event) => setText(event.currentTarget.value)} />
      <button type="submit" disabled={busy}>
        {t('action_preview')}
      </button>
      <Problem text={problem} testId="source-problem" />
    </form>
  );
}

type ManualFields = Omit<UiMessage<'ui:preview-manual'>, 'type'>;

export function ManualSource({ onPreview }: { onPreview: OnPreview }) {
  const { client, problem, setProblem, busy, run } = usePreviewRequest(onPreview);
  const { t } = useI18n();
  const [fields, setFields] = useState<ManualFields>({
    issuer: '',
    accountName: '',
    secret: '',
    kind: 'totp',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
  });
  const set = <K extends keyof ManualFields>(key: K, value: ManualFields[K]) =>
    setFields((current) => ({ ...current, [key]: value }));
  const numberInput = (key: 'digits' | 'period' | 'counter', label: string) => (
    <>
      <label for={`manual-${key}`}>{label}</label>
      <input
        id={`manual-${key}`}
        type="number"
        min={0}
        value={fields[key]}
        onInput={(event) => set(key, Number.parseInt(event.currentTarget.value, 10) || 0)}
      />
    </>
  );
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (!fields.secret.trim()) {
          setProblem(t('manual_no_secret'));
          return;
        }
        run(() => client.send({ type: 'ui:preview-manual', ...fields }));
      }}
    >
      <label for="manual-issuer">{t('manual_service')}</label>
      <input id="manual-issuer" value={fields.issuer} onInput={(event) => set('issuer', event.currentTarget.value)} />
      <label for="manual-account">{t('manual_account')}</label>
      <input id="manual-account" value={fields.accountName} onInput={(event) => set('accountName', event.currentTarget.value)} />
      <label for="manual-secret">{t('manual_secret')}</label>
      <input
        id="manual-secret"
        autocomplete="off"
        spellcheck={false}
        value={fields.secret}
        onInput={(event) => set('secret', event.currentTarget.value)}
      />
      <details>
        <summary>{t('manual_advanced')}</summary>
        <label for="manual-kind">{t('manual_type')}</label>
        <select
          id="manual-kind"
          value={fields.kind}
          onChange={(event) => set('kind', event.currentTarget.value as ManualFields['kind'])}
        >
          <option value="totp">{t('manual_totp')}</option>
          <option value="hotp">{t('manual_hotp')}</option>
          <option value="steam">{t('manual_steam')}</option>
        </select>
        <label for="manual-algorithm">{t('manual_algorithm')}</label>
        <select
          id="manual-algorithm"
          value={fields.algorithm}
          onChange={(event) => set('algorithm', event.currentTarget.value as ManualFields['algorithm'])}
        >
          <option value="SHA1">{t('manual_sha1')}</option>
          <option value="SHA256">SHA-256</option>
          <option value="SHA512">SHA-512</option>
        </select>
        {numberInput('digits', t('manual_digits'))}
        {numberInput('period', t('manual_period'))}
        {numberInput('counter', t('manual_counter'))}
      </details>
      <button type="submit" disabled={busy}>
        {t('action_preview')}
      </button>
      <Problem text={problem} testId="source-problem" />
    </form>
  );
}

export function ImageTab({ onPreview }: { onPreview: OnPreview }) {
  const { platform } = useServices();
  const { t } = useI18n();
  return (
    <div>
      <ImageSource idPrefix="popup" onPreview={onPreview} />
      <p class="hint">
        {t('image_firefox_hint')}{' '}
        <button type="button" class="link" onClick={() => platform.openOptions('qr')}>
          {t('image_open_tab')}
        </button>
      </p>
    </div>
  );
}

export function ImportTab() {
  const { platform } = useServices();
  const { t } = useI18n();
  return (
    <div>
      <p>{t('import_hint')}</p>
      <button type="button" onClick={() => platform.openOptions('import')}>
        {t('import_open_tab')}
      </button>
    </div>
  );
}
