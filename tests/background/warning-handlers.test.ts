/** The warning page's and the popup's warning handlers when there is nothing (or nothing fitting) to act on. */
import { describe, expect, it } from 'vitest';
import { uiHandlers } from '../../src/background/handlers';
import { type ExtensionPageSender, HandlerError } from '../../src/messaging/router';
import { buildBackground } from './fakes';

const warningPage = (tabId?: number): ExtensionPageSender => ({
  role: 'extension-page',
  page: 'src/warning/index.html',
  ...(tabId === undefined ? {} : { tabId }),
});
const popup: ExtensionPageSender = { role: 'extension-page', page: 'src/popup/index.html' };
type WarningType = 'ui:warning-describe' | 'ui:warning-go' | 'ui:warning-continue';
/** One of the three warning-page messages, sent straight to its handler. */
const send = (ui: ReturnType<typeof uiHandlers>, type: WarningType, sender: ExtensionPageSender) =>
  (ui[type] as (message: { type: WarningType }, from: ExtensionPageSender) => Promise<unknown>)({ type }, sender);

async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HandlerError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal, got a reply');
}

describe('the warning page acts only on a page OTP Guard stopped in its own tab', () => {
  it.each(['ui:warning-describe', 'ui:warning-go', 'ui:warning-continue'] as const)('%s from a page shown in no tab', async (type) => {
    const ui = uiHandlers(buildBackground().services);
    expect(await refusal(send(ui, type, warningPage()))).toEqual({ code: 'nothing-stopped', message: 'This page is not shown in a tab.' });
  });

  it.each(['ui:warning-describe', 'ui:warning-go', 'ui:warning-continue'] as const)('%s in a tab where nothing was stopped, or a page that is no lookalike', async (type) => {
    const bg = buildBackground();
    const ui = uiHandlers(bg.services);
    const notStopped = { code: 'nothing-stopped', message: 'OTP Guard did not stop a page in this tab.' };
    expect(await refusal(send(ui, type, warningPage(4)))).toEqual(notStopped);
    await bg.services.warnings.blocked.set(4, 'https://www.amazon.com/');
    expect(await refusal(send(ui, type, warningPage(4)))).toEqual(notStopped);
  });
});

describe('the popup’s warning memory without a page in front', () => {
  it('reports no warning and forgets nothing', async () => {
    const bg = buildBackground();
    const ui = uiHandlers(bg.services);
    bg.front.tab = undefined;
    expect(await ui['ui:warning-status']({ type: 'ui:warning-status' }, popup)).toEqual({ interstitial: false, skipped: false });
    expect(await ui['ui:warning-forget']({ type: 'ui:warning-forget' }, popup)).toEqual({ interstitial: false, skipped: false });
  });

  it('on a site that is no lookalike, forgets nothing either', async () => {
    const bg = buildBackground();
    const ui = uiHandlers(bg.services);
    bg.showTab('https://www.amazon.com/');
    expect(await ui['ui:warning-forget']({ type: 'ui:warning-forget' }, popup)).toEqual({ interstitial: false, skipped: false });
  });
});
