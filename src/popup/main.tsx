import { render } from 'preact';
import browser from 'webextension-polyfill';
import { App } from './app';
import { browserClient } from './browser-client';
import { createDomPlatform } from './dom-platform';
import { createI18n } from '../ui/i18n';
import './popup.css';

// Clearing the clipboard needs to read it first (never wipe what the user copied since); that needs clipboardRead.
const canReadClipboard = await browser.permissions.contains({ permissions: ['clipboardRead'] }).catch(() => false);
const platform = createDomPlatform({
  canReadClipboard,
  openOptions: (section) => {
    browser.tabs.create({ url: `${browser.runtime.getURL('src/options/index.html')}#${section}` });
  },
});

// The words come from _locales through the browser; views only get this port.
const i18n = createI18n((key, substitutions) => browser.i18n.getMessage(key, substitutions));
document.documentElement.lang = i18n.locale.replace('_', '-');
const root = document.getElementById('app');
if (root) render(<App client={browserClient} platform={platform} i18n={i18n} />, root);
