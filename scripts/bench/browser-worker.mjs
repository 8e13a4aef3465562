// The Chromium side of the benchmark: a module worker that loads our WebAssembly engine as the
// site's worker does (the glue fetches rnn_engine.wasm next to itself) and runs the same timing
// code as the Node benchmark (engine-bench.mjs). Served by scripts/bench/browser.ts.
// @ts-expect-error -- the glue is served beside this file (scripts/bench/browser.ts); its types:
// web/src/wasm/rnn_engine.d.mts, which the cast below applies.
import createRnnEngineUntyped from './wasm/rnn_engine.mjs';
import { benchEngine } from './engine-bench.mjs';

/** @type {typeof import('../../web/src/wasm/rnn_engine.mjs').default} */
const createRnnEngine = createRnnEngineUntyped;

self.onmessage = async (event) => {
  try {
    const { runs, batches, warmup } = event.data;
    const pack = new Uint8Array(await (await fetch('./data/bench.pack')).arrayBuffer());
    const results = [];
    for (const run of runs) {
      const validation = await (await fetch(run.validation)).json();
      const module = await createRnnEngine(); // a fresh module per model: its own heap figure
      const result = benchEngine(module, pack, {
        modelJson: run.modelJson,
        settings: run.settings,
        batches,
        warmup,
        predictSequences: validation,
        fullEpoch: run.fullEpoch,
      });
      results.push({ model: run.model, ...result });
    }
    self.postMessage({ ok: true, results, userAgent: navigator.userAgent });
  } catch (error) {
    self.postMessage({ ok: false, error: String((error instanceof Error && error.stack) || error) });
  }
};
