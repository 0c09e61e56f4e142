import { render } from 'preact';
import browser from 'webextension-polyfill';
import { createUiClient } from '../ui/ui-client';
import { ConfirmView } from './views/confirm-view';
import { createI18n } from '../ui/i18n';
import { I18nContext } from '../ui/i18n-context';
import '../ui/extension-page.css';

// The request id only names the question; the background holds everything else and closes this window.
const requestId = new URLSearchParams(location.search).get('request') ?? '';
const client = createUiClient((message) => browser.runtime.sendMessage(message));
// While the question is open, a message now and then keeps the background (which holds it) awake.
setInterval(() => void client.send({ type: 'ui:held-code-describe', requestId }).catch(() => undefined), 10_000);
// The words come from _locales through the browser; views only get this port.
const i18n = createI18n((key, substitutions) => browser.i18n.getMessage(key, substitutions));
document.documentElement.lang = i18n.locale.replace('_', '-');
document.title = i18n.t('title_confirm');
const root = document.getElementById('app');
if (root)
  render(
    <I18nContext.Provider value={i18n}>
      <ConfirmView client={client} requestId={requestId} onClose={() => window.close()} />
    </I18nContext.Provider>,
    root,
  );
