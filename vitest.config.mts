import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['api/src/**/__tests__/**/*.test.ts', 'web/src/**/__tests__/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: API processes started by the tests need the other one.
    maxWorkers: 2,
    reporters: ['default', 'json'],
    outputFile: { json: 'tests/artifacts/vitest.json' },
  },
});
