import { render } from 'preact';
import browser from 'webextension-polyfill';
import { browserClient } from '../popup/browser-client';
import { createDomPlatform } from '../popup/dom-platform';
import { OptionsApp } from './app';
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

const root = document.getElementById('app');
if (root) render(<OptionsApp client={browserClient} platform={platform} />, root);
