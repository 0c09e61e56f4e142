/** A short notice in the page ("Check this link" results, fill refusals), in a closed shadow root. */
import { createUiHost } from './ui/host';

const CSS =
  '.n{max-width:380px;padding:10px 14px;border-radius:8px;box-shadow:0 4px 16px #0005;color:#fff;background:#202124}' +
  '.warning{background:#b00020}.ok{background:#1a7f37}';

export function showNotice(doc: Document, text: string, tone: 'ok' | 'warning' | 'info', ms = 8000): void {
  const ui = createUiHost(doc, 'otp-guard-notice', CSS);
  const box = doc.createElement('div');
  box.className = `n ${tone}`;
  box.setAttribute('role', tone === 'warning' ? 'alert' : 'status');
  box.textContent = text;
  ui.root.append(box);
  const view = doc.defaultView;
  ui.place(Math.max(8, (view?.innerWidth ?? 400) - 400), 12);
  setTimeout(() => ui.remove(), ms);
}
