// The page's part of `npm run bench:explain` (issue 19, point 6): in headless Chromium on the
// production build (dist/, served under a sub-path with the site's CSP, as npm start serves it),
// the book's LSTM read at maxlen 500 (the Data tab's maxlen, which the page carries into the
// model's input length), trained for one epoch on the quick subset; a typed review of 500 words,
// all in the vocabulary, with Cell anatomy open (`dir`: the production build served, dist/ unless
// told). Each run presses Classify (the same text: the page asks its worker for a new explanation
// at once, with no typing pause) and times, inside the page, from the click to
//   - the reply: the worker's answer (encoding, the engine's trace with input gradients and 500
//     occlusion variants, the structured copy to the page, the reply's schema check) has arrived;
//   - colours: the first task after the frame that follows the reply has been painted, if that
//     frame showed every kept word's occlusion colour in the token strip and uPlot had drawn every
//     point of the gradient curve (issue 19, point 6: these within 100 ms); NaN if it did not;
//   - drawn: the model panel and every element in it (Cell anatomy, the heat maps, the token strip
//     with its occlusion colours, the gradient curve, the per-word chart) have rendered that reply
//     and the browser has painted the frame that shows them.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { freePort } from './chapter';
import { openServedPage, trainOneEpochThenClassify } from './page-steps';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BASE = '/rnn-playground/';
export const PAGE_REVIEW_WORDS = 500;

/** 500 words from the commonest hundred (all within num_words 500), not one sentence repeated. */
function review(): string {
  const words = (
    'the movie was good and the story is very bad but i really like this film it has great acting ' +
    'with some funny moments and the end was not so well done for me so people who love films ' +
    'should see it even if the plot is just about a man and his life in the time of his best friend'
  ).split(' ');
  return Array.from({ length: PAGE_REVIEW_WORDS }, (_, i) => words[(i * 7) % words.length]).join(' ');
}

/** In the page: the first element matching `sel` in `root` or any shadow root below it. */
const DEEP = `const deep = (root, sel) => {
    const hit = root.querySelector(sel);
    if (hit) return hit;
    for (const el of root.querySelectorAll('*')) {
      const found = el.shadowRoot && deep(el.shadowRoot, sel);
      if (found) return found;
    }
    return null;
  };`;

/** One click → reply → drawn measurement in the page (plain text: tsx would wrap named functions). */
const MEASURE = `(async () => {
  ${DEEP}
  const settle = async (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.updateComplete) await el.updateComplete;
      if (el.shadowRoot) await settle(el.shadowRoot);
    }
  };
  const view = deep(document, 'classify-view');
  const panel = deep(document, 'classify-model-panel');
  const button = view.shadowRoot.querySelector('button.primary');
  let replied = 0;
  // The first task after the frame that follows the reply is painted: what that frame showed of
  // the word colours and the gradient curve (the callback is queued before any of the panel's).
  const firstFrame = new Promise((resolve) =>
    panel.addEventListener('gradients-ready', (e) => {
      replied = performance.now();
      const words = e.detail.values.length;
      requestAnimationFrame(() => setTimeout(() => {
        const at = performance.now();
        const strip = panel.shadowRoot.querySelector('token-strip');
        const chart = panel.shadowRoot.querySelector('line-chart.gradients');
        const coloured = strip && !strip.isUpdatePending
          ? strip.shadowRoot.querySelectorAll('li[style*=background] button[data-delta]:not([data-delta=""])').length : -1;
        // uPlot's status is 1 once it has drawn (before the log-axis fix a 500-token curve never was).
        const curve = chart && !chart.isUpdatePending && chart.frame === 0 && chart.plot && chart.plot.status === 1
          ? chart.plot.data[0].length : -1;
        resolve({ at, words, coloured, curve });
      }, 0));
    }, { once: true }));
  const t0 = performance.now();
  button.click();
  const first = await firstFrame;
  await panel.updateComplete;
  await settle(panel.shadowRoot);
  // requestAnimationFrame runs before the frame is painted; a task queued from it runs after.
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const drawn = performance.now();
  // What walking the panel's elements for updateComplete costs by itself (counted in drawn).
  const w0 = performance.now();
  await settle(panel.shadowRoot);
  const walk = performance.now() - w0;
  const slider = deep(panel.shadowRoot, '[role=slider]');
  return {
    reply: replied - t0,
    // Painted with the first frame only if that frame showed every word's colour and every point.
    colours: first.coloured === first.words && first.curve === first.words ? first.at - t0 : null,
    drawn: drawn - t0,
    walk,
    steps: Number(slider.max) + 1,
    firstFrame: first,
  };
})()`;

