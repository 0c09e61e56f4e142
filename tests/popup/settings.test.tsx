// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/popup/app';
import { BackgroundError } from '../../src/popup/client';
import { createMockClient } from '../../src/popup/client-mock';
import { accountsList, createFakePlatform, defaultSettings, status } from './fakes';

afterEach(cleanup);

function setup(changePassword: () => ReturnType<typeof status>) {
  const client = createMockClient(
    {
      'ui:vault-status': () => status('unlocked'),
      'ui:list-accounts': () => accountsList([]),
      'ui:get-settings': () => defaultSettings,
      'ui:set-settings': (m) => ({ ...defaultSettings, ...m.patch }),
      'ui:change-password': changePassword,
    },
  );
  render(<App client={client} platform={createFakePlatform().platform} />);
  return client;
}

describe('settings view', () => {
  it('saves the auto-lock minutes and the toggles', async () => {
    const client = setup(() => status('unlocked'));
    fireEvent.click(await screen.findByRole('button', { name: 'Settings' }));
    const minutes = await screen.findByLabelText(/idle minutes/);
    expect((minutes as HTMLInputElement).value).toBe('15');
    fireEvent.input(minutes, { target: { value: '5' } });
    fireEvent.change(minutes);
    fireEvent.click(screen.getByLabelText('Fill codes by themselves on verified sites'));
    await waitFor(() =>
      expect(client.callsOf('ui:set-settings').map((m) => m.patch)).toEqual([{ autoLockMinutes: 5 }, { autoFill: true }]),
    );
  });

  it('changes the password only with the current one and a strong, confirmed new one', async () => {
    let calls = 0;
    const client = setup(() => {
      calls += 1;
      if (calls === 1) throw new BackgroundError('wrong-password', 'The current password is wrong.');
      return status('unlocked');
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Settings' }));
    await screen.findByLabelText('Current password');
    fireEvent.input(screen.getByLabelText('Current password'), { target: { value: 'old words here' } });
    fireEvent.input(screen.getByLabelText('New password'), { target: { value: 'abc' } });
    fireEvent.input(screen.getByLabelText('Type it again'), { target: { value: 'abc' } });
    await screen.findByText(/weak/i);
    fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/too easy to guess/);
    expect(client.callsOf('ui:change-password')).toHaveLength(0);

    fireEvent.input(screen.getByLabelText('New password'), { target: { value: 'marble orbit lantern 2231 fjord' } });
    fireEvent.input(screen.getByLabelText('Type it again'), { target: { value: 'marble orbit lantern 2231 fjord' } });
    await screen.findByText(/strong/i);
    fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('The current password is wrong.'));
    fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
    expect((await screen.findByText(/Password changed/)).textContent).toBeTruthy();
    expect(client.callsOf('ui:change-password')[1]).toEqual({
      type: 'ui:change-password',
      current: 'old words here',
      next: 'marble orbit lantern 2231 fjord',
    });
  });
});
