// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { PageReport } from '../../src/messaging/protocol';
import { createMockClient } from '../../src/popup/client-mock';
import { marksForSuffix, ThisPage } from '../../src/popup/views/this-page';

afterEach(cleanup);

// "аmazon.com" with a Cyrillic а (U+0430) in front, on a subdomain.
const lookalike: PageReport = {
  verdict: 'lookalike',
  scheme: 'https',
  asciiHost: 'www.xn--mazon-3ve.com',
  unicodeHost: 'www.\u0430mazon.com',
  registrableDomain: 'xn--mazon-3ve.com',
  unicodeRegistrableDomain: '\u0430mazon.com',
  imitates: { name: 'Amazon', primaryDomain: 'amazon.com' },
  reasons: [{ code: 'homoglyph', form: 'characters', brand: 'amazon' }],
  confusables: [{ index: 4, char: '\u0430', looksLike: 'a' }],
  trustedByUser: false,
};

describe('this page panel', () => {
  it('marks the confusable characters in the address and the site name', async () => {
    const client = createMockClient({ 'ui:describe-tab': () => lookalike });
    render(<ThisPage client={client} />);
    const host = await screen.findByTestId('unicode-host');
    const hostMarks = host.querySelectorAll('mark.confusable');
    expect([...hostMarks].map((mark) => mark.textContent)).toEqual(['\u0430']);
    expect(hostMarks[0]?.getAttribute('title')).toBe('looks like “a”');
    expect(host.textContent).toBe('www.\u0430mazon.com');
    const site = screen.getByTestId('registrable-domain');
    expect([...site.querySelectorAll('mark.confusable')].map((mark) => mark.textContent)).toEqual(['\u0430']);
    expect(site.textContent).toBe('\u0430mazon.com');
    expect(screen.getByTestId('ascii-host').textContent).toBe('www.xn--mazon-3ve.com');
    expect(screen.getByTestId('imitates').textContent).toMatch(/Amazon/);
    expect(screen.getByRole('link', { name: /Go to the real site/ }).getAttribute('href')).toBe('https://amazon.com/');
  });

  it('asks for confirmation before trusting a page that looks like a brand', async () => {
    const client = createMockClient({
      'ui:describe-tab': () => lookalike,
      'ui:trust-site': () => ({ ...lookalike, trustedByUser: true }),
    });
    render(<ThisPage client={client} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Trust this site' }));
    expect(client.callsOf('ui:trust-site')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Trust it anyway' }));
    await screen.findByTestId('trusted');
    expect(client.callsOf('ui:trust-site')).toEqual([{ type: 'ui:trust-site' }]);
  });

  it('offers no "Trust this site" on an unknown page: it gets no warning, so there is nothing to trust', async () => {
    const unknown: PageReport = { ...lookalike, verdict: 'unknown', confusables: [], reasons: [] };
    delete unknown.imitates;
    const client = createMockClient({ 'ui:describe-tab': () => unknown });
    render(<ThisPage client={client} />);
    expect((await screen.findByTestId('verdict')).textContent).toBe('Not a site of your accounts');
    expect(screen.queryByRole('button', { name: 'Trust this site' })).toBeNull();
  });

  it('undoes a trust from the page panel: the page is judged again', async () => {
    const trusted: PageReport = { ...lookalike, verdict: 'unknown', confusables: [], reasons: [], trustedByUser: true };
    delete trusted.imitates;
    let current = trusted;
    const client = createMockClient({
      'ui:describe-tab': () => current,
      'ui:untrust-site': () => {
        current = lookalike;
        return { sites: [] };
      },
    });
    render(<ThisPage client={client} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Stop trusting this site' }));
    await waitFor(() => expect(screen.getByTestId('verdict').textContent).toBe('Warning: lookalike site'));
    expect(client.callsOf('ui:untrust-site')).toEqual([{ type: 'ui:untrust-site', site: 'xn--mazon-3ve.com' }]);
    expect(screen.getByRole('button', { name: 'Trust this site' })).toBeTruthy();
  });

  it('shows a checked link in the same view, without trust or the warning page memory', async () => {
    const client = createMockClient({});
    render(<ThisPage client={client} link={async () => lookalike} />);
    expect((await screen.findByTestId('verdict')).textContent).toBe('Warning: lookalike site');
    expect(screen.getByTestId('unicode-host').querySelectorAll('mark.confusable')).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Trust this site' })).toBeNull();
    expect(client.callsOf('ui:describe-tab')).toHaveLength(0);
  });

  it('names the account that would be filled on this page, and none when the background names none', async () => {
    const verified: PageReport = {
      verdict: 'verified',
      scheme: 'https',
      asciiHost: 'signin.aws.amazon.com',
      unicodeHost: 'signin.aws.amazon.com',
      registrableDomain: 'amazon.com',
      unicodeRegistrableDomain: 'amazon.com',
      brand: { name: 'Amazon', primaryDomain: 'amazon.com' },
      reasons: [],
      confusables: [],
      trustedByUser: false,
    };
    const client = createMockClient({ 'ui:describe-tab': () => ({ ...verified, fillAccount: { id: 'aws', label: 'AWS (me@example.com)' } }) });
    render(<ThisPage client={client} />);
    expect((await screen.findByTestId('fill-account')).textContent).toBe('AWS (me@example.com)');
    cleanup();
    render(<ThisPage client={createMockClient({ 'ui:describe-tab': () => verified })} />);
    await screen.findByTestId('registrable-domain');
    expect(screen.queryByTestId('fill-account')).toBeNull();
  });

  it('moves host marks onto the registrable domain only when the host ends with it', () => {
    const marks = [
      { index: 0, char: 'ѕ', looksLike: 's' },
      { index: 6, char: 'о', looksLike: 'o' },
    ];
    expect(marksForSuffix('ѕhop.gоogle.com', 'gоogle.com', marks)).toEqual([{ index: 1, char: 'о', looksLike: 'o' }]);
    expect(marksForSuffix('ѕhop.gоogle.com', 'other.com', marks)).toEqual([]);
  });
});
