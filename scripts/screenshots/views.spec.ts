// Writes docs/screenshots/: every view in Korean after a short training run, on a desktop, on a
// phone (390 × 844) and in dark mode. `npm run screenshots` (the built site; not part of npm test).
import { expect, test, type Page } from '@playwright/test';

const TABS = [
  ['model', '모델'],
  ['data', '데이터'],
  ['train', '훈련'],
  ['compare', '비교'],
  ['classify', '분류'],
] as const;
const OUT = 'docs/screenshots';

async function trainAndClassify(page: Page) {
  await page.goto('./');
  await expect(page.getByText(/^Total params: /)).toBeVisible();
  await page.getByRole('tab', { name: '훈련', exact: true }).click();
  for (const [label, value] of [
    ['에포크', '3'],
    ['학습률', '0.003'],
  ]) {
    const f = page.getByLabel(label, { exact: true });
    await f.fill(value);
    await f.press('Tab');
  }
  await page.getByRole('button', { name: '훈련', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText(/^테스트 정확도: /, { timeout: 90_000 });
  await page.getByRole('tab', { name: '비교', exact: true }).click();
  await page.getByRole('button', { name: '비교', exact: true }).click();
  await expect(
    page.getByRole('table', { name: '비교 결과' }).getByRole('row').filter({ hasText: '완료' }),
  ).toHaveCount(3, { timeout: 120_000 });
  await page.getByRole('tab', { name: '분류', exact: true }).click();
  await page
    .getByLabel('리뷰', { exact: true })
    .fill('A wonderful film with great acting, though the ending is not good.');
  await expect(page.locator('classify-model-panel section[aria-busy=false]').first()).toBeVisible();
}

async function shootAll(page: Page, suffix: string) {
  for (const [id, name] of TABS) {
    await page.getByRole('tab', { name, exact: true }).click();
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${OUT}/ko-${id}${suffix}.png`, fullPage: true });
  }
}

test.describe('Korean, desktop', () => {
  test.use({ locale: 'ko-KR', viewport: { width: 1280, height: 900 } });
  test('light', async ({ page }) => {
    await trainAndClassify(page);
    await shootAll(page, '');
  });
});

test.describe('Korean, phone', () => {
  test.use({
    locale: 'ko-KR',
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
    deviceScaleFactor: 2,
  });
  test('phone', async ({ page }) => {
    await trainAndClassify(page);
    await shootAll(page, '-phone');
  });
});

test.describe('Korean, dark', () => {
  test.use({ locale: 'ko-KR', viewport: { width: 1280, height: 900 }, colorScheme: 'dark' });
  test('dark', async ({ page }) => {
    await trainAndClassify(page);
    await shootAll(page, '-dark');
  });
});
