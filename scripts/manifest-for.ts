/** Derives each store's manifest from the one manifest.json, so the two never drift apart. */
export type BuildTarget = 'chrome' | 'firefox';

type Manifest = Record<string, unknown> & { background?: Record<string, unknown> };

export const FIREFOX_ADDON_ID = 'otp-guard@otp-guard.invalid';

export function manifestFor(base: Manifest, target: BuildTarget): Manifest {
  const manifest: Manifest = structuredClone(base);
  if (target === 'chrome') return manifest;
  const serviceWorker = base.background?.service_worker;
  manifest.background = { scripts: [serviceWorker], type: 'module' };
  delete manifest.minimum_chrome_version;
  // Firefox has no offscreen documents: its background page has a DOM and clears the clipboard itself.
  if (Array.isArray(base.permissions)) manifest.permissions = base.permissions.filter((name) => name !== 'offscreen');
  manifest.browser_specific_settings = {
    gecko: {
      id: FIREFOX_ADDON_ID,
      // ESR 140 is the oldest Firefox still supported by Mozilla (and what most enterprises run).
      strict_min_version: '140.0',
      // OTP Guard sends nothing anywhere: no data collection to declare.
      data_collection_permissions: { required: ['none'] },
    },
    // Firefox for Android knows data_collection_permissions from 142 on only.
    gecko_android: { strict_min_version: '142.0' },
  };
  return manifest;
}
