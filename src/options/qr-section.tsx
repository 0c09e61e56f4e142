import { useState } from 'preact/hooks';
import type { PreviewReply } from '../messaging/protocol';
import { ImageSource } from '../popup/components/image-source';
import { PreviewList } from '../popup/views/preview-list';

/** Add accounts from a picture of a QR code (here rather than in the popup: Firefox closes the popup for file choosers). */
export function QrSection() {
  const [reply, setReply] = useState<PreviewReply | null>(null);
  const [done, setDone] = useState<string | null>(null);
  if (reply) {
    return (
      <div>
        <button type="button" class="link" onClick={() => setReply(null)}>
          ← Choose another image
        </button>
        <PreviewList
          reply={reply}
          revision={undefined}
          onSaved={(added) => {
            setReply(null);
            setDone(`Added ${added} ${added === 1 ? 'account' : 'accounts'}.`);
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
