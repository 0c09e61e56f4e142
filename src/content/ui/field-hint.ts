/** A short hint under a field ("This code is for amazon.com, not this site."), in a closed shadow root. */
import { createUiHost, h } from './host';

const CSS =
  '.t{max-width:340px;background:#fff4f4;color:#202124;border:2px solid #b00020;border-radius:6px;padding:6px 10px;box-shadow:0 2px 8px #0004}';
const SHOWN_MS = 10_000;

export function showFieldHint(field: Element, text: string): void {
  const doc = field.ownerDocument;
  const ui = createUiHost(doc, 'otp-guard-hint', CSS);
  const box = h(doc, 'div', 't', text);
  box.setAttribute('role', 'alert');
  ui.root.append(box);
  const rect = field.getBoundingClientRect();
  ui.place(rect.left, rect.bottom + 4);
  doc.defaultView?.setTimeout(() => ui.remove(), SHOWN_MS);
}
