// @vitest-environment happy-dom
// Onboarding after the vault is created (issue 15, point 2) and the popup in another language (point 7).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/popup/app';
import { createMockClient } from '../../src/popup/client-mock';
import { type Catalogue, catalogueGetter, createI18n } from '../../src/ui/i18n';
import { accountsList, createFakePlatform, defaultSettings, status } from './fakes';

afterEach(cleanup);

const catalogue = (locale: string): Catalogue =>
  JSON.parse(readFileSync(join(import.meta.dirname, '../../public/_locales', locale, 'messages.json'), 'utf8'));

function setup(initial: 'none' | 'unlocked', locale = 'en') {
  const client = createMockClient({
    'ui:vault-status': () => status(initial),
    'ui:create-vault': () => status('unlocked'),
    'ui:list-accounts': () => accountsList([]),
    'ui:get-settings': () => defaultSettings,
    'ui:describe-tab': () => ({ verdict: 'unknown', reasons: [], confusables: [], trustedByUser: false }),
  });
  const i18n = createI18n(catalogueGetter(catalogue(locale)));
  render(<App client={client} platform={createFakePlatform().platform} i18n={i18n} />);
  return client;
}

const introHeading = () => within(screen.getByTestId('onboarding')).getByRole('heading');

async function createVault() {
  const password = 'correct horse battery staple violet';
  await screen.findByText('Choose a password');
  fireEvent.input(screen.getByLabelText('Password'), { target: { value: password } });
  fireEvent.input(screen.getByLabelText('Type it again'), { target: { value: password } });
  await waitFor(() => expect(screen.getByTestId('strength').querySelector('[data-score]')).not.toBeNull(), { timeout: 10_000 });
  fireEvent.click(screen.getByRole('button', { name: 'Create my vault' }));
}

describe('onboarding', () => {
  it('follows the vault creation with three screens, then the codes', async () => {
    setup('none');
    await createVault();
    const intro = await screen.findByTestId('onboarding');
    expect(intro.dataset.step).toBe('1');
    expect(introHeading().textContent).toBe('The badge on the OTP Guard icon');
    await waitFor(() => expect(document.activeElement).toBe(introHeading()));
    expect(intro.textContent).toContain('pin OTP Guard to the toolbar');
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(introHeading().textContent).toBe('Codes fill only on the account’s own sites');
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(introHeading().textContent).toBe('When you type a code into a lookalike');
    expect(screen.queryByRole('button', { name: 'Skip' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(await screen.findByText(/No accounts yet/)).toBeTruthy();
    expect(screen.queryByTestId('onboarding')).toBeNull();
  });

  it('can be skipped at once and shown again from Settings', async () => {
    setup('none');
    await createVault();
    fireEvent.click(await screen.findByRole('button', { name: 'Skip' }));
    await screen.findByText(/No accounts yet/);
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Show the introduction again' }));
    expect((await screen.findByTestId('onboarding')).dataset.step).toBe('1');
  });

  it('is not shown when an existing vault is opened', async () => {
    setup('unlocked');
    await screen.findByText(/No accounts yet/);
    expect(screen.queryByTestId('onboarding')).toBeNull();
  });
});

describe('the popup in another language', () => {
  it.each([
    ['de', 'Passwort wählen', 'Meinen Tresor erstellen'],
    ['ja', 'パスワードを決める', '保管庫を作成'],
    ['fr', 'Choisissez un mot de passe', 'Créer mon coffre'],
  ])('%s: the first-run screen is translated', async (locale, title, button) => {
    setup('none', locale);
    expect(await screen.findByRole('heading', { level: 2, name: title })).toBeTruthy();
    expect(screen.getByRole('button', { name: button })).toBeTruthy();
    expect(document.body.textContent).not.toContain('Choose a password');
  });
});
