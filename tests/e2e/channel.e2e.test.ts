/**
 * The channel a code page asks for, and codes that name their site, in a real browser: fixture pages
 * of our own at real hostnames, with the page's own script recording every key, input, paste and drop
 * it sees (window.pageSaw). OTP Guard's in-page UI lives in closed shadow roots: the tests read it the
 * way DevTools does (CDP DOM.getDocument with pierce), never through the page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, launchHarness } from './harness/browser';
import { createVaultThroughPopup, enrolLink } from './harness/flows';
import { totpWindow } from './harness/otp';

const AMAZON_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const PAYPAL_SECRET = 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U';
const LOOKALIKE = 'amazon-shop.top'; // medium confidence: banner and guard, no interstitial
const CODE = '739402';
const SMS = `Your Amazon one-time password is ${CODE}. Don't share it with anyone.\n\n@amazon.com #${CODE}`;
const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', 'channel', name), 'utf8');

let harness: Harness;

interface DomNode {
  nodeName: string;
  nodeType: number;
  nodeValue?: string;
  backendNodeId: number;
  children?: DomNode[];
  shadowRoots?: DomNode[];
  contentDocument?: DomNode;
}

/** Text inside OTP Guard's hosts named `tag` (closed shadow roots included), one string per host. */
async function ownUiTexts(page: Page, tag: string): Promise<string[]> {
  const cdp: CDPSession = await harness.context.newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const textOf = (node: DomNode): string =>
      node.nodeName === 'STYLE' ? '' : node.nodeType === 3 ? (node.nodeValue ?? '') : [...(node.shadowRoots ?? []), ...(node.children ?? [])].map(textOf).join(' ');
    const hosts: string[] = [];
    const visit = (node: DomNode) => {
      if (node.nodeName.toLowerCase() === tag) hosts.push(textOf(node).replace(/\s+/g, ' ').trim());
      for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) visit(child);
    };
    visit(root as DomNode);
    return hosts;
  } finally {
    await cdp.detach();
  }
}

const pageSaw = (page: Page) => page.evaluate(() => (window as unknown as { pageSaw: string[] }).pageSaw);

/** Gives the engine ample time to (wrongly) fill, then returns what the field holds. */
async function valueAfterSettling(page: Page, selector: string): Promise<string> {
  await page.locator(selector).waitFor({ state: 'attached' });
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  return page.locator(selector).inputValue();
}

/** The user copies the SMS in another app (here: another page, so the tested page's script never has it). */
async function copyToClipboard(text: string): Promise<void> {
  const other = await harness.openAt('https://messages.example.net/');
  await harness.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://messages.example.net' });
  await other.evaluate((value) => navigator.clipboard.writeText(value), text);
  await other.close();
}

async function pasteInto(page: Page, selector: string): Promise<void> {
  await page.bringToFront();
  await page.locator(selector).click();
  await page.keyboard.press('Control+V');
}

beforeAll(async () => {
  harness = await launchHarness();
  for (const name of ['sms', 'sms-offer', 'email', 'app']) harness.server.serve('www.amazon.com', `/channel/${name}`, fixture(`${name}.html`));
  harness.server.serve(LOOKALIKE, '/channel/sms', fixture('sms.html'));
  harness.server.serve('www.paypal.com', '/channel/sms', fixture('sms.html'));
  harness.server.serve('messages.example.net', '/', '<!doctype html><title>Messages</title><p>Messages</p>');
  const popup = await createVaultThroughPopup(harness);
  await enrolLink(popup, `otpauth://totp/Amazon:me%40example.com?secret=${AMAZON_SECRET}&issuer=Amazon`, ['amazon.com']);
  await enrolLink(popup, `otpauth://totp/PayPal:me%40example.com?secret=${PAYPAL_SECRET}&issuer=PayPal`, ['paypal.com']);
});
afterAll(async () => harness?.close());

describe('the channel of a code page on the account’s own site', () => {
  it('an authenticator page is filled by itself (the control)', async () => {
    const page = await harness.openAt('https://www.amazon.com/channel/app');
    await expect.poll(() => page.locator('#otp').inputValue(), { timeout: 10_000 }).toMatch(/^\d{6}$/);
    expect(totpWindow(AMAZON_SECRET, Date.now())).toContain(await page.locator('#otp').inputValue());
    expect(await ownUiTexts(page, 'otp-guard-channel')).toEqual([]);
    await page.close();
  });

  it.each([
    ['an SMS page', 'sms', 'This code comes by SMS.'],
    ['an e-mail page', 'email', 'This code comes by e-mail.'],
  ])('%s: nothing filled, the channel shown, the page saw no input', async (_name, path, note) => {
    const page = await harness.openAt(`https://www.amazon.com/channel/${path}`);
    await expect.poll(() => ownUiTexts(page, 'otp-guard-channel'), { timeout: 10_000 }).toEqual([expect.stringContaining(note)]);
    expect(await valueAfterSettling(page, '#otp')).toBe('');
    expect(await pageSaw(page)).toEqual([]);
    const [text] = await ownUiTexts(page, 'otp-guard-channel');
    expect(text).not.toContain('Use my authenticator instead'); // the page offers no other way
    expect(await page.locator('otp-guard-fill').count()).toBe(0); // no authenticator code offered
    await page.close();
  });

  it('a page that offers "Use your authenticator app": the offer is shown, and following it fills the authenticator page', async () => {
    const page = await harness.openAt('https://www.amazon.com/channel/sms-offer');
    await expect.poll(() => ownUiTexts(page, 'otp-guard-channel'), { timeout: 10_000 }).toEqual([
      expect.stringMatching(/This code comes by SMS\..*Use my authenticator instead/),
    ]);
    expect(await valueAfterSettling(page, '#otp')).toBe('');
    expect(await pageSaw(page)).toEqual([]);
    // The user clicks the offer (a real click at its place on screen): the page's own link is followed.
    const box = await ownButtonBox(page, 'Use my authenticator instead');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForURL('https://www.amazon.com/channel/app');
    await expect.poll(() => page.locator('#otp').inputValue(), { timeout: 10_000 }).toMatch(/^\d{6}$/);
    expect(totpWindow(AMAZON_SECRET, Date.now())).toContain(await page.locator('#otp').inputValue());
    await page.close();
  });
});

