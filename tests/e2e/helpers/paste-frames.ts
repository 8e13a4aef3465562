// A 1 MB paste into the Classify view's review box, with the page's animation frames counted and
// the longest gap between two of them measured until the verdict on the long text is shown (its
// cut note). Shared by classify.spec.ts (which holds that frames keep coming: the tokenizing runs
// in the worker) and scripts/bench/classify-paste.ts (which reports the longest gap: a time, so a
// benchmark figure, not a test). Chromium itself spends ~0.45 s laying out a megabyte in a
// textarea (measured with no classifying at all), so frames are watched from when the pasted text
// is on screen: then only our work is measured.
import type { Page } from '@playwright/test';

export const PASTE_SENTENCE = 'This film was a great disappointment, not good at all. ';

export function pasteAndWatchFrames(
  page: Page,
  cutNote: string,
): Promise<{ longest: number; frames: number; answered: boolean }> {
  return page.evaluate(
    async ({ cutNote, sentence }) => {
      const view = document
        .querySelector('app-root')!
        .shadowRoot!.querySelector('classify-view')!.shadowRoot!;
      const box = view.querySelector('textarea')!;
      box.value = sentence.repeat(Math.ceil(1_000_000 / sentence.length));
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      let frames = 0;
      let last = performance.now();
      let longest = 0;
      let running = true;
      const tick = () => {
        const now = performance.now();
        longest = Math.max(longest, now - last);
        frames++;
        last = now;
        if (running) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      box.dispatchEvent(new Event('input', { bubbles: true }));
      const panel = view.querySelector('classify-model-panel')!;
      const answered = () => (panel.shadowRoot!.textContent ?? '').includes(cutNote);
      const t0 = performance.now();
      while (!answered() && performance.now() - t0 < 30_000) await new Promise((r) => setTimeout(r, 50));
      running = false;
      return { longest, frames, answered: answered() };
    },
    { cutNote, sentence: PASTE_SENTENCE },
  );
}
