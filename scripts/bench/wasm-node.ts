// Our WebAssembly engine in Node: the module the site ships (web/src/wasm/rnn_engine.*), driven
// through its Session exactly as the page's worker drives it.
import { readFileSync, statSync } from 'node:fs';
import createRnnEngine, { type RnnEngineModule } from '../../web/src/wasm/rnn_engine.mjs';
import { benchEngine, type EngineBenchResult } from './engine-bench.mjs';
import { SEED, modelJson, type BenchData, type BenchModel, type BenchSettings } from './setup';

export const WASM_URL = new URL('../../web/src/wasm/rnn_engine.wasm', import.meta.url);

export function wasmBytes(): number {
  return statSync(WASM_URL).size;
}

/** A fresh module per model, so each model's heap figure is its own. */
async function loadModule(): Promise<RnnEngineModule & { HEAP8?: Int8Array }> {
  return createRnnEngine({ wasmBinary: readFileSync(WASM_URL) });
}

/** The worker protocol's training settings for a benchmark set-up. */
export function engineSettings(s: BenchSettings) {
  return {
    num_words: s.numWords,
    maxlen: s.maxlen,
    batch_size: s.batchSize,
    optimizer: 'rmsprop',
    learning_rate: s.learningRate,
    seed: SEED,
  };
}

/**
 * Checks that the reviews the benchmark cut in TypeScript (for TF.js and the predictions) are the
 * ones the engine's own pack reader produces: the first training reviews must agree id for id.
 */
export async function checkSameData(data: BenchData): Promise<void> {
  const m = await loadModule();
  const s = new m.Session();
  try {
    const loaded = JSON.parse(s.loadPack(data.packBytes));
    if (!loaded.ok) throw new Error(`engine: ${loaded.error}`);
    const described = JSON.parse(s.describeData(data.settings.numWords, data.settings.maxlen, 20));
    if (!described.ok) throw new Error(`engine: ${described.error}`);
    const samples = described.value.samples as { ids: number[]; label: number }[];
    samples.forEach((sample, i) => {
      const ours = data.train.x[i];
      if (sample.label !== data.train.y[i] || sample.ids.some((id, t) => id !== ours[t])) {
        throw new Error(`training review ${i} differs between the engine's pack reader and the benchmark's`);
      }
    });
  } finally {
    s.delete();
  }
}

export async function benchWasmNode(
  model: BenchModel,
  data: BenchData,
  batches: number,
  warmup: number,
  fullEpoch = false,
): Promise<EngineBenchResult> {
  const m = await loadModule();
  return benchEngine(m, data.packBytes, {
    modelJson: modelJson(model),
    settings: engineSettings(data.settings),
    batches,
    warmup,
    predictSequences: data.validation,
    fullEpoch,
  });
}
