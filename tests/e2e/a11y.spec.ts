// axe-core on every view, in Korean and in English, before and after training (and with a review
// classified), and in Korean in dark mode: no serious or critical finding, every rule on, nothing excluded.
import { expect, test, type Page } from '@playwright/test';
import { LOCALE, namesOf, type Lang } from './helpers/lang';
import { open, openTab, setNumber, trainToEnd } from './helpers/page';
import { seriousAxeFindings } from './helpers/page-audit';

const RUNS: { lang: Lang; colorScheme: 'light' | 'dark' }[] = [
  { lang: 'ko', colorScheme: 'light' },
  { lang: 'en', colorScheme: 'light' },
  { lang: 'ko', colorScheme: 'dark' },
];

async function auditEveryView(page: Page, tabs: string[], when: string) {
  for (const tab of tabs) {
    await openTab(page, tab);
    await page.waitForTimeout(300); // charts draw on the next frame
    expect(await seriousAxeFindings(page), `${tab}, ${when}`).toEqual([]);
  }
}

for (const { lang, colorScheme } of RUNS)
  test.describe(`${LOCALE[lang]} ${colorScheme}`, () => {
    test.use({ locale: LOCALE[lang], colorScheme });

    test(`axe finds nothing serious on any view (${LOCALE[lang]}, ${colorScheme}), before and after training`, async ({
      page,
    }) => {
      const N = namesOf(lang);
      await open(page);
      await auditEveryView(page, N.tabs, 'before training');

      await openTab(page, N.trainTab);
      await setNumber(page, N.epochs, '1');
      await trainToEnd(page, { accuracy: N.testAccuracy, N });
      await openTab(page, N.classifyTab);
      await page
        .getByLabel(N.review, { exact: true })
        .fill('A wonderful film, not boring at all; the best acting this year.');
      await expect(page.locator('classify-model-panel section[aria-busy=false]')).toHaveCount(1);
      await auditEveryView(page, N.tabs, 'after training');
    });
  });
