import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';

// Unit and property tests: pure core, shells against a fake browser, popup views in happy-dom.
export default defineConfig({
  plugins: [preact()],
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['tests/e2e/**', 'node_modules/**', '.stryker-tmp/**'],
    environment: 'node',
    setupFiles: ['tests/setup/unit.ts'],
    reporters: ['default', './tests/setup/plain-count-reporter.ts'],
    testTimeout: 20_000,
  },
});
