// The steps every journey takes through the page, by the names of the page's language (Playwright
// projects 'en' and 'ko'): open it, go to a tab, type a number, train to the end.
import { expect, type Page } from '@playwright/test';
import { names } from './lang';

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

/** Presses Train (on the Train tab) and waits for the run's test accuracy; `accuracy` narrows what it may read. */
export async function trainToEnd(
  page: Page,
  { accuracy = names().testAccuracy, timeout = 60_000 }: { accuracy?: RegExp; timeout?: number } = {},
) {
  await page.getByRole('button', { name: names().train, exact: true }).click();
  await expect(page.getByRole('status')).toHaveText(accuracy, { timeout });
}
