// Onboarding after the vault is created (issue 15, point 2) and the built extension in another language
// (point 7): the browser's own UI language picks the _locales, and the popup's page shows those words.
import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, launchHarness } from './harness/browser';
import { PASSWORD } from './harness/flows';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** What the popup page itself shows (its document, read by a script in the page). */
const shown = (popup: import('playwright-core').Page) => popup.evaluate(() => document.body.innerText);

describe('onboarding', () => {
  it('follows the first vault with three skippable screens, reachable again from Settings', async () => {
    harness = await launchHarness();
    const popup = await harness.openPopupFor(null);
    await popup.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await popup.getByLabel('Type it again').fill(PASSWORD);
    await popup.getByRole('meter', { name: 'Password strength' }).waitFor({ timeout: 20_000 });
    await popup.getByRole('button', { name: 'Create my vault' }).click();
    const intro = popup.getByTestId('onboarding');
    await intro.waitFor({ timeout: 30_000 });
    expect(await intro.getAttribute('data-step')).toBe('1');
    expect(await shown(popup)).toContain('✓ means this is the real site of one of your accounts');
    expect(await shown(popup)).toContain('pin OTP Guard to the toolbar');
    // The new screen's heading has the focus, not <body>.
    expect(await popup.evaluate(() => document.activeElement?.id)).toBe('intro-title');
    await popup.getByRole('button', { name: 'Next', exact: true }).click();
    expect(await shown(popup)).toContain('Codes fill only on the account’s own sites');
    await popup.getByRole('button', { name: 'Next', exact: true }).click();
    expect(await shown(popup)).toContain('When you type a code into a lookalike');
    await popup.getByRole('button', { name: 'Done', exact: true }).click();
    await popup.getByText('No accounts yet.', { exact: false }).waitFor();
    expect(await intro.count()).toBe(0);
    // Reachable again from Settings, and skippable at once.
    await popup.getByRole('button', { name: 'Settings', exact: true }).click();
    await popup.getByRole('button', { name: 'Show the introduction again' }).click();
    await intro.waitFor();
    await popup.getByRole('button', { name: 'Skip', exact: true }).click();
    await popup.getByRole('button', { name: 'Settings', exact: true }).waitFor();
    expect(await intro.count()).toBe(0);
    await popup.close();
  });
});

describe('the popup in the browser’s language', () => {
  it.each([
    ['de', 'Passwort wählen', 'Meinen Tresor erstellen', 'Keine Website Ihrer Konten'],
    ['ja', 'パスワードを決める', '保管庫を作成', 'あなたのアカウントのサイトではありません'],
  ])('--lang=%s: the first-run popup is translated', async (lang, title, button, verdict) => {
    harness = await launchHarness({ lang });
    harness.server.serve('*', '/', '<!doctype html><html><head><meta charset="utf-8"><title>Example</title></head><body><h1>Example</h1></body></html>');
    const page = await harness.openAt('https://example.com/');
    const popup = await harness.openPopupFor(page);
    await popup.getByRole('heading', { name: title }).waitFor({ timeout: 20_000 });
    const text = await shown(popup);
    expect(text).toContain(button);
    expect(text).toContain(verdict);
    expect(text).not.toContain('Choose a password');
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe(lang);
    await popup.close();
    await page.close();
  });
});
