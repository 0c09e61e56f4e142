import { useState } from 'preact/hooks';
import { NewPasswordFields, newPasswordProblem, useStrength } from '../popup/components/new-password';
import { messageOf } from '../popup/format';
import { useServices } from '../popup/services';

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
  const [separate, setSeparate] = useState(false);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [note, setNote] = useState<Note>(null);
  const [busy, setBusy] = useState(false);
  const strength = useStrength(separate ? password : '');

  async function submit(event: Event) {
    event.preventDefault();
    const refusal = separate ? newPasswordProblem(password, confirm, strength) : null;
    if (refusal) {
      setNote({ text: refusal, error: true });
      return;
    }
    setBusy(true);
    try {
      const file = await client.send({ type: 'ui:export-backup', ...(separate ? { password } : {}) });
      platform.downloadText(file.fileName, file.fileText);
      setNote({ text: `Saved ${file.fileName}. Keep it somewhere other than this computer.`, error: false });
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
      <h3 id="export-title">Make a backup</h3>
      <p>The backup file is encrypted. You need its password to restore it.</p>
      <fieldset>
        <legend>Protect the backup with</legend>
        <label>
          <input type="radio" name="backup-password" checked={!separate} onChange={() => setSeparate(false)} /> my vault
          password
        </label>
        <label>
          <input type="radio" name="backup-password" checked={separate} onChange={() => setSeparate(true)} /> a separate
          backup password
        </label>
      </fieldset>
      {separate && (
        <NewPasswordFields
          idPrefix="backup"
          label="Backup password"
          password={password}
          confirm={confirm}
          onPassword={setPassword}
          onConfirm={setConfirm}
          strength={strength}
        />
      )}
      <NoteLine note={note} />
      <button type="submit" disabled={busy}>
        {busy ? 'Preparing…' : 'Download backup file'}
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
      setNote({ text: 'Choose a backup file first.', error: true });
      return;
    }
    if (!password) {
      setNote({ text: 'Type the password of the backup.', error: true });
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
      setNote({ text: `Restored. ${result.added} ${result.added === 1 ? 'account' : 'accounts'} added.`, error: false });
    } catch (error) {
      setNote({ text: messageOf(error), error: true });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="restore-title">
      <h3 id="restore-title">Restore a backup</h3>
      <form onSubmit={inspect}>
        <label for="restore-file">Backup file</label>
        <input id="restore-file" type="file" accept=".json,application/json" onChange={(event) => chooseFile(event.currentTarget.files?.[0])} />
        <label for="restore-password">Password of the backup</label>
        <input
          id="restore-password"
          type="password"
          autocomplete="off"
          value={password}
          onInput={(event) => setPassword(event.currentTarget.value)}
        />
        {!inspection && (
          <button type="submit" disabled={busy}>
            Check the backup
          </button>
        )}
      </form>
      {inspection && (
        <div class="restore-check">
          <p data-testid="backup-summary">
            The backup opens and holds {inspection.entries} {inspection.entries === 1 ? 'account' : 'accounts'}:{' '}
            {inspection.fresh} new, {inspection.duplicates} already here.
          </p>
          <fieldset>
            <legend>How to restore</legend>
            <label>
              <input type="radio" name="restore-mode" checked={mode === 'merge'} onChange={() => setMode('merge')} /> Add the
              new accounts to mine (recommended)
            </label>
            <label>
              <input type="radio" name="restore-mode" checked={mode === 'replace'} onChange={() => setMode('replace')} />{' '}
              Replace all my accounts with the backup
            </label>
          </fieldset>
          {mode === 'replace' && (
            <p class="warn">Accounts that are not in the backup will be removed from this vault.</p>
          )}
          <div class="actions">
            <button type="button" disabled={busy} onClick={restore}>
              {mode === 'merge' ? 'Add from backup' : 'Replace with backup'}
            </button>
            <button type="button" onClick={() => setInspection(null)}>
              Cancel
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
