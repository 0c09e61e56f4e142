/**
 * Firefox only: the driver's watch on the extension's uncaught errors and unhandled rejections (which makes
 * every shared scenario fail) sees them. A stand-in extension with OTP Guard's gecko id (so it gets the same
 * fixed UUID) throws one of each from its background page (and a bare rejection from an imported chunk).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIREFOX_ADDON_ID } from '../../../scripts/manifest-for';
import { EXTENSION_UUID, launchFirefoxDriver } from '../harness/firefox';
import { eventually } from '../harness/ui';

const dir = mkdtempSync(join(tmpdir(), 'otp-guard-throwing-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the Firefox driver’s error watch', () => {
  it('reports an uncaught error and an unhandled rejection of the extension’s background', async () => {
    writeFileSync(
      join(dir, 'manifest.json'),
      JSON.stringify({
        manifest_version: 3,
        name: 'stand-in',
        version: '1.0',
        background: { scripts: ['bg.js'], type: 'module' }, // a module, like OTP Guard's
        options_ui: { page: 'page.html', open_in_tab: true },
        browser_specific_settings: { gecko: { id: FIREFOX_ADDON_ID, strict_min_version: '140.0' } },
      }),
    );
    writeFileSync(join(dir, 'page.html'), '<!doctype html><meta charset="utf-8"><title>stand-in</title>');
    writeFileSync(
      join(dir, 'bg.js'),
      "import './chunk.js';\nsetTimeout(() => { throw new Error('watched-uncaught'); }, 10);\nPromise.reject(new Error('watched-rejection'));\n",
    );
    // A rejection with no Error object and no stack, from an imported chunk (as vite splits the background).
    writeFileSync(join(dir, 'chunk.js'), "Promise.reject('watched-bare-rejection');\n");
    const driver = await launchFirefoxDriver({ extensionDir: dir, helperPage: 'page.html' });
    try {
      const errors = await eventually(async () => driver.backgroundErrors(), (lines) => lines.length >= 3, 'three reported errors', 10_000);
      expect(errors.some((line) => line.includes('watched-uncaught'))).toBe(true);
      expect(errors.some((line) => line.includes('watched-rejection'))).toBe(true);
      expect(errors.some((line) => line.includes('watched-bare-rejection'))).toBe(true);
      // Errors name the extension's URL; only the bare rejection has no source at all.
      expect(errors.filter((line) => !line.includes(EXTENSION_UUID))).toEqual([expect.stringContaining('uncaught exception: watched-bare-rejection')]);
    } finally {
      await driver.close();
    }
  });
});
