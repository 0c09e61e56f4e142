import { startContentScript } from './main';

startContentScript();
