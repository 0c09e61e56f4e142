/**
 * A host name with its look-alike characters marked. Pure view code shared by the popup's "This page"
 * panel, the warning page and the held-code confirmation (no browser API, no client).
 */
import type { PageReport } from '../messaging/protocol';
import { useI18n } from './i18n-context';

/** Confusable marks of the host, moved onto its registrable domain (the host's last labels). */
export function marksForSuffix(host: string, suffix: string, marks: PageReport['confusables']): PageReport['confusables'] {
  if (!suffix || !host.endsWith(suffix)) return [];
  const offset = Array.from(host).length - Array.from(suffix).length;
  return marks.filter((mark) => mark.index >= offset).map((mark) => ({ ...mark, index: mark.index - offset }));
}

/** Marks the characters that imitate others, so the user sees what is off. */
export function HostWithConfusables({ host, marks }: { host: string; marks: PageReport['confusables'] }) {
  const { t } = useI18n();
  if (marks.length === 0) return <span>{host}</span>;
  const chars = Array.from(host);
  const marked = new Map(marks.map((mark) => [mark.index, mark]));
  return (
    <span>
      {chars.map((char, index) => {
        const mark = marked.get(index);
        return mark ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the characters of one fixed string
          <mark key={index} class="confusable" title={t('host_looks_like', mark.looksLike)}>
            {char}
          </mark>
        ) : (
          char
        );
      })}
    </span>
  );
}
