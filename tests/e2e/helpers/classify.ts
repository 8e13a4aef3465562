// Shared by the Classify specs: train a preset through the page, type a review, read a verdict,
// by the names of the page's language (Playwright projects 'en' and 'ko').
import { expect, type Locator, type Page } from '@playwright/test';
import { names, texts } from './lang';
import { open, openTab, setNumber, trainToEnd } from './page';

export { setNumber };

/**
 * Trains a preset on the quick subset through the Train tab, then opens the Classify tab.
 * The 09-3 LSTM with RMSprop at 3e-3 for 5 epochs and seed 42 learns the polar words well enough
 * for the clear examples (early stopping off): over seeds 1, 2, 3, 7 and 42 the clear positive scored 0.86–0.89 and the
 * clear negative 0.07–0.13 (test accuracy 0.68–0.74), so the sides of 0.5 do not depend on luck,
 * and training takes about 2 s. (At 1e-2 the run overfits the 2,000 reviews and scores swing.)
 */
export async function trainThenClassify(page: Page, preset: string, epochs = 5) {
  const N = names(),
    T = texts();
  await open(page);
  await page.getByLabel(N.preset).selectOption(preset);
  await openTab(page, N.trainTab);
  await setNumber(page, N.epochs, String(epochs));
  await setNumber(page, N.learningRate, '0.003');
  await setNumber(page, T.train.seedLabel, '42');
  await setNumber(page, T.train.patienceLabel, '0');
  await trainToEnd(page, { timeout: 90_000 });
  await openTab(page, N.classifyTab);
}

/** A review with an unknown word, and the tokens the page shows for it (the OOV word gets id 2). */
export const EXCELLENT_REVIEW = {
  text: 'An excellent movie, zyzzyvas aside.',
  tokens: [/^<start>1$/, /^an\d+$/, /^excellent\d+$/, /^movie\d+$/, /^zyzzyvas2oov$/, /^aside\d*(oov)?$/],
};

export const reviewBox = (page: Page) => page.getByLabel(names().review, { exact: true });

/** Types a review (classify-as-you-type) and waits until the panel has answered for it. */
export async function typeReview(page: Page, text: string) {
  await reviewBox(page).fill(text);
  await expect(page.locator('classify-model-panel section[aria-busy=false]')).toHaveCount(1);
}

export async function probability(status: Locator): Promise<number> {
  const text = (await status.textContent()) ?? '';
  const m = names().verdict.exec(text);
  expect(m, `verdict text: ${text}`).not.toBeNull();
  return Number(m![2]);
}
