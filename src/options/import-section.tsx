import { useState } from 'preact/hooks';
import type { PreviewReply } from '../messaging/protocol';
import { messageOf } from '../popup/format';
import { useServices } from '../popup/services';
import { PreviewList } from '../popup/views/preview-list';
import { Problem } from '../popup/components/problem';

const FORMATS = 'Google Authenticator export, Aegis (plain or encrypted), 2FAS, andOTP, Bitwarden, the Authenticator extension, or a list of otpauth:// links';

/** Import from another authenticator: a file or pasted text, checked in full and summarised before anything is saved. */
export function ImportSection() {
  const { client, platform } = useServices();
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [reply, setReply] = useState<PreviewReply | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function chooseFile(file: File | undefined) {
    if (!file) return;
    try {
      setText(await platform.readFileAsText(file));
      setFileName(file.name);
      setProblem(null);
    } catch (error) {
      setProblem(messageOf(error));
    }
  }

  async function check(event: Event) {
    event.preventDefault();
    if (!text.trim()) {
      setProblem('Choose an export file or paste its contents first.');
      return;
    }
    setBusy(true);
    setProblem(null);
    setDone(null);
    try {
      setReply(await client.send({ type: 'ui:preview-import', text, ...(password ? { password } : {}) }));
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setBusy(false);
    }
  }

  if (reply) {
    return (
      <div>
        <button type="button" class="link" onClick={() => setReply(null)}>
          ← Choose another file
        </button>
        <PreviewList
          reply={reply}
          revision={undefined}
          onSaved={(added) => {
            setReply(null);
            setText('');
            setFileName(null);
            setPassword('');
            setDone(`Imported ${added} ${added === 1 ? 'account' : 'accounts'}.`);
          }}
        />
      </div>
    );
  }
  return (
    <form onSubmit={check}>
      <p>Move your accounts from {FORMATS}. Nothing is saved until you confirm, and nothing at all if the file has an error.</p>
      <label for="import-file">Export file</label>
      <input id="import-file" type="file" onChange={(event) => chooseFile(event.currentTarget.files?.[0])} />
      {fileName && <p class="hint">Read {fileName}.</p>}
      <label for="import-text">Or paste the export here</label>
      <textarea
        id="import-text"
        rows={5}
        value={fileName ? '' : text}
        placeholder={fileName ? `(contents of ${fileName})` : ''}
        onInput={(event) => {
          setFileName(null);
          setText(event.currentTarget.value);
        }}
      />
      <label for="import-password">Password of the export (only for encrypted files, e.g. Aegis)</label>
      <input
        id="import-password"
        type="password"
        autocomplete="off"
        value={password}
        onInput={(event) => setPassword(event.currentTarget.value)}
      />
      <Problem text={problem} />
      {done && (
        <p class="notice" role="status">
          {done}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? 'Checking…' : 'Check the file'}
      </button>
    </form>
  );
}
