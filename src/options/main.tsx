import { render } from 'preact';
import browser from 'webextension-polyfill';
import { browserClient } from '../popup/browser-client';
import { createDomPlatform } from '../popup/dom-platform';
import { OptionsApp } from './app';
import { createI18n } from '../ui/i18n';
import '../popup/popup.css';
import './options.css';

const canReadClipboard = await browser.permissions.contains({ permissions: ['clipboardRead'] }).catch(() => false);
const platform = createDomPlatform({
  canReadClipboard,
  // Already on the options page: just jump to the section.
  openOptions: (section) => {
    location.hash = section;
  },
});

// The words come from _locales through the browser; views only get this port.
const i18n = createI18n((key, substitutions) => browser.i18n.getMessage(key, substitutions));
document.documentElement.lang = i18n.locale.replace('_', '-');
document.title = i18n.t('title_options');
const root = document.getElementById('app');
if (root) render(<OptionsApp client={browserClient} platform={platform} i18n={i18n} />, root);
