// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createMockClient } from '../../src/popup/client-mock';
import { InterstitialMemory } from '../../src/popup/views/interstitial-memory';

afterEach(cleanup);

describe('"Continue anyway" undo in the popup', () => {
  it('offers to bring the warning page back for a site the user let through', async () => {
    const client = createMockClient({
      'ui:warning-status': () => ({ interstitial: true, skipped: true, site: '\u0430mazon.com' }),
      'ui:warning-forget': () => ({ interstitial: true, skipped: false, site: '\u0430mazon.com' }),
    });
    render(<InterstitialMemory client={client} />);
    expect((await screen.findByTestId('interstitial-skipped')).textContent).toContain('\u0430mazon.com');
    fireEvent.click(screen.getByRole('button', { name: 'Show the warning page again' }));
    await screen.findByTestId('interstitial-on');
    expect(client.callsOf('ui:warning-forget')).toEqual([{ type: 'ui:warning-forget' }]);
  });

  it('shows nothing for pages without a warning page, or when the background cannot say', async () => {
    const client = createMockClient({ 'ui:warning-status': () => ({ interstitial: false, skipped: false }) });
    const { container } = render(<InterstitialMemory client={client} />);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(container.textContent).toBe('');
    cleanup();
    const silent = render(<InterstitialMemory client={createMockClient({})} />);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(silent.container.textContent).toBe('');
  });
});
