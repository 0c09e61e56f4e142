import { render } from 'preact';
import browser from 'webextension-polyfill';
import { createUiClient } from '../ui/ui-client';
import { WarningView } from './views/warning-view';
import { createI18n } from '../ui/i18n';
import { I18nContext } from '../ui/i18n-context';
import '../ui/extension-page.css';

// The page stands for the tab it is shown in: the background knows that tab from the browser's sender data.
const client = createUiClient((message) => browser.runtime.sendMessage(message));
// The words come from _locales through the browser; views only get this port.
const i18n = createI18n((key, substitutions) => browser.i18n.getMessage(key, substitutions));
document.documentElement.lang = i18n.locale.replace('_', '-');
document.title = i18n.t('title_warning');
const root = document.getElementById('app');
if (root)
  render(
    <I18nContext.Provider value={i18n}>
      <WarningView client={client} />
    </I18nContext.Provider>,
    root,
  );
