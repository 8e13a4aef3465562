// Issue 15's last gap: the model summary's TF.js note (a GRU with reset_after=True; a Keras 3
// hard_sigmoid) in the page's language. The page writes it from the summarised model's layers
// (web/src/engine/tfjs-notes.ts; tests/js/tfjs-notes.test.ts holds it to the engine's own note):
// a Korean page says it in Korean and shows none of the English, an English page in the engine's
// English words.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { model as en } from '../../web/src/i18n/en/model';
import { model as ko } from '../../web/src/i18n/ko/model';
import { open } from './helpers/page';
import { seriousAxeFindings } from './helpers/page-audit';
import { visibleText } from './helpers/visible-text';

/** The 09-3 LSTM as Keras 3 would write it with hard_sigmoid gates. */
function hardSigmoidLstm(): string {
  // presets.json is read as a file: Playwright's loader does not take JSON modules.
  const presets = JSON.parse(
    readFileSync(new URL('../../web/src/presets/presets.json', import.meta.url), 'utf8'),
  ) as { id: string; model: unknown }[];
  const doc = presets.find((p) => p.id === 'lstm')!.model as {
    module?: string;
    config: { layers: { class_name: string; config: Record<string, unknown> }[] };
  };
  doc.module = 'keras';
  doc.config.layers.find((l) => l.class_name === 'LSTM')!.config.recurrent_activation = 'hard_sigmoid';
  return JSON.stringify(doc, null, 2);
}

async function summaryText(page: Page): Promise<string> {
  return visibleText(page.locator('model-summary'));
}

test.describe('in Korean', () => {
  test.use({ locale: 'ko-KR' });

  test('a GRU with reset_after, and a Keras 3 hard_sigmoid LSTM, get the TF.js note in Korean and no English', async ({
    page,
  }) => {
    await open(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    const note = page.locator('model-summary p.note');
    await expect(note).toHaveCount(0); // the 09-3 LSTM: nothing to say
    await page.getByLabel('프리셋', { exact: true }).selectOption('gru');
    await expect(note).toHaveText([ko.tfjsNote.gru_reset_after('gru')]);
    let text = await summaryText(page);
    expect(text).not.toContain('TF.js cannot load');
    expect(text).not.toContain('reset_after parameter');
    expect(text).not.toMatch(/\b[a-z]{2,} [a-z]{2,} [a-z]{2,}\b/); // no English prose at all
    await page.locator('model-summary').screenshot({ path: 'docs/screenshots/ko-model-gru-tfjs-note.png' });
    // The note's colour reads in light and dark (axe: colour contrast among the rest).
    expect(await seriousAxeFindings(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousAxeFindings(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });

    await page.getByLabel('모델 JSON', { exact: true }).fill(hardSigmoidLstm());
    await expect(note).toHaveText([ko.tfjsNote.keras3_hard_sigmoid('lstm')]);
    text = await summaryText(page);
    expect(text).not.toContain(en.tfjsNote.keras3_hard_sigmoid('lstm'));
    expect(text).not.toMatch(/\b[a-z]{2,} [a-z]{2,} [a-z]{2,}\b/);
  });
});

test('in English the note is the engine’s, and it follows the language switch', async ({ page }) => {
  await open(page);
  await page.getByLabel('Preset', { exact: true }).selectOption('gru');
  const note = page.locator('model-summary p.note');
  await expect(note).toHaveText([en.tfjsNote.gru_reset_after('gru')]);
  await page.getByLabel('Language', { exact: true }).selectOption('ko');
  await expect(note).toHaveText([ko.tfjsNote.gru_reset_after('gru')]);
});
