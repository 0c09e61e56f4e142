import browser from 'webextension-polyfill';
import { startBackground } from './start';

startBackground(browser);
