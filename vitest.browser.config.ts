// The browser tests: every built notebook opened in Debian's chromium through playwright-core.
// Run with `npm run test:browser`; kept apart from `npm test` (vitest.config.ts excludes test/browser).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/browser/**/*.browser.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
    fileParallelism: false,
    reporters: ['default', 'json'],
    outputFile: { json: 'out/test-browser-results.json' },
  },
});
