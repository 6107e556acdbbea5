import { defineConfig } from '@playwright/test';

// One worker: each test drives a whole Chromium with the extension, and the machines have 2 cores.
export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: process.env.PW_JSON_OUTPUT ? [['list'], ['json', { outputFile: process.env.PW_JSON_OUTPUT }]] : 'list',
  use: { trace: 'retain-on-failure' },
});
