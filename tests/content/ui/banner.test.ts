// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { showLookalikeBanner } from '../../../src/content/ui/banner';
import { flushMicrotasks, spyOnShadowRoots } from '../shadow-spy';
import { userClick } from '../user-events';

let roots: Map<Element, ShadowRoot>;
beforeEach(() => {
  document.body.innerHTML = '<p>page</p>';
  roots = spyOnShadowRoots();
});
afterEach(() => {
  vi.restoreAllMocks();
  for (const host of document.querySelectorAll('otp-guard-banner')) host.remove();
});

const content = {
  headline: 'This is not amazon.com',
  details: ['The address uses a Cyrillic "а".', 'Registered 3 days ago.'],
  realSiteUrl: 'https://www.amazon.com/',
  realSiteName: 'amazon.com',
};

describe('showLookalikeBanner', () => {
  it('attaches to <html> in a closed shadow root, with the headline and details', () => {
    const banner = showLookalikeBanner(document, content);
    const host = document.documentElement.querySelector(':scope > otp-guard-banner')!;
    expect(host.parentElement).toBe(document.documentElement);
    expect(host.shadowRoot).toBeNull();
    const root = roots.get(host)!;
    expect(root.mode).toBe('closed');
    expect(root.textContent).toContain('This is not amazon.com');
    expect(Array.from(root.querySelectorAll('li'), (li) => li.textContent)).toEqual(content.details);
    const link = root.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://www.amazon.com/');
    expect(link.textContent).toBe('Go to amazon.com');
    expect(root.querySelector('style')!.textContent).toMatch(/all:initial!important/);
    banner.remove();
  });

  it('works before <body> exists', () => {
    const body = document.body;
    body.remove();
    const banner = showLookalikeBanner(document, content);
    expect(document.documentElement.querySelector(':scope > otp-guard-banner')).not.toBeNull();
    document.documentElement.append(body);
    banner.remove();
  });

  it('comes back when a page script removes it', async () => {
    const banner = showLookalikeBanner(document, content);
    const host = document.querySelector('otp-guard-banner')!;
    host.remove();
    expect(host.isConnected).toBe(false);
    await flushMicrotasks();
    expect(host.isConnected).toBe(true);
    expect(host.parentElement).toBe(document.documentElement);
    banner.remove();
  });

  it('keeps coming back, however often it is removed', async () => {
    const banner = showLookalikeBanner(document, content);
    const host = document.querySelector('otp-guard-banner')!;
    for (let i = 0; i < 150; i++) {
      host.remove();
      await flushMicrotasks();
    }
    expect(host.isConnected).toBe(true);
    banner.remove();
  });

  it('moves back to <html> when the page re-parents it into a hidden container', async () => {
    const banner = showLookalikeBanner(document, content);
    const host = document.querySelector('otp-guard-banner')!;
    const trap = document.createElement('div');
    trap.style.display = 'none';
    document.body.append(trap);
    trap.append(host);
    await flushMicrotasks();
    expect(host.parentElement).toBe(document.documentElement);
    banner.remove();
  });

  it('moves back on top when the page appends a later sibling to <html>', async () => {
    const banner = showLookalikeBanner(document, content);
    const host = document.querySelector('otp-guard-banner')!;
    document.documentElement.append(document.createElement('div'));
    await flushMicrotasks();
    expect(document.documentElement.lastElementChild).toBe(host);
    banner.remove();
  });

  it('undoes attribute and style changes made by the page', async () => {
    const banner = showLookalikeBanner(document, content);
    const host = document.querySelector('otp-guard-banner') as HTMLElement;
    host.style.display = 'none';
    host.setAttribute('hidden', '');
    host.setAttribute('class', 'gone');
    await flushMicrotasks();
    expect(host.hasAttribute('hidden')).toBe(false);
    expect(host.hasAttribute('class')).toBe(false);
    expect(host.style.display).toBe('');
    banner.remove();
  });

  it('remove() takes it away for good', async () => {
    const banner = showLookalikeBanner(document, content);
    banner.remove();
    await flushMicrotasks();
    expect(document.querySelector('otp-guard-banner')).toBeNull();
  });

  it('calls back for "Trust this site" and the real-site link', () => {
    const onTrust = vi.fn();
    const onRealSite = vi.fn();
    const banner = showLookalikeBanner(document, { ...content, onTrust, onRealSite });
    const root = roots.get(document.querySelector('otp-guard-banner')!)!;
    userClick(root.querySelector('button')!);
    expect(onTrust).toHaveBeenCalledTimes(1);
    const link = root.querySelector('a')!;
    link.addEventListener('click', (event) => event.preventDefault()); // keep the test page in place
    userClick(link);
    expect(onRealSite).toHaveBeenCalledTimes(1);
    banner.remove();
  });

  it('ignores clicks the browser did not mark as the user\'s (isTrusted false or missing)', () => {
    const onTrust = vi.fn();
    const banner = showLookalikeBanner(document, { ...content, onTrust });
    const button = roots.get(document.querySelector('otp-guard-banner')!)!.querySelector('button')!;
    button.click(); // happy-dom: no isTrusted at all
    const scripted = new MouseEvent('click', { bubbles: true });
    Object.defineProperty(scripted, 'isTrusted', { value: false });
    button.dispatchEvent(scripted);
    expect(onTrust).not.toHaveBeenCalled();
    banner.remove();
  });

  it('links only https: URLs', () => {
    const banner = showLookalikeBanner(document, { ...content, realSiteUrl: 'javascript:alert(1)' });
    const root = roots.get(document.querySelector('otp-guard-banner')!)!;
    expect(root.querySelector('a')).toBeNull();
    banner.remove();
  });

  it('renders page-supplied text as text, not markup', () => {
    const banner = showLookalikeBanner(document, { headline: '<img src=x onerror=alert(1)>', details: [] });
    const root = roots.get(document.querySelector('otp-guard-banner')!)!;
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('strong')!.textContent).toBe('<img src=x onerror=alert(1)>');
    banner.remove();
  });
});
