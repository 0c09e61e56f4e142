import { useState } from 'preact/hooks';
import type { PreviewReply } from '../../messaging/protocol';
import { messageOf } from '../format';
import { useServices } from '../services';
import { Problem } from './problem';
import { useI18n } from '../../ui/i18n-context';

/** Reads a chosen or dropped image and asks the background to decode the QR codes in it. */
export function ImageSource({ idPrefix, onPreview }: { idPrefix: string; onPreview(reply: PreviewReply): void }) {
  const { client, platform } = useServices();
  const { t } = useI18n();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);

  async function use(file: File | undefined) {
    if (!file) return;
    if (!file.type.startsWith('image/')) {
      setProblem(t('image_not_image'));
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const dataUrl = await platform.readFileAsDataUrl(file);
      onPreview(await client.send({ type: 'ui:preview-image', dataUrl }));
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    // The whole label is the drop target, and clicking it opens the file chooser.
    <label
      class={dragging ? 'drop-zone dragging' : 'drop-zone'}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        use(event.dataTransfer?.files[0]);
      }}
    >
      <span>{t('image_choose')}</span>
      <input
        id={`${idPrefix}-image`}
        type="file"
        accept="image/*"
        disabled={busy}
        onChange={(event) => use(event.currentTarget.files?.[0])}
      />
      {busy && <p>{t('image_reading')}</p>}
      <Problem text={problem} />
    </label>
  );
}
