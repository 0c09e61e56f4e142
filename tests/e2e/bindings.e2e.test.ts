/**
 * Bindings in a real browser. AWS and Amazon are enrolled side by side through the popup's own messages,
 * with no sites typed: the preview proposes each one's sign-in hosts from the issuer catalogue. Each
 * page then gets its own account's code by itself, with no "which account?" question, and an OTP field
 * in an ad frame from a domain Amazon owns (amazon-adsystem.com) on www.amazon.com gets nothing, by
 * automatic fill nor when asked to fill. Every case asserts what the page's own script saw (window.__seen).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, launchHarness } from './harness/browser';
import { createVaultThroughPopup, sendFromPopup } from './harness/flows';
import { totpWindow } from './harness/otp';

const AWS_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const AMAZON_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', 'bindings', name), 'utf8');

declare const chrome: {
  webNavigation: { getAllFrames(details: { tabId: number }): Promise<{ frameId: number; url: string }[] | null> };
  scripting: { executeScript(options: object): Promise<unknown> };
  tabs: { sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown> };
};

let harness: Harness;
let popup: Page;

interface Seen {
  origin: string;
  seen: string[];
  value: string;
}

const pageSaw = (frame: Page | Frame, field: string): Promise<Seen> =>
  frame.evaluate((selector) => {
    const page = window as unknown as { __origin: string; __seen: string[] };
    return { origin: page.__origin, seen: [...page.__seen], value: (document.querySelector(selector) as HTMLInputElement).value };
  }, field);

/** Ample time for the engine to (wrongly) fill. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 1_500));

interface Preview {
  pendingId: string;
  issuer: string;
  proposedBindings?: string[];
  proposedDomains: string[];
}

/** Enrols links as a user would through the popup: preview, keep what it proposes, save. */
async function enrolAsProposed(text: string): Promise<Preview[]> {
  const list = await sendFromPopup<{ revision: number }>(popup, { type: 'ui:list-accounts' });
  const preview = await sendFromPopup<{ previews: Preview[] }>(popup, { type: 'ui:preview-links', text });
  const pendingIds = preview.previews.map((item) => item.pendingId);
  await sendFromPopup(popup, { type: 'ui:commit-pending', pendingIds, expectedRevision: list.revision });
  return preview.previews;
}

beforeAll(async () => {
  harness = await launchHarness();
  harness.server.serve('signin.aws.amazon.com', '/bindings/mfa', fixture('aws-mfa.html'));
  harness.server.serve('www.amazon.com', '/bindings/mfa', fixture('amazon-mfa.html'));
  harness.server.serve('www.amazon.com', '/bindings/with-ad', fixture('amazon-with-ad.html'));
  harness.server.serve('aax-us-east.amazon-adsystem.com', '/bindings/ad', fixture('ad.html'));
  popup = await createVaultThroughPopup(harness);
});
afterAll(async () => harness?.close());

describe('AWS and Amazon side by side', () => {
  it('the preview proposes each one’s sign-in hosts, not the brand’s 60 domains', async () => {
    const previews = await enrolAsProposed(
      [
        `otpauth://totp/Amazon%20Web%20Services:root%40example.com?secret=${AWS_SECRET}&issuer=Amazon%20Web%20Services`,
        `otpauth://totp/Amazon:me%40example.com?secret=${AMAZON_SECRET}&issuer=Amazon`,
      ].join('\n'),
    );
    const [aws, amazon] = previews;
    expect(aws?.proposedBindings).toEqual(['aws.amazon.com', 'signin.aws.amazon.com']);
    expect(amazon?.proposedBindings).toContain('www.amazon.com');
    expect(amazon?.proposedDomains).not.toContain('amazon-adsystem.com');
    const list = await sendFromPopup<{ accounts: { issuer: string; bindings?: string[] }[] }>(popup, { type: 'ui:list-accounts' });
    expect(list.accounts.map((account) => account.issuer)).toEqual(['Amazon Web Services', 'Amazon']);
  });

  it('signin.aws.amazon.com gets the AWS code by itself (no question), and the page saw only that code', async () => {
    const page = await harness.openAt('https://signin.aws.amazon.com/bindings/mfa');
    await expect.poll(async () => (await pageSaw(page, '#mfaCode')).value, { timeout: 10_000 }).toMatch(/^\d{6}$/);
    const saw = await pageSaw(page, '#mfaCode');
    expect(saw.origin).toBe('https://signin.aws.amazon.com');
    expect(totpWindow(AWS_SECRET, Date.now())).toContain(saw.value);
    expect(totpWindow(AMAZON_SECRET, Date.now())).not.toContain(saw.value);
    expect(saw.seen).toContain(`change:${saw.value}`);
    await page.close();
  });

  it('www.amazon.com gets the Amazon code by itself (no question), and the page saw only that code', async () => {
    const page = await harness.openAt('https://www.amazon.com/bindings/mfa');
    await expect.poll(async () => (await pageSaw(page, '#auth-mfa-otpcode')).value, { timeout: 10_000 }).toMatch(/^\d{6}$/);
    const saw = await pageSaw(page, '#auth-mfa-otpcode');
    expect(saw.origin).toBe('https://www.amazon.com');
    expect(totpWindow(AMAZON_SECRET, Date.now())).toContain(saw.value);
    expect(totpWindow(AWS_SECRET, Date.now())).not.toContain(saw.value);
    expect(saw.seen).toContain(`change:${saw.value}`);
    await page.close();
  });
});

