import { useState } from 'preact/hooks';
import type { PreviewReply, UiMessage } from '../../messaging/protocol';
import { ImageSource } from '../components/image-source';
import { messageOf } from '../format';
import { useServices } from '../services';
import { Problem } from '../components/problem';

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
  async function scan() {
    await run(() => client.send({ type: 'ui:scan-tab' }));
  }
  return (
    <div>
      <p>Open the page that shows the QR code (for example your account’s two-step verification setup), then scan it.</p>
      <button type="button" onClick={scan} disabled={busy}>
        {busy ? 'Scanning…' : 'Scan this page'}
      </button>
      <Problem text={problem} testId="source-problem" />
    </div>
  );
}

export function PasteSource({ onPreview }: { onPreview: OnPreview }) {
  const { client, problem, setProblem, busy, run } = usePreviewRequest(onPreview);
  const [text, setText] = useState('');
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (!text.trim()) {
          setProblem('Paste one or more otpauth:// links first.');
          return;
        }
        run(() => client.send({ type: 'ui:preview-links', text }));
      }}
    >
      <label for="paste-links">Links (otpauth://…), one per line</label>
      <textarea id="paste-links" rows={5} value={text} onInput={(event) => setText(event.currentTarget.value)} />
      <button type="submit" disabled={busy}>
        Preview
      </button>
      <Problem text={problem} testId="source-problem" />
    </form>
  );
}

type ManualFields = Omit<UiMessage<'ui:preview-manual'>, 'type'>;

export function ManualSource({ onPreview }: { onPreview: OnPreview }) {
  const { client, problem, setProblem, busy, run } = usePreviewRequest(onPreview);
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
          setProblem('Type the secret key shown by the site.');
          return;
        }
        run(() => client.send({ type: 'ui:preview-manual', ...fields }));
      }}
    >
      <label for="manual-issuer">Service (e.g. Amazon)</label>
      <input id="manual-issuer" value={fields.issuer} onInput={(event) => set('issuer', event.currentTarget.value)} />
      <label for="manual-account">Account (e.g. your email)</label>
      <input id="manual-account" value={fields.accountName} onInput={(event) => set('accountName', event.currentTarget.value)} />
      <label for="manual-secret">Secret key</label>
      <input
        id="manual-secret"
        autocomplete="off"
        spellcheck={false}
        value={fields.secret}
        onInput={(event) => set('secret', event.currentTarget.value)}
      />
      <details>
        <summary>Advanced</summary>
        <label for="manual-kind">Type</label>
        <select
          id="manual-kind"
          value={fields.kind}
          onChange={(event) => set('kind', event.currentTarget.value as ManualFields['kind'])}
        >
          <option value="totp">Time-based (TOTP)</option>
          <option value="hotp">Counter-based (HOTP)</option>
          <option value="steam">Steam Guard</option>
        </select>
        <label for="manual-algorithm">Algorithm</label>
        <select
          id="manual-algorithm"
          value={fields.algorithm}
          onChange={(event) => set('algorithm', event.currentTarget.value as ManualFields['algorithm'])}
        >
          <option value="SHA1">SHA-1 (most sites)</option>
          <option value="SHA256">SHA-256</option>
          <option value="SHA512">SHA-512</option>
        </select>
        {numberInput('digits', 'Digits')}
        {numberInput('period', 'Seconds per code')}
        {numberInput('counter', 'Counter (HOTP)')}
      </details>
      <button type="submit" disabled={busy}>
        Preview
      </button>
      <Problem text={problem} testId="source-problem" />
    </form>
  );
}

export function ImageTab({ onPreview }: { onPreview: OnPreview }) {
  const { platform } = useServices();
  return (
    <div>
      <ImageSource idPrefix="popup" onPreview={onPreview} />
      <p class="hint">
        In Firefox this window closes when a file chooser opens.{' '}
        <button type="button" class="link" onClick={() => platform.openOptions('qr')}>
          Open in a tab
        </button>
      </p>
    </div>
  );
}

export function ImportTab() {
  const { platform } = useServices();
  return (
    <div>
      <p>
        Move accounts from Google Authenticator, Aegis, 2FAS, andOTP, Bitwarden or the Authenticator extension. Imports
        open in a tab, where you can choose a file.
      </p>
      <button type="button" onClick={() => platform.openOptions('import')}>
        Open import in a tab
      </button>
    </div>
  );
}
