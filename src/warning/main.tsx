import { render } from 'preact';
import browser from 'webextension-polyfill';
import { createUiClient } from '../ui-shared/ui-client';
import { WarningView } from './views/warning-view';
import '../ui-shared/extension-page.css';

// The page stands for the tab it is shown in: the background recorded which page it stopped there.
const tab = await browser.tabs.getCurrent().catch(() => undefined);
const client = createUiClient((message) => browser.runtime.sendMessage(message));
const root = document.getElementById('app');
if (root) render(<WarningView client={client} tabId={tab?.id} />, root);
