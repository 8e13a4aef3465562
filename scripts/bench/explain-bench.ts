// npm run bench:explain — how fast the Classify view's explanations answer for a 500-token review
// with the book's LSTM (Embedding(500, 16) → LSTM(8) → Dense(1), read at maxlen 500), through the
// WebAssembly Session in Node exactly as the worker calls it (JSON ids in, JSON reply parsed, then
// traceOfKeptTokens): one call gives every step's x, h_{t−1}, c_{t−1}, pre-activations, gates,
// c, h, the weights, ‖∂z/∂x_t‖ (one backward pass) and the 500 occlusion variants (one batched
// forward pass) — what the occlusion colours and the gradient curve wait for. Moving the Time
// step slider asks the engine nothing: it indexes that reply and lists one pre-activation's
// terms (contributions.ts) and copies a step (step-json.ts), timed here too.
// Median of repeated runs, milliseconds. Weights as initialised: the cost does not depend on them.
// Then the page in Chromium (explain-page.ts): from pressing Classify to the cell view drawn, in the
// same run, against the engine-only time above (`-- --engine-only` skips it; `-- --dist DIR` times
// another production build, e.g. main's, in the same window).
import { readFileSync } from 'node:fs';
import createRnnEngine from '../../web/src/wasm/rnn_engine.mjs';
import { traceOfKeptTokens, type EngineTrace } from '../../web/src/data/review-encoding';
import { presets } from '../../web/src/presets/presets';
import { preActivationTerms } from '../../web/src/ui/classify/contributions';
import { stepJson } from '../../web/src/ui/classify/step-json';
import { loadAverage } from './report';
import { median } from './setup';
import { benchExplainPage, PAGE_REVIEW_WORDS } from './explain-page';

const REVIEW_TOKENS = 500;

function reply<T>(text: string): T {
  const r = JSON.parse(text) as { ok: boolean; value?: T; error?: string };
  if (!r.ok) throw new Error(`engine: ${r.error}`);
  return r.value as T;
}

async function main() {
  const wasmBinary = readFileSync(new URL('../../web/src/wasm/rnn_engine.wasm', import.meta.url));
  const module = await createRnnEngine({ wasmBinary });
  const session = new module.Session();
  try {
    reply(
      session.loadPack(
        new Uint8Array(readFileSync(new URL('../../build/data/imdb-quick.pack', import.meta.url))),
      ),
    );
    const model = JSON.parse(JSON.stringify(presets.find((p) => p.id === 'lstm')!.model));
    model.config.layers[0].config.batch_input_shape = [null, REVIEW_TOKENS];
    reply(
      session.startTraining(
        JSON.stringify(model),
        JSON.stringify({ num_words: 500, maxlen: REVIEW_TOKENS, epochs: 1, seed: 1 }),
      ),
    );
    const ids = Array.from({ length: REVIEW_TOKENS }, (_, t) => (t === 0 ? 1 : 3 + ((t * 37) % 490)));
    const median_ms = (f: () => void, runs: number) => {
      const ms: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        f();
        ms.push(performance.now() - t0);
      }
      return median(ms);
    };
    const tokens = ids.map((id, i) => ({ text: `w${i}`, id, oov: id === 2, cut: false, pos: i }));
    const enc = { padded: ids, tokens, cutOmitted: 0, firstKeptStep: 0 };
    let trace = traceOfKeptTokens(enc, reply<EngineTrace>(session.trace(JSON.stringify(ids))), 500);
    const whole = median_ms(() => {
      trace = traceOfKeptTokens(enc, reply<EngineTrace>(session.trace(JSON.stringify(ids))), 500);
    }, 9);
    const layer = trace.layers[0];
    let t = 0;
    const slider = median_ms(() => {
      t = (t + 1) % REVIEW_TOKENS;
      for (let col = 0; col < 32; col++) preActivationTerms(layer, t, col);
      JSON.stringify(stepJson(layer, t, `w${t}`));
    }, 200);
    const rows = [
      ['trace + input gradients + 500 occlusion variants, one call', whole],
      ['one slider step: all 32 pre-activations listed + the step as JSON', slider],
    ] as const;
    console.log(`${new Date().toISOString().slice(0, 16)} UTC, load average ${loadAverage()} (1, 5, 15 min)`);
    console.log(
      `Explanations for a ${REVIEW_TOKENS}-token review, book's LSTM, WebAssembly in Node (median ms):`,
    );
    for (const [name, ms] of rows) console.log(`  ${name.padEnd(64)} ${ms.toFixed(1)}`);
    if (process.argv.includes('--engine-only')) return;
    const at = process.argv.indexOf('--dist');
    const dist = at > 0 ? process.argv[at + 1] : 'dist';
    const page = await benchExplainPage(9, dist);
    const fmt = (v: number[]) => `${median(v).toFixed(1)} (runs: ${v.map((x) => x.toFixed(0)).join(', ')})`;
    console.log(
      `The page in Chromium (production build ${dist}), book's LSTM at maxlen ${PAGE_REVIEW_WORDS} trained 1 epoch, a typed ${PAGE_REVIEW_WORDS}-word review, Cell anatomy open; Classify pressed, median of ${page.drawn.length} ms:`,
    );
    console.log(`  ${'the worker’s reply is in the page'.padEnd(64)} ${fmt(page.reply)}`);
    const late = page.colours.filter((x) => Number.isNaN(x)).length;
    console.log(
      `  ${'the occlusion colours and the gradient curve painted'.padEnd(64)} ${
        late
          ? `not both painted in the first frame after the reply in ${late} of ${page.colours.length} runs`
          : fmt(page.colours)
      }`,
    );
    console.log(
      `  ${'the cell view and the whole panel drawn (frame painted)'.padEnd(64)} ${fmt(page.drawn)}`,
    );
    console.log(`  ${'of which the measuring’s own walk over the panel'.padEnd(64)} ${fmt(page.walk)}`);
    const most = (v: number[]) => Math.max(...v).toFixed(1);
    console.log(
      `  ${'one Time step slider step: Cell anatomy rendered'.padEnd(64)} ${median(page.sliderRendered).toFixed(1)} (most ${most(page.sliderRendered)}, ${page.sliderRendered.length} steps)`,
    );
    console.log(
      `  ${'… and the frame showing it painted (waits for the next frame)'.padEnd(64)} ${median(page.sliderPainted).toFixed(1)} (most ${most(page.sliderPainted)})`,
    );
    console.log(
      `  against the engine-only call above: ${(median(page.drawn) / whole).toFixed(2)}× (${(median(page.drawn) - whole).toFixed(1)} ms more)`,
    );
    console.log(`  load average at end: ${loadAverage()}`);
  } finally {
    session.delete();
  }
}

void main();
