import { render } from 'preact';
import browser from 'webextension-polyfill';
import { createUiClient } from '../ui/ui-client';
import { ConfirmView } from './views/confirm-view';
import '../ui/extension-page.css';

// The request id only names the question; the background holds everything else and closes this window.
const requestId = new URLSearchParams(location.search).get('request') ?? '';
const client = createUiClient((message) => browser.runtime.sendMessage(message));
// While the question is open, a message now and then keeps the background (which holds it) awake.
setInterval(() => void client.send({ type: 'ui:held-code-describe', requestId }).catch(() => undefined), 10_000);
const root = document.getElementById('app');
if (root) render(<ConfirmView client={client} requestId={requestId} onClose={() => window.close()} />, root);
