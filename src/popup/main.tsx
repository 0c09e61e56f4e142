import { render } from 'preact';
import browser from 'webextension-polyfill';
import { App } from './app';
import { browserClient } from './browser-client';
import { createDomPlatform } from './dom-platform';
import './popup.css';

// Opened in a window or tab of its own (as the real-browser tests do), the popup can stand for a named tab
// (?tab=ID). It only chooses which tab to describe: the background still reads that tab's URL itself, and no
// web page can open an extension page (there are no web-accessible resources).
const named = Number(new URLSearchParams(location.search).get('tab'));
const client = Number.isInteger(named) && named > 0 ? { ...browserClient, activeTabId: async () => named } : browserClient;

// Clearing the clipboard needs to read it first (never wipe what the user copied since); that needs clipboardRead.
const canReadClipboard = await browser.permissions.contains({ permissions: ['clipboardRead'] }).catch(() => false);
const platform = createDomPlatform({
  canReadClipboard,
  openOptions: (section) => {
    browser.tabs.create({ url: `${browser.runtime.getURL('src/options/index.html')}#${section}` });
  },
});

const root = document.getElementById('app');
if (root) render(<App client={client} platform={platform} />, root);
