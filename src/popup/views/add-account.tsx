import { useState } from 'preact/hooks';
import type { PreviewReply } from '../../messaging/protocol';
import { ImageTab, ImportTab, ManualSource, PasteSource, ScanSource } from './add-sources';
import { PreviewList } from './preview-list';
import { tabIndexForKey } from '../components/focus';
import type { MessageKey } from '../../ui/i18n';
import { useI18n } from '../../ui/i18n-context';

const SOURCES = {
  scan: 'source_scan',
  paste: 'source_paste',
  manual: 'source_manual',
  image: 'source_image',
  import: 'source_import',
} as const satisfies Record<string, MessageKey>;
type Source = keyof typeof SOURCES;
const NAMES = Object.keys(SOURCES) as Source[];

interface Props {
  revision: number | undefined;
  readOnly: boolean;
  onSaved(added: number): void;
  onConflict?(): void;
}

export function AddAccount({ revision, readOnly, onSaved, onConflict }: Props) {
  const { t } = useI18n();
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
    return <p class="banner warn">{t('add_read_only')}</p>;
  }
  if (preview) {
    return (
      <section class="add" aria-label={t('add_label')}>
        <button type="button" class="link" onClick={() => setPreview(null)}>
          {t('action_back')}
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
    <section class="add" aria-label={t('add_label')}>
      <div role="tablist" class="tabs sources" aria-label={t('add_how')} onKeyDown={onTabKey}>
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
            {t(SOURCES[name])}
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
