import { useState } from 'preact/hooks';
import type { PreviewReply } from '../../messaging/protocol';
import { ImageTab, ImportTab, ManualSource, PasteSource, ScanSource } from './add-sources';
import { PreviewList } from './preview-list';

const SOURCES = {
  scan: 'Scan this page',
  paste: 'Paste links',
  manual: 'Manual',
  image: 'QR image',
  import: 'Import from another app',
} as const;
type Source = keyof typeof SOURCES;

interface Props {
  revision: number | undefined;
  readOnly: boolean;
  onSaved(added: number): void;
  onConflict?(): void;
}

export function AddAccount({ revision, readOnly, onSaved, onConflict }: Props) {
  const [source, setSource] = useState<Source>('scan');
  const [preview, setPreview] = useState<PreviewReply | null>(null);

  if (readOnly) {
    return <p class="banner warn">This vault is read-only in this version of OTP Guard: accounts cannot be added.</p>;
  }
  if (preview) {
    return (
      <section class="add" aria-label="Add account">
        <button type="button" class="link" onClick={() => setPreview(null)}>
          ← Back
        </button>
        <PreviewList
          reply={preview}
          revision={revision}
          onSaved={onSaved}
          {...(onConflict ? { onConflict } : {})}
        />
      </section>
    );
  }
  return (
    <section class="add" aria-label="Add account">
      <div role="tablist" class="tabs small" aria-label="How to add">
        {(Object.keys(SOURCES) as Source[]).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={source === name}
            onClick={() => setSource(name)}
          >
            {SOURCES[name]}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={SOURCES[source]}>
        {source === 'scan' && <ScanSource onPreview={setPreview} />}
        {source === 'paste' && <PasteSource onPreview={setPreview} />}
        {source === 'manual' && <ManualSource onPreview={setPreview} />}
        {source === 'image' && <ImageTab onPreview={setPreview} />}
        {source === 'import' && <ImportTab />}
      </div>
    </section>
  );
}
