/** When several accounts belong to the site, the user picks one (the background still checks it). */
import { createUiHost, isTrustedEvent } from './ui/host';
import { words } from './ui/words';

const CSS =
  '.p{background:#fff;color:#202124;border:1px solid #8886;border-radius:8px;padding:8px;box-shadow:0 4px 16px #0004;min-width:220px}' +
  'b{display:block;margin-bottom:6px}button{all:unset;display:block;padding:6px 8px;border-radius:4px;cursor:pointer}' +
  'button:hover,button:focus{background:#e8f0fe}';

export function pickAccount(
  input: HTMLInputElement,
  accounts: { id: string; label: string }[],
  onPick: (accountId: string) => void,
): void {
  const doc = input.ownerDocument;
  const ui = createUiHost(doc, 'otp-guard-picker', CSS);
  const box = doc.createElement('div');
  box.className = 'p';
  const title = doc.createElement('b');
  title.textContent = words().t('picker_title');
  box.append(title);
  for (const account of accounts) {
    const button = doc.createElement('button');
    button.type = 'button';
    button.textContent = account.label;
    button.addEventListener('click', (event) => {
      if (!isTrustedEvent(event)) return;
      ui.remove();
      onPick(account.id);
    });
    box.append(button);
  }
  ui.root.append(box);
  const rect = input.getBoundingClientRect();
  ui.place(rect.left, rect.bottom + 4);
}
