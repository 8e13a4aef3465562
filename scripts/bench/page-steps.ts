// Steps the Chromium benchmarks take through the built page (English names): open it once the
// server answers, and train the model on the page for one epoch of the quick subset.
import type { Page } from '@playwright/test';

/** Goes to `url`, retrying while the server starts, and waits until the model's summary is there. */
export async function openServedPage(page: Page, url: string): Promise<void> {
  for (let tries = 0; ; tries++) {
    try {
      await page.goto(url);
      break;
    } catch (e) {
      if (tries > 50) throw e;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  await page.getByText(/^Total params: /).waitFor();
}

/** Trains the page's model for one epoch (Train tab) until its test accuracy shows, then opens Classify. */
export async function trainOneEpochThenClassify(page: Page, timeoutMs = 120_000): Promise<void> {
  await page.getByRole('tab', { name: 'Train', exact: true }).click();
  const epochs = page.getByLabel('Epochs', { exact: true });
  await epochs.fill('1');
  await epochs.press('Tab');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await page
    .getByRole('status')
    .getByText(/^Test accuracy: /)
    .waitFor({ timeout: timeoutMs });
  await page.getByRole('tab', { name: 'Classify', exact: true }).click();
}
