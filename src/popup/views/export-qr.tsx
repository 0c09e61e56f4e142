import { useState } from 'preact/hooks';
import type { AccountView } from '../../messaging/protocol';
import { messageOf } from '../format';
import { useServices } from '../services';
import { Problem } from '../components/problem';

/** The SVG comes from our own background (lean-qr); still, render only something that is an SVG document. */
export function isSvgMarkup(svg: string): boolean {
  return svg.trimStart().startsWith('<svg');
}

/** Shows one account as a QR code for a phone, after the password is typed again. */
export function ExportQr({ account, onClose }: { account: AccountView; onClose(): void }) {
  const { client } = useServices();
  const [password, setPassword] = useState('');
  const [svg, setSvg] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const inputId = `export-${account.id}-password`;

  async function submit(event: Event) {
    event.preventDefault();
    if (!password) {
      setProblem('Type your password.');
      return;
    }
    try {
      const reply = await client.send({ type: 'ui:export-account-qr', id: account.id, password });
      setPassword('');
      if (!isSvgMarkup(reply.svg)) {
        setProblem('The QR code could not be shown.');
        return;
      }
      setProblem(null);
      setSvg(reply.svg);
    } catch (error) {
      setProblem(messageOf(error));
    }
  }

  if (svg) {
    return (
      <div class="export-qr">
        <p class="important">Anyone who sees this QR code can make your codes. Scan it, then close it.</p>
        {/* Shown as an image, never as markup: an SVG in an <img> cannot run anything. */}
        <img class="qr" data-testid="export-qr-svg" alt="QR code of this account" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`} />
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    );
  }
  return (
    <form class="export-qr" onSubmit={submit}>
      <p>To show this account as a QR code for a phone app, type your password again.</p>
      <label for={inputId}>Password</label>
      <input
        id={inputId}
        type="password"
        autocomplete="current-password"
        value={password}
        onInput={(event) => setPassword(event.currentTarget.value)}
      />
      <Problem text={problem} />
      <div class="actions">
        <button type="submit">Show QR code</button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