/**
 * Moving the Time step slider one step (the input event the arrow keys give), with a number of the
 * forget gate focused so that its explanation is worked out anew each step: the time until Cell
 * anatomy has rendered the step, and until the frame that shows it has been painted.
 */
const SLIDER = `(async () => {
  ${DEEP}
  const anatomy = deep(document, 'cell-anatomy');
  const slider = anatomy.shadowRoot.querySelector('[role=slider]');
  anatomy.shadowRoot.querySelector('.box[data-box=f] .num').focus();
  const rendered = [], painted = [];
  for (let i = 0; i < 40; i++) {
    await new Promise((resolve) => setTimeout(resolve, 30));
    slider.value = String((Number(slider.value) + 1) % (Number(slider.max) + 1));
    const t0 = performance.now();
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    await anatomy.updateComplete;
    rendered.push(performance.now() - t0);
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    painted.push(performance.now() - t0);
  }
  const explained = anatomy.shadowRoot.querySelector('p.explain').textContent;
  return { rendered, painted, explained };
})()`;

export interface PageExplainTimes {
  reply: number[];
  /** The token strip's occlusion colours and the gradient curve painted (NaN: not both in the first frame after the reply). */
  colours: number[];
  drawn: number[];
  /** The measuring's own walk over the panel's elements (included in drawn). */
  walk: number[];
  /** One slider step: Cell anatomy rendered, and the frame with it painted (40 steps). */
  sliderRendered: number[];
  sliderPainted: number[];
}

export async function benchExplainPage(runs = 9, dir = 'dist'): Promise<PageExplainTimes> {
  if (!existsSync(resolve(ROOT, dir, 'index.html')))
    throw new Error(`${dir}/index.html is missing: run bash scripts/build.sh`);
  const port = await freePort();
  const server = spawn(
    process.execPath,
    ['scripts/serve.mjs', '--port', String(port), '--base', BASE, '--dir', resolve(ROOT, dir)],
    {
      cwd: ROOT,
      stdio: 'ignore',
    },
  );
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true });
  try {
    const page = await browser.newPage({ locale: 'en-US' });
    await openServedPage(page, `http://127.0.0.1:${port}${BASE}`);
    await page.getByRole('tab', { name: 'Data', exact: true }).click();
    const maxlen = page.getByLabel(/^maxlen/);
    await maxlen.fill(String(PAGE_REVIEW_WORDS));
    await maxlen.press('Tab');
    await page.getByRole('tab', { name: 'Model', exact: true }).click();
    await page.getByText(`(None, ${PAGE_REVIEW_WORDS}, 16)`).first().waitFor();
    await trainOneEpochThenClassify(page, 300_000);
    await page.getByLabel('Review', { exact: true }).fill(review());
    await page
      .getByRole('status')
      .getByText(/^(Positive|Negative) — probability/)
      .waitFor({ timeout: 180_000 });
    await page.getByRole('button', { name: 'Cell anatomy' }).first().click();
    await page.getByRole('slider', { name: 'Time step' }).waitFor();
    const times: PageExplainTimes = {
      reply: [],
      colours: [],
      drawn: [],
      walk: [],
      sliderRendered: [],
      sliderPainted: [],
    };
    for (let i = 0; i < runs + 1; i++) {
      const r = (await page.evaluate(MEASURE)) as {
        reply: number;
        colours: number | null;
        drawn: number;
        walk: number;
        steps: number;
      };
      if (r.steps !== PAGE_REVIEW_WORDS)
        throw new Error(`Cell anatomy shows ${r.steps} steps, not ${PAGE_REVIEW_WORDS}`);
      if (i === 0) continue; // the first one warms the page's code paths up
      times.reply.push(r.reply);
      times.colours.push(r.colours ?? NaN);
      times.drawn.push(r.drawn);
      times.walk.push(r.walk);
      await page.waitForTimeout(300);
    }
    await page.mouse.move(0, 0); // a number under the resting mouse would take the explanation
    const slider = (await page.evaluate(SLIDER)) as {
      rendered: number[];
      painted: number[];
      explained: string;
    };
    if (!/^f₁ = σ\(/.test(slider.explained.trim()))
      throw new Error(`the focused number was not explained: ${slider.explained}`);
    times.sliderRendered = slider.rendered;
    times.sliderPainted = slider.painted;
    return times;
  } finally {
    await browser.close();
    server.kill();
  }
}
