// The steps every journey takes through the page, by the names of the page's language (Playwright
// projects 'en' and 'ko'): open it, go to a tab, type a number, train to the end, read a chart.
import { expect, test, type Page } from '@playwright/test';
import { lang, names, texts } from './lang';

/** A text by the current language. */
export const byLang = <T>(v: { en: T; ko: T }): T => v[lang()];

/** Opens the page (or a link) and waits until the model's summary is there. */
export async function open(page: Page, path = './') {
  await page.goto(path);
  await expect(page.getByText(/^Total params: /)).toBeVisible();
}

export async function openTab(page: Page, name: string) {
  await page.getByRole('tab', { name, exact: true }).click();
}

export async function setNumber(page: Page, label: string, value: string) {
  const field = page.getByLabel(label, { exact: true });
  await field.fill(value);
  await field.press('Tab'); // commits on change
}

/** Opens the page, goes to the Train tab and types the given [label, value] numbers there. */
export async function openTraining(page: Page, numbers: [label: string, value: string][]) {
  await open(page);
  await openTab(page, names().trainTab);
  for (const [label, value] of numbers) await setNumber(page, label, value);
}

/**
 * Presses Train (on the Train tab) and waits for the run's test accuracy; `accuracy` narrows what it
 * may read; `N` gives the names where the page's language is not the project's (a11y.spec).
 */
export async function trainToEnd(
  page: Page,
  {
    accuracy = names().testAccuracy,
    timeout = 60_000,
    N = names(),
  }: { accuracy?: RegExp; timeout?: number; N?: { train: string } } = {},
) {
  await page.getByRole('button', { name: N.train, exact: true }).click();
  await expect(page.getByRole('status')).toHaveText(accuracy, { timeout });
}

/**
 * Trains the model on the page on the quick subset (lr 3e-3, early stopping off) for `epochs`, by
 * the Train tab's `button` (Train, or Go on from epoch N), to the end.
 */
export async function trainQuick(page: Page, epochs: number, button = names().train) {
  const N = names();
  await openTab(page, N.trainTab);
  await setNumber(page, N.epochs, String(epochs));
  await setNumber(page, N.learningRate, '0.003');
  await setNumber(page, texts().train.patienceLabel, '0');
  await trainToEnd(page, { timeout: 90_000, N: { train: button } });
}

/** Opens the page and trains its model (the 09-3 LSTM) as trainQuick does. */
export async function openAndTrainQuick(page: Page, epochs: number) {
  await open(page);
  await trainQuick(page, epochs);
}

/** The point count a chart announces in its accessible name ("Loss per batch: 12 points", "배치마다 손실: 점 12개"). */
export async function chartPoints(page: Page, name: string): Promise<number> {
  const label = await page.getByRole('img', { name: new RegExp(`^${name}: `) }).getAttribute('aria-label');
  return Number((lang() === 'ko' ? /: 점 (\d+)개$/ : /: (\d+) points?$/).exec(label ?? '')?.[1] ?? -1);
}

/** Starts a long run (`epochs`) and returns once the batch loss chart holds a few points: a batch is running. */
export async function startLongRun(page: Page, epochs: string, batchLossChart: string) {
  const N = names();
  await openTraining(page, [[N.epochs, epochs]]);
  await page.getByRole('button', { name: N.train }).click();
  await expect.poll(() => chartPoints(page, batchLossChart), { timeout: 30_000 }).toBeGreaterThan(2);
}

/** Collects every request the page sends outside the site's origin (data: URLs aside), to expect none. */
export function foreignRequests(page: Page): string[] {
  const foreign: string[] = [];
  const site = new URL('/', test.info().project.use.baseURL ?? '').href;
  page.on('request', (r) => {
    if (!r.url().startsWith(site) && !r.url().startsWith('data:')) foreign.push(r.url());
  });
  return foreign;
}
