import { useState } from 'preact/hooks';
import { NewPasswordFields, newPasswordProblem, useStrength } from '../popup/components/new-password';
import { messageOf } from '../popup/format';
import { useServices } from '../popup/services';
import { useI18n } from '../ui/i18n-context';

type Note = { text: string; error: boolean } | null;

function NoteLine({ note }: { note: Note }) {
  if (!note) return null;
  return (
    <p class={note.error ? 'error' : 'notice'} role={note.error ? 'alert' : 'status'}>
      {note.text}
    </p>
  );
}

function ExportBackup() {
  const { client, platform } = useServices();
  const i18n = useI18n();
  const { t } = i18n;
  const [separate, setSeparate] = useState(false);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [note, setNote] = useState<Note>(null);
  const [busy, setBusy] = useState(false);
  const strength = useStrength(separate ? password : '');

  async function submit(event: Event) {
    event.preventDefault();
    const refusal = separate ? newPasswordProblem(password, confirm, strength, i18n) : null;
    if (refusal) {
      setNote({ text: refusal, error: true });
      return;
    }
    setBusy(true);
    try {
      const file = await client.send({ type: 'ui:export-backup', ...(separate ? { password } : {}) });
      platform.downloadText(file.fileName, file.fileText);
      setNote({ text: t('backup_saved', file.fileName), error: false });
      setPassword('');
      setConfirm('');
    } catch (error) {
      setNote({ text: messageOf(error), error: true });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} aria-labelledby="export-title">
      <h3 id="export-title">{t('backup_make')}</h3>
      <p>{t('backup_encrypted')}</p>
      <fieldset>
        <legend>{t('backup_protect_with')}</legend>
        <label>
          <input type="radio" name="backup-password" checked={!separate} onChange={() => setSeparate(false)} /> {t('backup_vault_password')}
        </label>
        <label>
          <input type="radio" name="backup-password" checked={separate} onChange={() => setSeparate(true)} /> {t('backup_separate_password')}
        </label>
      </fieldset>
      {separate && (
        <NewPasswordFields
          idPrefix="backup"
          label={t('backup_password')}
          password={password}
          confirm={confirm}
          onPassword={setPassword}
          onConfirm={setConfirm}
          strength={strength}
        />
      )}
      <NoteLine note={note} />
      <button type="submit" disabled={busy}>
        {busy ? t('backup_preparing') : t('backup_download')}
      </button>
    </form>
  );
}

interface Inspection {
  token: string;
  entries: number;
  fresh: number;
  duplicates: number;
}

function RestoreBackup() {
  const { client, platform } = useServices();
  const { t, plural } = useI18n();
  const [fileText, setFileText] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [inspection, setInspection] = useState<Inspection | null>(null);
  const [mode, setMode] = useState<'merge' | 'replace'>('merge');
  const [note, setNote] = useState<Note>(null);
  const [busy, setBusy] = useState(false);

  async function chooseFile(file: File | undefined) {
    setInspection(null);
    if (!file) return;
    try {
      setFileText(await platform.readFileAsText(file));
      setNote(null);
    } catch (error) {
      setNote({ text: messageOf(error), error: true });
    }
  }

  async function inspect(event: Event) {
    event.preventDefault();
    if (fileText === null) {
      setNote({ text: t('restore_choose_file'), error: true });
      return;
    }
    if (!password) {
      setNote({ text: t('restore_type_password'), error: true });
      return;
    }
    setBusy(true);
    try {
      setInspection(await client.send({ type: 'ui:inspect-backup', fileText, password }));
      setMode('merge');
      setNote(null);
    } catch (error) {
      setNote({ text: messageOf(error), error: true });
    } finally {
      setBusy(false);
    }
  }

  async function restore() {
    if (!inspection) return;
    setBusy(true);
    try {
      const result = await client.send({ type: 'ui:restore-backup', token: inspection.token, mode });
      setInspection(null);
      setFileText(null);
      setPassword('');
      setNote({ text: plural('restore_done', result.added, result.added), error: false });
    } catch (error) {
      setNote({ text: messageOf(error), error: true });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="restore-title">
      <h3 id="restore-title">{t('restore_title')}</h3>
      <form onSubmit={inspect}>
        <label for="restore-file">{t('restore_file')}</label>
        <input id="restore-file" type="file" accept=".json,application/json" onChange={(event) => chooseFile(event.currentTarget.files?.[0])} />
        <label for="restore-password">{t('restore_password')}</label>
        <input
          id="restore-password"
          type="password"
          autocomplete="off"
          value={password}
          onInput={(event) => setPassword(event.currentTarget.value)}
        />
        {!inspection && (
          <button type="submit" disabled={busy}>
            {t('restore_check')}
          </button>
        )}
      </form>
      {inspection && (
        <div class="restore-check">
          <p data-testid="backup-summary">
            {plural('restore_summary', inspection.entries, inspection.entries, inspection.fresh, inspection.duplicates)}
          </p>
          <fieldset>
            <legend>{t('restore_how')}</legend>
            <label>
              <input type="radio" name="restore-mode" checked={mode === 'merge'} onChange={() => setMode('merge')} />{' '}
              {t('restore_merge')}
            </label>
            <label>
              <input type="radio" name="restore-mode" checked={mode === 'replace'} onChange={() => setMode('replace')} />{' '}
              {t('restore_replace')}
            </label>
          </fieldset>
          {mode === 'replace' && (
            <p class="warn">{t('restore_replace_warning')}</p>
          )}
          <div class="actions">
            <button type="button" disabled={busy} onClick={restore}>
              {mode === 'merge' ? t('restore_merge_button') : t('restore_replace_button')}
            </button>
            <button type="button" onClick={() => setInspection(null)}>
              {t('action_cancel')}
            </button>
          </div>
        </div>
      )}
      <NoteLine note={note} />
    </section>
  );
}

export function BackupSection() {
  return (
    <div>
      <ExportBackup />
      <RestoreBackup />
    </div>
  );
}
