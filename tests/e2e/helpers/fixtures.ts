// The specs that run in both languages (Playwright projects 'en' and 'ko') take the project's names
// and string tables as fixtures: `test('…', async ({ page, N, T }) => …)`.
import { test as base } from '@playwright/test';
import { names, texts } from './lang';

export const test = base.extend<{ N: ReturnType<typeof names>; T: ReturnType<typeof texts> }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  N: async ({}, use) => use(names()),
  // eslint-disable-next-line no-empty-pattern
  T: async ({}, use) => use(texts()),
});

export { expect } from '@playwright/test';
