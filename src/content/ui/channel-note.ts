/**
 * The in-field note on a page whose code does not come from the authenticator ("This code comes by
 * SMS."), in a closed shadow root under the field. With `onUseAuthenticator`, it offers "Use my
 * authenticator instead" — given only when the page itself offers that way; the click follows the
 * page's own link or button (nothing the page could not do itself, so no clickjacking checks needed
 * beyond a trusted click), and the code is then filled by the usual release check.
 */
import { createUiHost, h, onTrustedClick } from './host';
import { words } from './words';

const CSS =
  '.c{max-width:340px;background:#f1f5fe;color:#202124;border:1px solid #1a73e8;border-radius:6px;padding:6px 10px;box-shadow:0 2px 8px #0003}' +
  'button{all:unset;display:inline-block;margin-top:4px;padding:3px 8px;border-radius:4px;background:#1a73e8;color:#fff;cursor:pointer}';

export function showChannelNote(input: HTMLInputElement, text: string, onUseAuthenticator: (() => void) | null): { remove(): void } {
  const doc = input.ownerDocument;
  const ui = createUiHost(doc, 'otp-guard-channel', CSS);
  const box = h(doc, 'div', 'c');
  box.setAttribute('role', 'status');
  box.append(h(doc, 'div', '', `${text} ${words().t('content_channel_no_fill')}`));
  if (onUseAuthenticator) {
    const button = h(doc, 'button', '', words().t('content_channel_use_authenticator'));
    button.type = 'button';
    onTrustedClick(button, onUseAuthenticator);
    box.append(button);
  }
  ui.root.append(box);
  const place = () => {
    const rect = input.getBoundingClientRect();
    ui.place(rect.left, rect.bottom + 4);
  };
  place();
  // The note stays under its field when the page scrolls or resizes (at most once a frame).
  const view = doc.defaultView;
  let frame = 0;
  const follow = () => {
    if (frame || !view) return;
    frame = view.requestAnimationFrame(() => {
      frame = 0;
      place();
    });
  };
  view?.addEventListener('scroll', follow, { capture: true, passive: true });
  view?.addEventListener('resize', follow, { passive: true });
  return {
    remove() {
      view?.removeEventListener('scroll', follow, { capture: true });
      view?.removeEventListener('resize', follow);
      if (frame) view?.cancelAnimationFrame(frame);
      ui.remove();
    },
  };
}
