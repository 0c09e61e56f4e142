/**
 * A vault written before bindings existed (accounts with `domains` only, the old format), loaded by the
 * real extension: the vault is written here with the project's own vault code and crypto at the production
 * key-derivation floor, copied into the extension's storage.local, and the worker restarted so it reads it
 * as found on disk. After unlocking, every account is still there (nothing lost), each old domain reads as
 * a whole-site binding, and each is still filled on its sites (what the page's own script saw).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebCryptoPort, systemClock, webRandom } from '../../src/adapters/crypto';
import { PRODUCTION_FLOOR } from '../../src/core/vault/kdf';
import { MemoryStore } from '../../src/core/vault/memory-store';
import { createVault } from '../../src/core/vault/vault';
import { type Harness, launchHarness } from './harness/browser';
import { PASSWORD, sendFromPopup } from './harness/flows';
import { totpWindow } from './harness/otp';

const AMAZON_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const GITHUB_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', 'bindings', name), 'utf8');

/** Accounts exactly as the old format stored them: no `bindings` field. */
const oldAccount = (id: string, issuer: string, domains: string[], secret: string, order: number) => ({
  v: 1,
  id,
  createdAt: 1_690_000_000_000,
  updatedAt: 1_695_000_000_000,
  order,
  issuer,
  accountName: 'ann@example.org',
  domains,
  warnings: [],
  otp: { kind: 'totp', secret, algorithm: 'SHA1', digits: 6, period: 30, counter: 0 },
});
const OLD = [
  oldAccount('old-amazon', 'Amazon', ['amazon.com', 'amazon.de'], AMAZON_SECRET, 0),
  oldAccount('old-github', 'GitHub', ['github.com'], GITHUB_SECRET, 1),
];

declare const chrome: { storage: { local: { set(items: Record<string, unknown>): Promise<void> } } };

let harness: Harness;
let popup: Page;

async function oldVaultRecords(): Promise<Record<string, unknown>> {
  const store = new MemoryStore();
  const deps = { store, crypto: createWebCryptoPort(), random: webRandom, clock: systemClock, kdf: PRODUCTION_FLOOR, minimum: PRODUCTION_FLOOR };
  const created = await createVault(deps, PASSWORD);
  if (!created.ok) throw new Error(created.error.message);
  const vault = created.value;
  const put = await vault.put(
    OLD.map((data) => ({ id: data.id, name: data.issuer, data })),
    vault.revision,
  );
  if (!put.ok) throw new Error(put.error.message);
  return store.dump();
}

const pageSaw = (page: Page, field: string): Promise<{ origin: string; seen: string[]; value: string }> =>
  page.evaluate((selector) => {
    const seen = window as unknown as { __origin: string; __seen: string[] };
    return { origin: seen.__origin, seen: [...seen.__seen], value: (document.querySelector(selector) as HTMLInputElement).value };
  }, field);

beforeAll(async () => {
  const records = await oldVaultRecords();
  harness = await launchHarness();
  harness.server.serve('www.amazon.de', '/bindings/mfa', fixture('amazon-mfa.html'));
  harness.server.serve('signin.aws.amazon.com', '/bindings/mfa', fixture('aws-mfa.html'));
  harness.server.serve('github.com', '/bindings/mfa', fixture('amazon-mfa.html'));
  const worker = await harness.serviceWorker();
  await worker.evaluate((items) => chrome.storage.local.set(items), records);
  // A worker that starts on this storage, as after a browser update.
  await harness.stopServiceWorker();
  popup = await harness.openPopupFor(null);
  await sendFromPopup(popup, { type: 'ui:unlock', password: PASSWORD });
});
afterAll(async () => harness?.close());

describe('an old-format vault loaded by the extension', () => {
  it('keeps every account, each old domain read as a whole-site binding', async () => {
    const list = await sendFromPopup<{ accounts: { id: string; issuer: string; domains: string[]; bindings?: string[] }[]; damaged: unknown[] }>(popup, {
      type: 'ui:list-accounts',
    });
    expect(list.damaged).toEqual([]);
    expect(list.accounts.map(({ id, issuer, domains, bindings }) => ({ id, issuer, domains, bindings }))).toEqual([
      { id: 'old-amazon', issuer: 'Amazon', domains: ['amazon.com', 'amazon.de'], bindings: ['amazon.com', 'amazon.de'] },
      { id: 'old-github', issuer: 'GitHub', domains: ['github.com'], bindings: ['github.com'] },
    ]);
  });

  it.each([
    ['https://www.amazon.de/bindings/mfa', '#auth-mfa-otpcode', AMAZON_SECRET],
    ['https://signin.aws.amazon.com/bindings/mfa', '#mfaCode', AMAZON_SECRET],
    ['https://github.com/bindings/mfa', '#auth-mfa-otpcode', GITHUB_SECRET],
  ])('%s still gets its account’s code (the page saw it)', async (url, field, secret) => {
    const page = await harness.openAt(url);
    await expect.poll(async () => (await pageSaw(page, field)).value, { timeout: 10_000 }).toMatch(/^\d{6}$/);
    const saw = await pageSaw(page, field);
    expect(saw.origin).toBe(new URL(url).origin);
    expect(totpWindow(secret, Date.now())).toContain(saw.value);
    expect(saw.seen).toContain(`change:${saw.value}`);
    await page.close();
  });
});
