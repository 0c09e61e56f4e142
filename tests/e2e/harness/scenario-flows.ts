/** Steps the shared scenarios repeat, over the Driver interface (either browser). */
import type { Driver, DriverPage } from './driver';
import { click, fill, located, until } from './ui';

export const PASSWORD = 'correct horse battery staple 42';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

type Reply<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

/** Sends a message from a real extension page (the popup or the options page), through the real router. */
export async function sendFrom<T = unknown>(page: DriverPage, message: Record<string, unknown>): Promise<T> {
  const reply = (await page.evaluate((m) => chrome.runtime.sendMessage(m), message)) as Reply<T>;
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.value;
}

/** Waits for the popup to show one of the given states (by a control only that state has). */
export async function popupState(popup: DriverPage): Promise<'first-run' | 'locked' | 'unlocked'> {
  return until(
    () =>
      popup.evaluate(() => {
        const buttons = Array.from(document.querySelectorAll('button')).map((button) => (button.textContent ?? '').trim());
        if (buttons.includes('Lock now')) return 'unlocked' as const;
        if (buttons.includes('Create my vault')) return 'first-run' as const;
        if (buttons.includes('Unlock')) return 'locked' as const;
        return null;
      }),
    `the popup's state on ${popup.url()}`,
    30_000,
  );
}

/** Waits until the popup shows `state` (e.g. right after a click that changes it). */
export async function waitForPopupState(popup: DriverPage, state: 'first-run' | 'locked' | 'unlocked'): Promise<void> {
  await until(async () => (await popupState(popup)) === state, `the popup to show ${state}`, 30_000);
}

/** First run through the popup's own form; returns the popup, unlocked. */
export async function createVault(driver: Driver, password = PASSWORD): Promise<DriverPage> {
  const popup = await driver.openPopupFor(null);
  if ((await popupState(popup)) !== 'first-run') throw new Error('the popup does not offer a first run');
  await fill(popup, { field: 'Password' }, password);
  await fill(popup, { field: 'Type it again' }, password);
  // The strength estimator loads on demand; the form waits for its verdict before it accepts a password.
  await located(popup, { field: 'Password strength' }, 20_000);
  await click(popup, { button: 'Create my vault' });
  const state = await popupState(popup).catch(() => 'no answer');
  if (state === 'unlocked') {
    // A new vault opens the introduction: skip it, as the scenarios start from the codes list.
    await popup.evaluate(() => Array.from(document.querySelectorAll('button')).find((b) => b.textContent?.trim() === 'Skip')?.click());
    return popup;
  }
  const body = await popup.evaluate(() => document.body.textContent?.slice(0, 300)).catch(String);
  throw new Error(`the vault was not created (${state}): popup says ${body}; background: ${driver.backgroundLog().join(' | ')}`);
}

/** Enrols an otpauth:// link with the given legit domains (through the popup's messages). */
export async function enrolLink(popup: DriverPage, uri: string, domains: string[]): Promise<string> {
  const list = await sendFrom<{ revision: number }>(popup, { type: 'ui:list-accounts' });
  const preview = await sendFrom<{ previews: { pendingId: string }[] }>(popup, { type: 'ui:preview-links', text: uri });
  const pendingIds = preview.previews.map((item) => item.pendingId);
  await sendFrom(popup, { type: 'ui:commit-pending', pendingIds, domains, expectedRevision: list.revision });
  const after = await sendFrom<{ accounts: { id: string }[] }>(popup, { type: 'ui:list-accounts' });
  return after.accounts.at(-1)?.id ?? '';
}

/** The codes the background shows, by issuer. */
export async function codesOf(page: DriverPage): Promise<Record<string, string>> {
  const list = await sendFrom<{ accounts: { issuer: string; code: string }[] }>(page, { type: 'ui:list-accounts' });
  return Object.fromEntries(list.accounts.map((account) => [account.issuer, account.code]));
}