/** Where OTP Guard's own button with this text is on screen (CDP box model: closed shadow roots included). */
async function ownButtonBox(page: Page, label: string): Promise<{ x: number; y: number; width: number; height: number }> {
  const cdp = await harness.context.newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    let found: number | null = null;
    const visit = (node: DomNode) => {
      if (node.nodeName === 'BUTTON' && (node.children ?? []).some((child) => child.nodeValue === label)) found = node.backendNodeId;
      for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) visit(child);
    };
    visit(root as DomNode);
    if (found === null) throw new Error(`no button "${label}"`);
    const { model } = await cdp.send('DOM.getBoxModel', { backendNodeId: found });
    const [x1 = 0, y1 = 0, x2 = 0, , , y3 = 0] = model.border;
    return { x: x1, y: y1, width: x2 - x1, height: y3 - y1 };
  } finally {
    await cdp.detach();
  }
}

describe('a pasted SMS that names its site (@amazon.com #code)', () => {
  it('on the code’s own site: only the code goes into the field, and that is what the page records', async () => {
    const page = await harness.openAt('https://www.amazon.com/channel/sms');
    await ownUiTexts(page, 'otp-guard-channel'); // the engine is there
    await copyToClipboard(SMS);
    await pasteInto(page, '#otp');
    await expect.poll(() => page.locator('#otp').inputValue(), { timeout: 10_000 }).toBe(CODE);
    const saw = await pageSaw(page);
    expect(saw.some((entry) => entry.endsWith(`|${CODE}`))).toBe(true);
    expect(saw.join('\n')).not.toContain('@amazon.com'); // the message itself never reached the page
    await page.close();
  });

  it.each([
    ['a lookalike', `https://${LOOKALIKE}/channel/sms`],
    ['another legit site (PayPal, with an account of its own)', 'https://www.paypal.com/channel/sms'],
  ])('on %s: held, the hint names the code’s site, the page recorded nothing', async (_name, url) => {
    const page = await harness.openAt(url);
    await page.locator('#otp').waitFor();
    await copyToClipboard(SMS);
    await pasteInto(page, '#otp');
    await expect
      .poll(() => ownUiTexts(page, 'otp-guard-hint'), { timeout: 10_000 })
      .toEqual([expect.stringContaining('This code is for amazon.com, not this site.')]);
    expect(await page.locator('#otp').inputValue()).toBe('');
    expect((await pageSaw(page)).filter((entry) => /\d/.test(entry))).toEqual([]);
    await page.close();
  });

  it('a pasted e-mail from the site (From: … <…@amazon.com>) on its e-mail page: only the code goes in', async () => {
    const page = await harness.openAt('https://www.amazon.com/channel/email');
    await page.locator('#otp').waitFor();
    await copyToClipboard(`From: Amazon <account-update@amazon.com>\nSubject: Your one-time password\n\nYour one-time password is:\n\n${CODE}\n\nIt expires in 10 minutes.`);
    await pasteInto(page, '#otp');
    await expect.poll(() => page.locator('#otp').inputValue(), { timeout: 10_000 }).toBe(CODE);
    expect((await pageSaw(page)).join('\n')).not.toContain('account-update');
    await page.close();
  });

  it('dropped on the code’s own site: only the code goes in', async () => {
    const page = await harness.openAt('https://www.amazon.com/channel/sms');
    await page.locator('#otp').waitFor();
    await new Promise((resolve) => setTimeout(resolve, 500)); // the base has its answer
    const box = await page.locator('#otp').boundingBox();
    if (!box) throw new Error('no box for #otp');
    const at = { x: box.x + 10, y: box.y + box.height / 2 };
    const cdp = await harness.context.newCDPSession(page);
    const data = { items: [{ mimeType: 'text/plain', data: SMS }], dragOperationsMask: 1 };
    for (const type of ['dragEnter', 'dragOver', 'drop'] as const) await cdp.send('Input.dispatchDragEvent', { type, ...at, data });
    await cdp.detach();
    await expect.poll(() => page.locator('#otp').inputValue(), { timeout: 10_000 }).toBe(CODE);
    expect((await pageSaw(page)).join('\n')).not.toContain('@amazon.com');
    await page.close();
  });
});
