// A phone (390 × 844, touch): every view keeps every control on the screen or inside its own
// scrolling box, nothing smaller than 24 × 24 CSS px, no sideways page; a quick-subset training
// run and a classification done by tapping. In Korean and in English.
import { devices, expect, test, type Page } from '@playwright/test';
import { misplacedControls } from './helpers/page-audit';

const LANGS = [
  {
    locale: 'ko-KR',
    tabs: ['모델', '데이터', '훈련', '비교', '분류', '훈련 기록'],
    epochs: '에포크',
    train: '훈련',
    review: '리뷰',
    example: '분명한 긍정',
    done: /^테스트 정확도: [01]\.\d{3}$/,
    verdict: /^(긍정|부정) — 확률 \d\.\d\d$/,
  },
  {
    locale: 'en-US',
    tabs: ['Model', 'Data', 'Train', 'Compare', 'Classify', 'Runs'],
    epochs: 'Epochs',
    train: 'Train',
    review: 'Review',
    example: 'Clear positive',
    done: /^Test accuracy: [01]\.\d{3}$/,
    verdict: /^(Positive|Negative) — probability \d\.\d\d$/,
  },
];

async function checkEveryView(page: Page, tabs: string[], when: string) {
  for (const tab of tabs) {
    await page.getByRole('tab', { name: tab, exact: true }).tap();
    await page.waitForTimeout(300);
    expect(await misplacedControls(page), `${tab}, ${when}`).toEqual([]);
  }
}

for (const L of LANGS)
  test.describe(L.locale, () => {
    test.use({
      locale: L.locale,
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
      deviceScaleFactor: devices['iPhone 12'].deviceScaleFactor,
    });

    test(`every view fits a 390 px phone, and training and classifying work by touch (${L.locale})`, async ({
      page,
    }) => {
      await page.goto('./');
      await expect(page.getByText(/^Total params: /)).toBeVisible();
      // Every tab is a tab at this width too, on screen (the tab list scrolls inside itself if needed).
      await expect(page.getByRole('tab')).toHaveText(L.tabs);
      await checkEveryView(page, L.tabs, 'before training');

      await page.getByRole('tab', { name: L.tabs[2], exact: true }).tap();
      const epochs = page.getByLabel(L.epochs, { exact: true });
      await epochs.tap();
      await epochs.fill('1');
      await epochs.press('Tab');
      await page.getByRole('button', { name: L.train, exact: true }).tap();
      await expect(page.getByRole('status')).toHaveText(L.done, { timeout: 60_000 });

      await page.getByRole('tab', { name: L.tabs[4], exact: true }).tap();
      await page.getByRole('button', { name: L.example }).tap();
      await expect(page.getByRole('status')).toHaveText(L.verdict);
      const box = page.getByLabel(L.review, { exact: true });
      await box.tap();
      await box.fill('The worst film I have seen: boring, stupid and far too long.');
      await expect(page.getByRole('status')).toHaveText(L.verdict);
      await checkEveryView(page, L.tabs, 'after training');
    });
  });