describe('an ad frame of a brand domain on a brand page', () => {
  async function adFrame(page: Page): Promise<Frame> {
    const isAd = (url: string) => url.startsWith('https://aax-us-east.amazon-adsystem.com/bindings/ad');
    await expect.poll(() => page.frames().some((frame) => isAd(frame.url())), { timeout: 10_000 }).toBe(true);
    const frame = page.frames().find((candidate) => isAd(candidate.url()))!;
    await frame.locator('#otp').waitFor({ state: 'attached' });
    return frame;
  }

  it('fills nothing by itself into an amazon-adsystem.com frame on www.amazon.com', async () => {
    const page = await harness.openAt('https://www.amazon.com/bindings/with-ad');
    const ad = await adFrame(page);
    await settle();
    expect(await pageSaw(ad, '#otp')).toEqual({ origin: 'https://aax-us-east.amazon-adsystem.com', seen: [], value: '' });
    await page.close();
  });

  it('gives it nothing when asked to fill it either (the context menu’s path)', async () => {
    const page = await harness.openAt('https://www.amazon.com/bindings/with-ad');
    const ad = await adFrame(page);
    await ad.locator('#otp').focus();
    const tabId = await harness.tabIdOf(page);
    const worker = await harness.serviceWorker();
    await worker.evaluate(
      async ({ tabId, prefix }) => {
        const frames = (await chrome.webNavigation.getAllFrames({ tabId })) ?? [];
        const target = frames.find((candidate) => candidate.url.startsWith(prefix));
        if (!target) throw new Error(`no frame at ${prefix}`);
        await chrome.scripting.executeScript({ target: { tabId, frameIds: [target.frameId] }, files: ['content/engine.js'], injectImmediately: true });
        await chrome.tabs.sendMessage(tabId, { type: 'bg:fill-now', overwrite: true }, { frameId: target.frameId });
      },
      { tabId, prefix: 'https://aax-us-east.amazon-adsystem.com/' },
    );
    await settle();
    const saw = await pageSaw(ad, '#otp');
    expect(saw.value).toBe('');
    expect(saw.seen.filter((entry) => /\d{4,}/.test(entry))).toEqual([]);
    await page.close();
  });

  it('control: the same frame is filled once the user binds Amazon to amazon-adsystem.com too (the refusal is the binding’s)', async () => {
    const list = await sendFromPopup<{ revision: number; accounts: { id: string; issuer: string; bindings?: string[] }[] }>(popup, {
      type: 'ui:list-accounts',
    });
    const amazon = list.accounts.find((account) => account.issuer === 'Amazon')!;
    await sendFromPopup(popup, {
      type: 'ui:update-account',
      id: amazon.id,
      bindings: [...(amazon.bindings ?? []), 'amazon-adsystem.com'],
      expectedRevision: list.revision,
    });
    const page = await harness.openAt('https://www.amazon.com/bindings/with-ad');
    const ad = await adFrame(page);
    await expect.poll(async () => (await pageSaw(ad, '#otp')).value, { timeout: 10_000 }).toMatch(/^\d{6}$/);
    expect(totpWindow(AMAZON_SECRET, Date.now())).toContain((await pageSaw(ad, '#otp')).value);
    await page.close();
  });
});
