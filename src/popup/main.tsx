import { render } from 'preact';
import browser from 'webextension-polyfill';
import { App } from './app';
import { browserClient } from './browser-client';
import { createDomPlatform } from './dom-platform';
import './popup.css';

// Clearing the clipboard needs to read it first (never wipe what the user copied since); that needs clipboardRead.
const canReadClipboard = await browser.permissions.contains({ permissions: ['clipboardRead'] }).catch(() => false);
const platform = createDomPlatform({
  canReadClipboard,
  openOptions: (section) => {
    browser.tabs.create({ url: `${browser.runtime.getURL('src/options/index.html')}#${section}` });
  },
});

const root = document.getElementById('app');
// The right-click "Check this link" opens this page in a window of its own, on that view (menus.ts).
const view = location.hash === '#check-link' ? 'check-link' : undefined;
if (root) render(<App client={browserClient} platform={platform} {...(view ? { view } : {})} />, root);
