/**
 * Blanks the clipboard through a document's own editing commands: the one way that works both in Chrome's offscreen
 * document (no focus, so navigator.clipboard is refused) and in Firefox's background page. `execCommand('copy')` of
 * an empty selection does nothing, so "clear" writes a single space.
 */
export type DomEraseOutcome = 'cleared' | 'changed' | 'failed';

export function eraseClipboardIn(doc: Document, code: string, canRead: boolean): DomEraseOutcome {
  const area = doc.createElement('textarea');
  (doc.body ?? doc.documentElement).append(area);
  try {
    if (canRead) {
      area.value = '';
      area.focus();
      area.select();
      // With clipboardRead, "paste" fills the textarea: clear only our own code, never what the user copied since.
      // Where it cannot be read (no permission, or the paste refused) it cannot be known: clear anyway.
      if (doc.execCommand('paste') && area.value !== code) return 'changed';
    }
    area.value = ' ';
    area.select();
    return doc.execCommand('copy') ? 'cleared' : 'failed';
  } catch {
    return 'failed';
  } finally {
    area.remove();
  }
}
