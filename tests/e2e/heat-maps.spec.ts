// Issue 19, point 5: heat maps a class can read. A 100-token review (maxlen 100) with the book's
// LSTM: the layer's five maps share one scroller (no map scrolls on its own), their columns line up
// with one word axis that names every kept token as page text, the last word can be scrolled to,
// and axe (light and dark) and the 390 × 844 control check find nothing.
import { expect, test, type Page } from '@playwright/test';
import { texts } from './helpers/lang';
import { trainThenClassify, typeReview } from './helpers/classify';
import { misplacedControls, seriousAxeFindings } from './helpers/page-audit';

// Over 100 words: maxlen 100 keeps the last 100 tokens and cuts the start token and the first words.
const REVIEW =
  'I went in expecting very little and came out moved. The first half is slow and a bit clumsy, with some awkward ' +
  'dialogue and a plot that seems to wander, but the actors are wonderful and never let the film drift into cliché. By the end ' +
  'every thread pays off, the music is beautiful and the last scene is one of the best I have seen this year. Not perfect, and ' +
  'too long by twenty minutes, yet I would happily watch it again with friends and I recommend it to anyone who likes honest, ' +
  'quiet dramas about family and regret.';

/** Per map: its width and whether anything inside it scrolls sideways on its own. */
function mapLayout(page: Page) {
  return page.locator('classify-model-panel heat-map').evaluateAll((maps) =>
    maps.map((m) => {
      const canvas = m.shadowRoot!.querySelector('canvas')!;
      const own = [...m.shadowRoot!.querySelectorAll('*')].some((e) =>
        /(auto|scroll)/.test(getComputedStyle(e).overflowX),
      );
      return { width: canvas.getBoundingClientRect().width, scrollsOnItsOwn: own };
    }),
  );
}

test('the five LSTM maps share one scroller and one word axis that names every kept word legibly', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const T = texts();
  await trainThenClassify(page, 'lstm', 2);
  await typeReview(page, REVIEW);
  const scroller = page.getByRole('region', { name: T.classify.mapsScrollLabel(100) });
  await expect(scroller).toHaveCount(1);
  const layout = await mapLayout(page);
  expect(layout).toHaveLength(5);
  for (const m of layout) expect(m).toEqual({ width: 100 * 14, scrollsOnItsOwn: false });

  // The word axis: one label per kept token, the review's words in order, at least 12 px.
  const kept = (
    await page
      .locator('token-strip li.token:not(.cut)')
      .evaluateAll((li) => li.map((l) => l.getAttribute('data-id')))
  ).length;
  expect(kept).toBe(100);
  const axis = page.locator('classify-model-panel word-axis[side=top] span');
  await expect(axis).toHaveCount(100);
  // The review's words by the tokenizer's rule (lower-case runs of letters, digits, apostrophes),
  // the last 100 of them: maxlen cuts the start token and the first words.
  const expected = REVIEW.toLowerCase()
    .match(/[\p{L}\p{N}']+/gu)!
    .slice(-100);
  expect(await axis.allTextContents()).toEqual(expected);
  const size = await axis.first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  expect(size).toBeGreaterThanOrEqual(12);

  // The last word scrolls into view inside the one scroller; the maps' titles stay at its left edge.
  await scroller.evaluate((e) => (e.scrollLeft = e.scrollWidth));
  const inView = await page.evaluate(() => {
    const panel = document
      .querySelector('app-root')!
      .shadowRoot!.querySelector('classify-view')!
      .shadowRoot!.querySelector('classify-model-panel')!.shadowRoot!;
    const box = panel.querySelector('.maps-scroll')!.getBoundingClientRect();
    const spans = panel.querySelector('word-axis')!.shadowRoot!.querySelectorAll('span');
    const last = spans[spans.length - 1].getBoundingClientRect();
    const title = panel.querySelector('heat-map')!.shadowRoot!.querySelector('h4')!.getBoundingClientRect();
    return {
      last: last.right <= box.right + 1 && last.left >= box.left,
      title: title.left >= box.left && title.left < box.left + 40,
    };
  });
  expect(inView).toEqual({ last: true, title: true });

  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await seriousAxeFindings(page), colorScheme).toEqual([]);
  }
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(500);
  expect(await misplacedControls(page)).toEqual([]);
});
