/** Steps many real-browser tests share: create a vault, enrol accounts, send a popup message. */
import type { Page } from 'playwright-core';
import type { Harness } from './browser';

export const PASSWORD = 'correct horse battery staple 42';

declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  storage: Record<'local' | 'session', { get(keys: null): Promise<Record<string, unknown>> }>;
  idle: { queryState(seconds: number): Promise<string> };
};

/** Sends a message as the popup does (from the real extension page, through the real router). */
export async function sendFromPopup<T = unknown>(popup: Page, message: Record<string, unknown>): Promise<T> {
  const reply = (await popup.evaluate((m) => chrome.runtime.sendMessage(m), message)) as
    | { ok: true; value: T }
    | { ok: false; error: { code: string; message: string } };
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.value;
}

/** First run through the popup's own form. */
export async function createVaultThroughPopup(harness: Harness, password = PASSWORD): Promise<Page> {
  const popup = await harness.openPopupFor(null);
  await popup.getByLabel('Password', { exact: true }).fill(password);
  await popup.getByLabel('Type it again').fill(password);
  // The strength estimator loads on demand; the form waits for its verdict before it accepts a password.
  await popup.getByRole('meter', { name: 'Password strength' }).waitFor({ timeout: 20_000 });
  await popup.getByRole('button', { name: 'Create my vault' }).click();
  const lockNow = popup.getByRole('button', { name: 'Lock now' });
  const problem = popup.getByRole('alert').first();
  const outcome = await Promise.race([
    lockNow.waitFor({ timeout: 30_000 }).then(() => 'created' as const),
    problem.waitFor({ timeout: 30_000 }).then(() => 'refused' as const),
  ]).catch(() => 'no answer' as const);
  if (outcome === 'created') {
    // A new vault opens the introduction; tests that need it open it themselves (onboarding.e2e.test.ts).
    const skip = popup.getByRole('button', { name: 'Skip', exact: true });
    await skip.waitFor({ timeout: 5_000 }).then(() => skip.click(), () => undefined);
    return popup;
  }
  const worker = await harness.serviceWorker();
  const facts = await worker
    .evaluate(async () => ({
      local: Object.keys(await chrome.storage.local.get(null)),
      session: Object.keys(await chrome.storage.session.get(null)),
      idle: await chrome.idle.queryState(15),
    }))
    .catch((error: unknown) => String(error));
  const status = await sendFromPopup(popup, { type: 'ui:vault-status' }).catch((error: unknown) => String(error));
  const diagnosis = `popup says: ${(await popup.textContent('body'))?.slice(0, 300)}; status now: ${JSON.stringify(status)}; storage: ${JSON.stringify(facts)}; worker console: ${harness.workerLogs.slice(-10).join(' | ')}`;
  throw new Error(`the vault was not created (${outcome}); ${diagnosis}`);
}

/** Enrols an otpauth:// link with the given legit domains (through the popup's messages). */
export async function enrolLink(popup: Page, uri: string, domains: string[]): Promise<string> {
  const list = await sendFromPopup<{ revision: number }>(popup, { type: 'ui:list-accounts' });
  const preview = await sendFromPopup<{ previews: { pendingId: string }[] }>(popup, { type: 'ui:preview-links', text: uri });
  const pendingIds = preview.previews.map((item) => item.pendingId);
  await sendFromPopup(popup, { type: 'ui:commit-pending', pendingIds, domains, expectedRevision: list.revision });
  const after = await sendFromPopup<{ accounts: { id: string; issuer: string }[] }>(popup, { type: 'ui:list-accounts' });
  return after.accounts.at(-1)?.id ?? '';
}
