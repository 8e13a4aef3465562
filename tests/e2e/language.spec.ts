// The language: a Korean browser gets the Korean page, the Language/언어 menu switches every view
// at once, the choice survives a reload (and is not part of the share link), <html lang> follows.
import { expect, test, type Page } from '@playwright/test';
import { englishSentences } from './helpers/english-sentences';
import { describeInKorean, namesOf } from './helpers/lang';
import { visibleText } from './helpers/visible-text';

const HANGUL = /[\uac00-\ud7a3]/;
const TABS = { ko: namesOf('ko').tabs, en: namesOf('en').tabs };

/** Each view's visible text, tab by tab. */
async function viewTexts(page: Page, lang: 'ko' | 'en'): Promise<string[]> {
  const texts: string[] = [];
  for (const name of TABS[lang]) {
    await page.getByRole('tab', { name, exact: true }).click();
    const panel = page.getByRole('tabpanel');
    await expect(panel).toHaveCount(1);
    texts.push(await visibleText(panel));
  }
  return texts;
}

describeInKorean('a Korean browser', () => {
  test('gets the Korean page; switching to English changes every view and is remembered', async ({
    page,
  }) => {
    await page.goto('./');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await expect(page.getByText(/^Total params: 8,809$/)).toBeVisible(); // Keras' own words stay
    await expect(page.getByLabel('언어')).toHaveValue('ko');
    await expect(page.getByRole('tab')).toHaveText(TABS.ko);
    const sentences = englishSentences();
    expect(sentences.length).toBeGreaterThan(50);
    for (const [i, text] of (await viewTexts(page, 'ko')).entries()) {
      expect(text, TABS.ko[i]).toMatch(HANGUL);
      // Review text and Keras identifiers aside, none of the English table's sentences shows.
      expect(
        sentences.filter((s) => text.includes(s)),
        TABS.ko[i],
      ).toEqual([]);
    }

    await page.getByLabel('언어').selectOption('en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByLabel('Language')).toHaveValue('en');
    await expect(page.getByRole('tab')).toHaveText(TABS.en);
    for (const [i, text] of (await viewTexts(page, 'en')).entries())
      expect(text, TABS.en[i]).not.toMatch(HANGUL);
    expect(await visibleText(page.locator('header'))).not.toMatch(/순환 신경망/);

    // Remembered across a reload; the share link does not carry it.
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('tab')).toHaveText(TABS.en);
    const link = await page.getByLabel('Link to this set-up').inputValue();
    expect(decodeURIComponent(link)).not.toMatch(/lang|"ko"|"en"/);

    await page.getByLabel('Language').selectOption('ko');
    await page.reload();
    await expect(page.getByRole('tab')).toHaveText(TABS.ko);
  });
});

test.describe('an English browser', () => {
  test.use({ locale: 'en-GB' });

  test('gets the English page, and a browser in neither language gets English too', async ({
    page,
    browser,
  }) => {
    await page.goto('./');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByLabel('Language')).toHaveValue('en');
    await expect(page.getByLabel('Language').locator('option')).toHaveText(['한국어', 'English']);
    const fr = await browser.newContext({ locale: 'fr-FR' });
    const other = await fr.newPage();
    await other.goto(page.url());
    await expect(other.locator('html')).toHaveAttribute('lang', 'en');
    await expect(other.getByRole('tab')).toHaveText(TABS.en);
    await fr.close();
  });
});
