// A Korean page in the states a lesson reaches, not only when idle (language.spec.ts): during and
// after a quick-subset run, with a review classified and Cell anatomy open, after opening a saved
// run (Runs tab), after Compare has trained its three presets, and with a refused link. In each,
// the whole page's visible text shows none of the English tables' sentences and no English prose:
// English words appear only as Keras' own summary lines or as identifiers inside Korean sentences
// (model.to_json(), num_words, return_sequences).
import { expect, test, type Page } from '@playwright/test';
import { englishSentences } from './helpers/english-sentences';
import * as ko from './helpers/tables-ko';
import { open, openTab, setNumber } from './helpers/page';
import { visibleText } from './helpers/visible-text';

test.use({ locale: 'ko-KR' });

const HANGUL = /[\uac00-\ud7a3]/;
const KERAS_SUMMARY = /^(Total|Trainable|Non-trainable) params: [\d,]+$/;
/** Two English words in a line without Korean, or three running English words anywhere. */
function english(line: string): boolean {
  if (KERAS_SUMMARY.test(line)) return false;
  return (
    (!HANGUL.test(line) && /[A-Za-z]{2,} [a-z]{2,}/.test(line)) ||
    /\b[a-z]{2,} [a-z]{2,} [a-z]{2,}\b/.test(line)
  );
}

const sentences = englishSentences();

async function expectKorean(page: Page, where: string) {
  const text = await visibleText(page.locator('body'));
  expect(text, where).toMatch(HANGUL);
  expect(
    sentences.filter((s) => text.includes(s)),
    where,
  ).toEqual([]);
  expect(text.split('\n').filter(english), where).toEqual([]);
}

async function everyTab(page: Page, where: string) {
  for (const name of ['모델', '데이터', '훈련', '비교', '분류', '훈련 기록']) {
    await openTab(page, name);
    await expect(page.getByRole('tabpanel')).toHaveCount(1);
    await expectKorean(page, `${where}, ${name}`);
  }
}

test('every view stays Korean while training, after it, in Cell anatomy, a reopened run, Compare and a refused link', async ({
  page,
}) => {
  test.setTimeout(6 * 60_000);
  await open(page);
  await openTab(page, '훈련');
  // Long enough that the run is surely going while the page is read; then stopped (the model
  // trained so far is kept and tested).
  await setNumber(page, '에포크', '50');
  await page.getByRole('button', { name: '훈련', exact: true }).click();
  await expect(page.getByRole('button', { name: '일시 정지', exact: true })).toBeEnabled();
  await expectKorean(page, 'while training');
  await page.getByRole('button', { name: '중지', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText(/^테스트 정확도: [01]\.\d{3}$/, { timeout: 90_000 });
  await everyTab(page, 'after training');

  await openTab(page, '분류');
  await page
    .getByLabel('리뷰', { exact: true })
    .fill('This movie was wonderful, the actors were great and I loved it.');
  await expect(page.getByRole('status')).toHaveText(/^(긍정|부정) — 확률 (0\.\d\d|1\.00)$/);
  await page.getByRole('button', { name: '셀 들여다보기' }).first().click();
  await expect(page.getByRole('slider', { name: '타임스텝' })).toBeVisible();
  await expectKorean(page, 'Cell anatomy');

  await openTab(page, '훈련 기록');
  await page
    .getByRole('button', { name: /^기록 열기/ })
    .first()
    .click();
  await expect(page.getByRole('tab', { name: '훈련', exact: true })).toHaveAttribute('aria-selected', 'true');
  await everyTab(page, 'a reopened run');

  await openTab(page, '비교');
  await page.getByRole('button', { name: '비교', exact: true }).click();
  const table = page.getByRole('table', { name: ko.compare.compareTable });
  // Each preset trains with its own recipe (early stopping included): done when every row has a reason.
  const ended = new RegExp(
    Object.values(ko.common.stopReason)
      .map((r) => r.replace(/[()]/g, '\\$&'))
      .join('|'),
  );
  await expect(table.getByRole('row').filter({ hasText: ended })).toHaveCount(3, { timeout: 180_000 });
  await expectKorean(page, 'after Compare');

  await page.evaluate(() => {
    location.hash = '#s=ab.cd';
  });
  await expect(page.getByRole('alert')).toContainText('링크가 손상되었습니다');
  await expectKorean(page, 'a refused link');
});
