// Issue 19, point 2 (the Train tab's half): after each epoch a curve of how much each word can
// still move the prediction, averaged over the same 64 validation reviews, so one curve per epoch
// with a point per position of the padded reviews (maxlen), labelled in a learner's words.
import { expect, test } from './helpers/fixtures';
import { openTraining, trainToEnd } from './helpers/page';

test('Train: one gradient curve per epoch over the 100 positions, named for a learner', async ({
  page,
  N,
  T,
}) => {
  test.setTimeout(120_000);
  await openTraining(page, [
    [N.epochs, '3'],
    [T.train.patienceLabel, '0'],
  ]);
  await trainToEnd(page, { timeout: 90_000 });

  const chart = page.getByRole('img', {
    name: T.common.chartPoints(T.cell.gradTrainHeading, 100),
    exact: true,
  });
  await expect(chart).toBeVisible();
  await expect(page.getByText(T.cell.gradTrainNote)).toBeVisible();
  // Its description reads the latest value of every curve: epochs 1, 2 and 3, no other.
  const description = await chart.evaluate((figure) =>
    figure.getRootNode() instanceof ShadowRoot
      ? (figure.getRootNode() as ShadowRoot).getElementById(figure.getAttribute('aria-describedby')!)!
          .textContent!
      : '',
  );
  const curves = [
    ...description.matchAll(
      new RegExp(`${T.cell.epochSeries(0).replace('0', '(\\d+)')} (\\d+\\.\\d{3})`, 'g'),
    ),
  ];
  expect(curves.map((m) => Number(m[1]))).toEqual([1, 2, 3]);
  // ‖∂z/∂x_t‖ of the last word (the latest value of each curve) is a positive, finite size.
  for (const m of curves) expect(Number(m[2])).toBeGreaterThan(0);
});
