import { render } from 'preact';
import { App } from './app';
import { browserClient } from './browser-client';
import './popup.css';

// Tests open the popup in a tab and name the tab it stands for (?tab=ID); the background still reads that tab's URL itself.
const named = Number(new URLSearchParams(location.search).get('tab'));
const client = Number.isInteger(named) && named > 0 ? { ...browserClient, activeTabId: async () => named } : browserClient;

const root = document.getElementById('app');
if (root) render(<App client={client} />, root);
