import { createUiHost, h, onTrustedClick } from './host';

const CSS =
  ':host{left:0!important;top:0!important;width:100%!important;height:100%!important}' +
  '.s{position:fixed;inset:0;background:#0008;display:grid;place-items:center}' +
  '.d{background:#fff;color:#202124;max-width:420px;margin:16px;padding:20px;border-radius:8px;border-top:6px solid #b00020;box-shadow:0 8px 32px #0008}' +
  'strong{display:block;font-size:16px;margin-bottom:8px}p{margin:0 0 16px}' +
  'button{all:unset;padding:8px 14px;border-radius:4px;cursor:pointer;margin-right:8px;font-weight:600}' +
  '.no{background:#b00020;color:#fff}.yes{color:#5f6368;border:1px solid #dadce0}';

export type GuardChoice = 'discard' | 'enter';

/**
 * Asks whether a held code may go to the page. "Don't enter it" has the focus, so Enter picks it.
 * Resolves once, then removes itself.
 */
export const askAboutHeldCode = (
  doc: Document,
  headline: string,
  digits: number,
  onChoice: (choice: GuardChoice) => void,
): { host: HTMLElement; close(): void } => {
  const ui = createUiHost(doc, 'otp-guard-dialog', CSS);
  const screen = h(doc, 'div', 's');
  const dialog = h(doc, 'div', 'd');
  dialog.setAttribute('role', 'alertdialog');
  dialog.setAttribute('aria-modal', 'true');
  const discard = h(doc, 'button', 'no', "Don't enter it");
  const enter = h(doc, 'button', 'yes', 'Enter it anyway');
  dialog.append(
    h(doc, 'strong', '', headline),
    h(doc, 'p', '', `OTP Guard kept the ${digits}-digit code you entered away from this page. Nothing was sent.`),
    discard,
    enter,
  );
  screen.append(dialog);
  ui.root.append(screen);

  let done = false;
  const choose = (choice: GuardChoice) => {
    if (done) return;
    done = true;
    ui.remove();
    onChoice(choice);
  };
  onTrustedClick(discard, () => choose('discard'));
  onTrustedClick(enter, () => choose('enter'));
  // Escape is handled by the guard, which keeps every key pressed in this dialog from the page.
  discard.focus();
  return { host: ui.host, close: () => choose('discard') };
};
