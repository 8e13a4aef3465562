import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH } from './tests/e2e/helpers/chromium';

// The production build (dist/), served under a sub-path with the strict CSP (scripts/serve.mjs),
// in Debian's Chromium.
export const BASE_PATH = '/rnn-playground/';
// PLAYWRIGHT_PORT lets several checkouts run their suites side by side on one machine.
const KOREAN_JOURNEYS = /(playground-(model|train)|classify|long-memory|train-gradients)\.spec\.ts$/;
const PORT = Number(process.env.PLAYWRIGHT_PORT ?? 4173);

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 120_000,
  expect: { timeout: 20_000 },
  retries: 0,
  workers: 1,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    baseURL: `http://127.0.0.1:${PORT}${BASE_PATH}`,
    // The site registers a service worker. Requests it answers from its caches never reach
    // page.route(), so a test that fakes a missing or broken file would see the cached one; and
    // its first-visit precache would compete with every test for the two cores. Tests run without
    // it; tests/e2e/offline.spec.ts turns it on ('allow') against servers of its own.
    serviceWorkers: 'block',
    launchOptions: CHROMIUM_LAUNCH,
  },
  // The page follows navigator.languages on a first visit. Every spec runs in English; the
  // learner's journeys (the specs named in KOREAN_JOURNEYS) run again in Korean, by the Korean
  // names (tests/e2e/helpers/lang.ts).
  projects: [
    { name: 'en', use: { locale: 'en-US' } },
    { name: 'ko', use: { locale: 'ko-KR' }, testMatch: KOREAN_JOURNEYS },
  ],
  webServer: {
    command: `node scripts/serve.mjs --port ${PORT} --base ${BASE_PATH}`,
    url: `http://127.0.0.1:${PORT}${BASE_PATH}`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
