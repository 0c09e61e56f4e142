/** "Scan this page": which domains it proposes for the page in front, and what it says when it cannot. */
import { describe, expect, it, vi } from 'vitest';
import { scanTab } from '../../src/background/handlers/scan-tab';
import { builtInCatalogue } from '../../src/core/domain/catalogue/catalogue';
import { type ExtensionPageSender, HandlerError } from '../../src/messaging/router';
import { buildBackground, totpLink, unlockedWith } from './fakes';

const popup: ExtensionPageSender = { role: 'extension-page', page: 'src/popup/index.html' };
/** An issuer no catalogue brand has: the proposed domains then come from the page alone. */
const NO_BRAND = 'ZqxWidgets';

async function scanned(url: string, texts: string[] = [totpLink(NO_BRAND)]) {
  const bg = buildBackground();
  await unlockedWith(bg);
  bg.showTab(url, 11);
  vi.mocked(bg.services.decodeQrImage).mockResolvedValueOnce(texts);
  return { bg, reply: await scanTab(bg.services)({ type: 'ui:scan-tab' }, popup) };
}

async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HandlerError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal, got a reply');
}

describe('ui:scan-tab proposes domains', () => {
  it('an https page of no known brand: its registrable domain only', async () => {
    const { reply } = await scanned('https://login.zqxwidgets.com/2fa/setup');
    expect(reply.source).toBe('page');
    expect(reply.previews[0]?.issuer).toBe(NO_BRAND);
    expect(reply.previews[0]?.proposedDomains).toEqual(['zqxwidgets.com']);
  });

  it('an https page of a catalogue brand: its own domain first, then every domain of that brand', async () => {
    const etsy = builtInCatalogue.brands.find((brand) => brand.labels.includes('etsy'));
    expect(etsy?.domains.length).toBeGreaterThan(0);
    const { reply } = await scanned('https://www.etsy.com/your/account/security');
    expect(reply.previews[0]?.proposedDomains).toEqual([...new Set(['etsy.com', ...(etsy?.domains ?? [])])]);
  });

  it('an http page: no domain from the page (codes only ever go to https)', async () => {
    const { reply } = await scanned('http://login.zqxwidgets.com/2fa/setup');
    expect(reply.previews[0]?.proposedDomains).toEqual([]);
  });

  it('passes on what the QR codes held that is not an account', async () => {
    const { reply } = await scanned('https://login.zqxwidgets.com/', ['https://example.com/menu', totpLink('GitHub')]);
    expect(reply.previews.map((item) => item.issuer)).toEqual(['GitHub']);
    expect(reply.errors).toEqual(['A QR code on it is not a one-time-code setup code.']);
    expect(reply.unsupported).toEqual([]);
  });
});

describe('ui:scan-tab refusals, in plain words', () => {
  it('a lookalike page: names the page, what it imitates, why, and where to go instead', async () => {
    const bg = buildBackground();
    await unlockedWith(bg);
    bg.showTab('https://amazon-account-verify.com/ap/setup');
    const refused = await refusal(scanTab(bg.services)({ type: 'ui:scan-tab' }, popup));
    expect(refused.code).toBe('lookalike-page');
    expect(refused.message).toMatch(/^Not enrolled: amazon-account-verify\.com imitates Amazon \(.+\)\. Set up two-step verification on amazon\.com itself\.$/);
  });

  it('no page in front, a page that changed, no QR code', async () => {
    const bg = buildBackground();
    await unlockedWith(bg);
    expect(await refusal(scanTab(bg.services)({ type: 'ui:scan-tab' }, popup))).toEqual({
      code: 'no-front-tab',
      message: 'OTP Guard could not tell which page is in front. Open it, then scan again.',
    });
    bg.showTab('https://www.etsy.com/', 11);
    expect(await refusal(scanTab(bg.services)({ type: 'ui:scan-tab' }, popup))).toEqual({
      code: 'no-qr',
      message: 'No QR code was found in the visible part of this page.',
    });
    vi.mocked(bg.services.captureTab).mockImplementationOnce(async () => {
      bg.tabs.set(11, 'https://www.etsy.com/elsewhere');
      return 'data:image/png;base64,AAAA';
    });
    expect(await refusal(scanTab(bg.services)({ type: 'ui:scan-tab' }, popup))).toEqual({
      code: 'page-changed',
      message: 'The page changed during the scan. Scan again.',
    });
  });
});
