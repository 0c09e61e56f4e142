import { useState } from 'preact/hooks';
import type { PreviewReply } from '../../messaging/protocol';
import { ImageTab, ImportTab, ManualSource, PasteSource, ScanSource } from './add-sources';
import { PreviewList } from './preview-list';
import { tabIndexForKey } from '../components/focus';

const SOURCES = {
  scan: 'Scan this page',
  paste: 'Paste links',
  manual: 'Manual',
  image: 'QR image',
  import: 'Import from another app',
} as const;
type Source = keyof typeof SOURCES;
const NAMES = Object.keys(SOURCES) as Source[];

interface Props {
  revision: number | undefined;
  readOnly: boolean;
  onSaved(added: number): void;
  onConflict?(): void;
}

export function AddAccount({ revision, readOnly, onSaved, onConflict }: Props) {
  const [source, setSource] = useState<Source>('scan');
  const [preview, setPreview] = useState<PreviewReply | null>(null);

  // Arrow keys, Home and End move between the tabs (and select them), as in any tab list.
  function onTabKey(event: KeyboardEvent) {
    const next = tabIndexForKey(event.key, NAMES.indexOf(source), NAMES.length);
    const name = next === null ? undefined : NAMES[next];
    if (!name) return;
    event.preventDefault();
    setSource(name);
    (event.currentTarget as HTMLElement).querySelector<HTMLElement>(`#source-tab-${name}`)?.focus();
  }

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
      <div role="tablist" class="tabs sources" aria-label="How to add" onKeyDown={onTabKey}>
        {NAMES.map((name) => (
          <button
            key={name}
            id={`source-tab-${name}`}
            type="button"
            role="tab"
            aria-selected={source === name}
            aria-controls="source-panel"
            tabIndex={source === name ? 0 : -1}
            onClick={() => setSource(name)}
          >
            {SOURCES[name]}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="source-panel" class="tab-panel" aria-labelledby={`source-tab-${source}`}>
        {source === 'scan' && <ScanSource onPreview={setPreview} />}
        {source === 'paste' && <PasteSource onPreview={setPreview} />}
        {source === 'manual' && <ManualSource onPreview={setPreview} />}
        {source === 'image' && <ImageTab onPreview={setPreview} />}
        {source === 'import' && <ImportTab />}
      </div>
    </section>
  );
}
