import browser from 'webextension-polyfill';
import type { Reply } from '../messaging/protocol';
import { type BackgroundClient, unwrapReply } from './client';

export const browserClient: BackgroundClient = {
  async send(message) {
    const reply = (await browser.runtime.sendMessage(message)) as Reply<never> | undefined;
    return unwrapReply(reply);
  },
};
