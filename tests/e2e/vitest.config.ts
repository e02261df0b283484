// `npm run test:e2e`: the browser end-to-end tests, kept out of `npm test` (whose include is tests/**/*.test.ts).
// They need Debian's Chromium at /usr/bin/chromium (apt-get install -y chromium); they never download a browser.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    // One browser and one playground at a time; starting them takes a few seconds on a small machine.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    retry: 0,
  },
});
