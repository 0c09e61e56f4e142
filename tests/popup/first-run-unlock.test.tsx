// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/popup/app';
import { BackgroundError } from '../../src/popup/client';
import { createMockClient } from '../../src/popup/client-mock';
import { accountsList, createFakePlatform, status } from './fakes';

afterEach(cleanup);

function type(label: RegExp | string, value: string) {
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

describe('first run', () => {
  function setup() {
    const client = createMockClient({
      'ui:vault-status': () => status('none'),
      'ui:create-vault': () => status('unlocked'),
      'ui:list-accounts': () => accountsList([]),
      'ui:describe-tab': () => ({ verdict: 'unknown', reasons: [], confusables: [], trustedByUser: false }),
    });
    render(<App client={client} platform={createFakePlatform().platform} />);
    return client;
  }

  it('says plainly that a forgotten password cannot be recovered', async () => {
    setup();
    expect(await screen.findByText(/cannot be recovered/)).toBeTruthy();
  });

  it('refuses a weak password and does not create the vault', async () => {
    const client = setup();
    await screen.findByText('Choose a password');
    type('Password', 'password1');
    type('Type it again', 'password1');
    await screen.findByText('Very weak');
    fireEvent.click(screen.getByRole('button', { name: 'Create my vault' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/too easy to guess/);
    expect(client.callsOf('ui:create-vault')).toHaveLength(0);
  });

  it('refuses two different passwords', async () => {
    const client = setup();
    await screen.findByText('Choose a password');
    type('Password', 'violet crane harbor 1987 tumble');
    type('Type it again', 'violet crane harbor 1987 tumbl');
    await screen.findByText(/strong/i);
    fireEvent.click(screen.getByRole('button', { name: 'Create my vault' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/different/);
    expect(client.callsOf('ui:create-vault')).toHaveLength(0);
  });

  it('creates the vault with a strong, confirmed password and opens the codes', async () => {
    const client = setup();
    await screen.findByText('Choose a password');
    type('Password', 'violet crane harbor 1987 tumble');
    type('Type it again', 'violet crane harbor 1987 tumble');
    await screen.findByText(/strong/i);
    fireEvent.click(screen.getByRole('button', { name: 'Create my vault' }));
    await screen.findByRole('button', { name: 'Lock now' });
    expect(client.callsOf('ui:create-vault')).toEqual([
      { type: 'ui:create-vault', password: 'violet crane harbor 1987 tumble' },
    ]);
  });
});

describe('unlock', () => {
  it('shows the wrong-password message from the background and the wait before the next try', async () => {
    let failures = 0;
    const client = createMockClient({
      'ui:vault-status': () => status('locked', { retryAfterMs: failures > 0 ? 4000 : 0 }),
      'ui:unlock': () => {
        failures += 1;
        throw new BackgroundError('wrong-password', 'Wrong password. Check Caps Lock and try again.');
      },
      'ui:describe-tab': () => ({ verdict: 'unknown', reasons: [], confusables: [], trustedByUser: false }),
    });
    const fake = createFakePlatform();
    render(<App client={client} platform={fake.platform} />);
    await screen.findByLabelText('Password');
    type('Password', 'not it');
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Wrong password. Check Caps Lock and try again.');
    expect(client.callsOf('ui:unlock')).toEqual([{ type: 'ui:unlock', password: 'not it' }]);
    const countdown = await screen.findByTestId('retry-countdown');
    expect(countdown.textContent).toMatch(/4 s/);
    expect((screen.getByRole('button', { name: 'Unlock' }) as HTMLButtonElement).disabled).toBe(true);
    fake.advance(4000);
    await waitFor(() => expect(screen.queryByTestId('retry-countdown')).toBeNull());
    expect((screen.getByRole('button', { name: 'Unlock' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('on a forgotten password, saves the old vault to a file before starting a new one', async () => {
    const client = createMockClient(
      {
        'ui:vault-status': () => status('locked'),
        'ui:export-raw-vault': () => ({ fileName: 'otp-guard-old-vault.json', fileText: '{"sealed":"…"}' }),
        'ui:start-over': () => status('none'),
      },
    );
    const fake = createFakePlatform();
    render(<App client={client} platform={fake.platform} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Forgot password?' }));
    expect(screen.getByText(/cannot be recovered/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Start a new vault' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save my old vault to a file' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Start a new vault' }));
    expect(fake.downloads).toEqual([{ fileName: 'otp-guard-old-vault.json', text: '{"sealed":"…"}' }]);
    expect(client.callsOf('ui:start-over')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Delete and start over' }));
    await screen.findByText('Choose a password');
    expect(client.callsOf('ui:start-over')).toEqual([{ type: 'ui:start-over', exportedText: '{"sealed":"…"}' }]);
  });
});
