import { useState } from 'preact/hooks';
import type { PreviewReply } from '../messaging/protocol';
import { messageOf } from '../popup/format';
import { useServices } from '../popup/services';
import { PreviewList } from '../popup/views/preview-list';
import { Problem } from '../popup/components/problem';
import { useI18n } from '../ui/i18n-context';

/** Import from another authenticator: a file or pasted text, checked in full and summarised before anything is saved. */
export function ImportSection() {
  const { client, platform } = useServices();
  const { t, plural } = useI18n();
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
      setProblem(t('import_empty'));
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
          {t('import_another_file')}
        </button>
        <PreviewList
          reply={reply}
          revision={undefined}
          onSaved={(added) => {
            setReply(null);
            setText('');
            setFileName(null);
            setPassword('');
            setDone(plural('import_done', added, added));
          }}
        />
      </div>
    );
  }
  return (
    <form onSubmit={check}>
      <p>{t('import_intro', t('import_formats'))}</p>
      <label for="import-file">{t('import_file')}</label>
      <input id="import-file" type="file" onChange={(event) => chooseFile(event.currentTarget.files?.[0])} />
      {fileName && <p class="hint">{t('import_read', fileName)}</p>}
      <label for="import-text">{t('import_paste')}</label>
      <textarea
        id="import-text"
        rows={5}
        value={fileName ? '' : text}
        placeholder={fileName ? t('import_contents_of', fileName) : ''}
        onInput={(event) => {
          setFileName(null);
          setText(event.currentTarget.value);
        }}
      />
      <label for="import-password">{t('import_password')}</label>
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
        {busy ? t('import_checking') : t('import_check')}
      </button>
    </form>
  );
}
