// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfirmView } from '../../src/confirm/views/confirm-view';
import type { HeldCodeQuestion } from '../../src/messaging/protocol';
import { BackgroundError } from '../../src/popup/client';
import { createMockClient } from '../../src/popup/client-mock';

afterEach(cleanup);

const question: HeldCodeQuestion = {
  page: {
    verdict: 'lookalike',
    unicodeHost: 'www.\u0430mazon.com',
    asciiHost: 'www.xn--mazon-3ve.com',
    reasons: [{ code: 'homoglyph', form: 'characters', brand: 'amazon' }],
    confusables: [{ index: 4, char: '\u0430', looksLike: 'a' }],
    trustedByUser: false,
  },
  headline: 'This is not amazon.com. Amazon never asks for your code here.',
  digits: 6,
};

describe('the held-code confirmation window', () => {
  it('asks about the asking page, with "Don\'t enter it" focused', async () => {
    const client = createMockClient({ 'ui:held-code-describe': () => question });
    render(<ConfirmView client={client} requestId="request-0001" onClose={() => undefined} />);
    expect((await screen.findByRole('heading')).textContent).toBe(question.headline);
    expect(screen.getByTestId('asking-host').querySelector('mark.confusable')?.textContent).toBe('\u0430');
    expect(screen.getByText(/6-digit code/)).toBeTruthy();
    const no = screen.getByRole('button', { name: "Don't enter it" });
    await waitFor(() => expect(document.activeElement).toBe(no));
    expect(client.callsOf('ui:held-code-describe')).toEqual([{ type: 'ui:held-code-describe', requestId: 'request-0001' }]);
  });

  it.each([
    ['Enter it anyway', 'enter', 'The code was entered into the page.'],
    ["Don't enter it", 'discard', 'The code was thrown away. The page never saw it.'],
  ] as const)('"%s" sends %s', async (label, choice, text) => {
    const client = createMockClient({ 'ui:held-code-describe': () => question, 'ui:held-code-decide': () => ({ decided: true }) });
    render(<ConfirmView client={client} requestId="request-0001" onClose={() => undefined} armAfterMs={0} />);
    const button = await screen.findByRole('button', { name: label });
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(button);
    expect((await screen.findByTestId('done')).textContent).toBe(text);
    expect(client.callsOf('ui:held-code-decide')).toEqual([{ type: 'ui:held-code-decide', requestId: 'request-0001', choice }]);
  });

  it('"Enter it anyway" ignores clicks in its first moments', async () => {
    const client = createMockClient({ 'ui:held-code-describe': () => question, 'ui:held-code-decide': () => ({ decided: true }) });
    render(<ConfirmView client={client} requestId="request-0001" onClose={() => undefined} armAfterMs={300} />);
    const enter = (await screen.findByRole('button', { name: 'Enter it anyway' })) as HTMLButtonElement;
    expect(enter.disabled).toBe(true);
    fireEvent.click(enter);
    expect(client.callsOf('ui:held-code-decide')).toEqual([]);
    await waitFor(() => expect(enter.disabled).toBe(false), { timeout: 2_000 });
    fireEvent.click(enter);
    await screen.findByTestId('done');
    expect(client.callsOf('ui:held-code-decide')).toHaveLength(1);
  });

  it('a closed question says the code was not entered and offers Close', async () => {
    let closed = 0;
    const client = createMockClient({
      'ui:held-code-describe': () => question,
      'ui:held-code-decide': () => ({ decided: false }),
    });
    render(<ConfirmView client={client} requestId="request-0001" onClose={() => closed++} armAfterMs={0} />);
    const enter = await screen.findByRole('button', { name: 'Enter it anyway' });
    await waitFor(() => expect((enter as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(enter);
    await screen.findByText('This question is closed: the code was not entered.');
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(closed).toBe(1);
  });

  it('an unknown request shows the background’s words and no choice', async () => {
    const client = createMockClient({
      'ui:held-code-describe': () => {
        throw new BackgroundError('question-closed', 'This question is closed: the code was not entered.');
      },
    });
    render(<ConfirmView client={client} requestId="nope-nope" onClose={() => undefined} />);
    await screen.findByText('This question is closed: the code was not entered.');
    expect(screen.queryByRole('button', { name: 'Enter it anyway' })).toBeNull();
  });
});
