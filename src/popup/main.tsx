import { render } from 'preact';
import browser from 'webextension-polyfill';
import { App } from './app';
import { browserClient } from './browser-client';
import { createDomPlatform } from './dom-platform';
import { createI18n } from '../ui/i18n';
import './popup.css';

// The background clears the clipboard (clipboard-clear.ts); the popup never reads it, so it renders at once
// instead of waiting for a permissions round trip first.
const platform = createDomPlatform({
  canReadClipboard: false,
  openOptions: (section) => {
    browser.tabs.create({ url: `${browser.runtime.getURL('src/options/index.html')}#${section}` });
  },
});

// The words come from _locales through the browser; views only get this port.
const i18n = createI18n((key, substitutions) => browser.i18n.getMessage(key, substitutions));
document.documentElement.lang = i18n.locale.replace('_', '-');
const root = document.getElementById('app');
// The right-click "Check this link" opens this page in a window of its own, on that view (menus.ts).
const view = location.hash === '#check-link' ? 'check-link' : undefined;
if (root) render(<App client={browserClient} platform={platform} i18n={i18n} {...(view ? { view } : {})} />, root);
