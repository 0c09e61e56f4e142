import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };
import { manifestFor, type BuildTarget } from './scripts/manifest-for.ts';

// One config, two stores: OTP_GUARD_TARGET picks the browser (scripts/build.mjs builds both).
const target: BuildTarget = process.env.OTP_GUARD_TARGET === 'firefox' ? 'firefox' : 'chrome';

export default defineConfig({
  plugins: [
    preact(),
    crx({
      manifest: manifestFor(baseManifest, target) as unknown as ManifestV3Export,
      browser: target,
      // One self-contained content script: no loader chunk exposed through web_accessible_resources.
      contentScripts: { standaloneFiles: ['src/content/index.ts'] },
    }),
  ],
  publicDir: '.cache/public',
  build: {
    outDir: `dist/${target}`,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    modulePreload: false,
    // The service worker carries the brand catalogue and the confusables table: big, but never downloaded.
    chunkSizeWarningLimit: 2048,
    rollupOptions: {
      // The warning page and the held-code confirmation: opened by the background (tabs.update, windows.create).
      // The offscreen document clears the clipboard in Chrome (chrome.offscreen.createDocument; Firefox ignores it).
      input: {
        options: 'src/options/index.html',
        warning: 'src/warning/index.html',
        confirm: 'src/confirm/index.html',
        offscreen: 'src/offscreen/index.html',
      },
      // Preact in a chunk of its own, so the store lint's one ignore names third-party code only.
      output: { manualChunks: (id: string) => (/node_modules\/preact\//.test(id) ? 'vendor-preact' : undefined) },
    },
  },
  server: { port: 5173, strictPort: true, hmr: false },
});
