import { render } from 'preact';
import browser from 'webextension-polyfill';
import { createUiClient } from '../ui/ui-client';
import { WarningView } from './views/warning-view';
import '../ui/extension-page.css';

// The page stands for the tab it is shown in: the background knows that tab from the browser's sender data.
const client = createUiClient((message) => browser.runtime.sendMessage(message));
const root = document.getElementById('app');
if (root) render(<WarningView client={client} />, root);
