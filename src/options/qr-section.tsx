import { useState } from 'preact/hooks';
import type { PreviewReply } from '../messaging/protocol';
import { ImageSource } from '../popup/components/image-source';
import { PreviewList } from '../popup/views/preview-list';
import { useI18n } from '../ui/i18n-context';

/** Add accounts from a picture of a QR code (here rather than in the popup: Firefox closes the popup for file choosers). */
export function QrSection() {
  const { t, plural } = useI18n();
  const [reply, setReply] = useState<PreviewReply | null>(null);
  const [done, setDone] = useState<string | null>(null);
  if (reply) {
    return (
      <div>
        <button type="button" class="link" onClick={() => setReply(null)}>
          {t('qr_another_image')}
        </button>
        <PreviewList
          reply={reply}
          revision={undefined}
          onSaved={(added) => {
            setReply(null);
            setDone(plural('qr_added', added, added));
          }}
        />
      </div>
    );
  }
  return (
    <div>
      <ImageSource idPrefix="options" onPreview={setReply} />
      {done && (
        <p class="notice" role="status">
          {done}
        </p>
      )}
    </div>
  );
}
