import { defineConfig } from '@playwright/test'

// The Electron smoke test: the real desktop app, started from the built
// bundle. `npm test` runs it only where Electron's binary is installed.
export default defineConfig({
  testDir: '.',
  globalSetup: '../e2e/global-setup.ts',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  workers: 1,
  reporter: [['list']],
  outputDir: '../test-results/electron',
})
