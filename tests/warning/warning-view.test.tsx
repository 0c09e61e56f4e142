// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { WarningReport } from '../../src/messaging/protocol';
import { BackgroundError } from '../../src/popup/client';
import { createMockClient } from '../../src/popup/client-mock';
import { WarningView } from '../../src/warning/views/warning-view';

afterEach(cleanup);

const report: WarningReport = {
  page: {
    verdict: 'lookalike',
    scheme: 'https',
    asciiHost: 'www.xn--mazon-3ve.com',
    unicodeHost: 'www.\u0430mazon.com',
    registrableDomain: 'xn--mazon-3ve.com',
    unicodeRegistrableDomain: '\u0430mazon.com',
    imitates: { name: 'Amazon', primaryDomain: 'amazon.com' },
    reasons: [{ code: 'homoglyph', form: 'characters', brand: 'amazon' }, { code: 'mixed-script' }],
    confusables: [{ index: 4, char: '\u0430', looksLike: 'a' }],
    trustedByUser: false,
  },
  realSiteUrl: 'https://amazon.com/',
  realSiteName: 'amazon.com',
};

describe('the warning page', () => {
  it('says which site this is not, why, and marks the look-alike characters', async () => {
    const client = createMockClient({ 'ui:warning-describe': () => report });
    render(<WarningView client={client} />);
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('This is not amazon.com');
    const host = screen.getByTestId('stopped-host');
    expect(host.textContent).toBe('www.\u0430mazon.com');
    expect([...host.querySelectorAll('mark.confusable')].map((mark) => mark.textContent)).toEqual(['\u0430']);
    expect(screen.getByTestId('stopped-ascii-host').textContent).toBe('www.xn--mazon-3ve.com');
    expect([...screen.getByTestId('reasons').querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'The name uses look-alike characters to imitate “amazon”.',
      'The name mixes letters from different alphabets.',
    ]);
    expect(client.callsOf('ui:warning-describe')).toEqual([{ type: 'ui:warning-describe' }]);
  });

  it('"Go to amazon.com" is the focused default; both buttons ask the background for their tab', async () => {
    const client = createMockClient({
      'ui:warning-describe': () => report,
      'ui:warning-go': () => ({ navigated: true }),
      'ui:warning-continue': () => ({ navigated: true }),
    });
    render(<WarningView client={client} />);
    const go = await screen.findByRole('button', { name: 'Go to amazon.com' });
    await waitFor(() => expect(document.activeElement).toBe(go));
    fireEvent.click(go);
    await waitFor(() => expect(client.callsOf('ui:warning-go')).toEqual([{ type: 'ui:warning-go' }]));
    fireEvent.click(screen.getByRole('button', { name: 'Continue anyway' }));
    await waitFor(() => expect(client.callsOf('ui:warning-continue')).toEqual([{ type: 'ui:warning-continue' }]));
  });

  it('says so when the tab was not stopped, or the background refuses', async () => {
    const client = createMockClient({
      'ui:warning-describe': () => {
        throw new BackgroundError('nothing-stopped', 'OTP Guard did not stop a page in this tab.');
      },
    });
    render(<WarningView client={client} />);
    await screen.findByText('OTP Guard did not stop a page in this tab.');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('a failed navigation is reported, not silent', async () => {
    const client = createMockClient({ 'ui:warning-describe': () => report, 'ui:warning-go': () => ({ navigated: false }) });
    render(<WarningView client={client} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Go to amazon.com' }));
    await screen.findByText('OTP Guard could not open the page. Try again.');
  });
});
