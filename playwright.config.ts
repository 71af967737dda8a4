import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const port = Number(process.env.E2E_PORT ?? 3210);

/**
 * Two servers, each on its own fresh embedded database, each serving one project of journeys one at a time: the
 * journeys that carry applications up the chain (and move the test clock) on the first, the pages on the second.
 * Both projects run side by side (2 workers), so the whole run takes about the longer of the two; within a project
 * the order and the shared state stay as one server had them. E2E_WORKERS=1 runs them one after the other.
 */
const JOURNEYS = /\/(applications|archive|calendar-provisional|committee-journey|committee-review|fees|profile-photo|publicity)\.spec\.ts$/;
const servers = [0, 1].map((i) => ({
  port: port + i,
  dataDir: process.env.E2E_DATA_DIR ? `${process.env.E2E_DATA_DIR}-${i}` : mkdtempSync(join(tmpdir(), 'zc-e2e-')),
}));
const baseURL = (i: number) => `http://127.0.0.1:${servers[i]!.port}`;

export default defineConfig({
  testDir: './e2e',
  outputDir: './e2e/artifacts/results',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  use: {
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'journeys', testMatch: JOURNEYS, workers: 1, use: { baseURL: baseURL(0) } },
    { name: 'pages', testIgnore: JOURNEYS, workers: 1, use: { baseURL: baseURL(1) } },
  ],
  // the production server on a fresh embedded database with the demo data, serving the built SPA; demo mode
  // explicitly (journeys use the demo data, the demo identity provider and the test clock, issue 8 item 1)
  webServer: servers.map((srv) => ({
    command: 'npx tsx server/src/main.ts',
    url: `http://127.0.0.1:${srv.port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      NODE_ENV: 'production',
      PORT: String(srv.port),
      HOST: '127.0.0.1',
      DATA_DIR: srv.dataDir,
      LOG_LEVEL: 'warn',
      DEMO_MODE: 'true',
      SEED_DEMO: 'true',
      ZC_TEST_CLOCK: 'true',
    },
  })),
});
