import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// npm run screenshots: the views in Korean (desktop, phone, dark) into docs/screenshots/.
export default defineConfig({
  ...base,
  testDir: 'scripts/screenshots',
  projects: undefined,
  timeout: 300_000,
});
