// axe-core on every view, in Korean and in English, before and after training (and with a review
// classified), and in Korean in dark mode: no serious or critical finding, every rule on, nothing excluded.
import { expect, test, type Page } from '@playwright/test';
import { seriousAxeFindings } from './helpers/page-audit';

const LANGS = [
  {
    locale: 'ko-KR',
    colorScheme: 'light' as 'light' | 'dark',
    tabs: ['모델', '데이터', '훈련', '비교', '분류', '훈련 기록'],
    epochs: '에포크',
    train: '훈련',
    review: '리뷰',
    done: /^테스트 정확도: /,
  },
  {
    locale: 'en-US',
    colorScheme: 'light' as 'light' | 'dark',
    tabs: ['Model', 'Data', 'Train', 'Compare', 'Classify', 'Runs'],
    epochs: 'Epochs',
    train: 'Train',
    review: 'Review',
    done: /^Test accuracy: /,
  },
];
LANGS.push({ ...LANGS[0], colorScheme: 'dark' as const });

async function auditEveryView(page: Page, tabs: string[], when: string) {
  for (const tab of tabs) {
    await page.getByRole('tab', { name: tab, exact: true }).click();
    await page.waitForTimeout(300); // charts draw on the next frame
    expect(await seriousAxeFindings(page), `${tab}, ${when}`).toEqual([]);
  }
}

for (const L of LANGS)
  test.describe(`${L.locale} ${L.colorScheme}`, () => {
    test.use({ locale: L.locale, colorScheme: L.colorScheme });

    test(`axe finds nothing serious on any view (${L.locale}, ${L.colorScheme}), before and after training`, async ({
      page,
    }) => {
      await page.goto('./');
      await expect(page.getByText(/^Total params: /)).toBeVisible();
      await auditEveryView(page, L.tabs, 'before training');

      await page.getByRole('tab', { name: L.tabs[2], exact: true }).click();
      const epochs = page.getByLabel(L.epochs, { exact: true });
      await epochs.fill('1');
      await epochs.press('Tab');
      await page.getByRole('button', { name: L.train, exact: true }).click();
      await expect(page.getByRole('status')).toHaveText(L.done, { timeout: 60_000 });
      await page.getByRole('tab', { name: L.tabs[4], exact: true }).click();
      await page
        .getByLabel(L.review, { exact: true })
        .fill('A wonderful film, not boring at all; the best acting this year.');
      await expect(page.locator('classify-model-panel section[aria-busy=false]')).toHaveCount(1);
      await auditEveryView(page, L.tabs, 'after training');
    });
  });
