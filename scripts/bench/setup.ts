// What every engine in the benchmark shares: the curriculum's models (the book's four and the
// blog's two), the book pack's reviews cut to each model's num_words / maxlen exactly as the
// engine's pack reader does (ids >= num_words become 2, padding and truncating 'pre'), and the
// settings (the book's: batch 64, RMSprop 1e-4, 500 words, 100 steps; the blog's: batch 128,
// RMSprop 1e-3, 10,000 words, 500 steps).
import { readFileSync } from 'node:fs';
import { readPack } from '../../web/src/data/pack';
import { presetById } from '../../web/src/presets/presets';

export const BENCH_MODELS = ['simplernn', 'lstm', 'gru', 'lstm2', 'blog-lstm', 'blog-simplernn'] as const;
export type BenchModel = (typeof BENCH_MODELS)[number];
export type BenchEngine = 'wasm' | 'native' | 'tfjs-wasm' | 'tfjs-cpu' | 'chromium-wasm' | 'pytorch';

/** The benchmark's models and the chapter's other two, which the paired runs (pair-wasm.ts) time too. */
export const PAIR_MODELS = [...BENCH_MODELS, 'lstm-dropout', 'onehot-simplernn'] as const;
export type PairModel = (typeof PAIR_MODELS)[number];

export const PRESET_OF: Record<PairModel, string> = {
  simplernn: 'embedding-simplernn-500',
  lstm: 'lstm',
  gru: 'gru',
  lstm2: 'lstm-2layer',
  'blog-lstm': 'blog-lstm',
  'blog-simplernn': 'blog-simplernn',
  'lstm-dropout': 'lstm-dropout',
  'onehot-simplernn': 'onehot-simplernn-500',
};

export interface BenchSettings {
  numWords: number;
  maxlen: number;
  batchSize: number;
  learningRate: number; // RMSprop
}

/** The book's set-up (09-2, 09-3). */
export const BOOK_SETTINGS: BenchSettings = { numWords: 500, maxlen: 100, batchSize: 64, learningRate: 1e-4 };
/** The blog's set-up: Keras' default RMSprop rate, batch 128, 10,000 words, reviews of 500 steps. */
export const BLOG_SETTINGS: BenchSettings = {
  numWords: 10000,
  maxlen: 500,
  batchSize: 128,
  learningRate: 1e-3,
};

export function settingsOf(model: PairModel): BenchSettings {
  return model.startsWith('blog-') ? BLOG_SETTINGS : BOOK_SETTINGS;
}

export const PREDICT_COUNT = 5000;
export const SEED = 0;

/** One row of the benchmark's JSON output. */
export interface BenchRow {
  model: BenchModel;
  engine: BenchEngine;
  ms_per_batch: number;
  epoch_seconds: number;
  predictions_per_second: number;
}

/** The preset's Keras model JSON (a Sequential topology). */
export function modelJson(model: PairModel): string {
  const preset = presetById(PRESET_OF[model]);
  if (!preset) throw new Error(`preset ${PRESET_OF[model]} is missing from web/src/presets/presets.json`);
  return JSON.stringify(preset.model);
}

/** The Keras layers of a preset, after its InputLayer. */
export function modelLayers(model: BenchModel): { class_name: string; config: Record<string, unknown> }[] {
  const topology = JSON.parse(modelJson(model)) as {
    config: { layers: { class_name: string; config: Record<string, unknown> }[] };
  };
  return topology.config.layers.filter((l) => l.class_name !== 'InputLayer');
}

/** ids >= numWords -> 2 (out of vocabulary), then padded with 0 / truncated at the front to maxlen. */
export function cutSequence(stored: ArrayLike<number>, numWords: number, maxlen: number): number[] {
  const out = new Array<number>(maxlen).fill(0);
  const take = Math.min(stored.length, maxlen);
  const from = stored.length - take;
  for (let i = 0; i < take; i++) {
    const id = stored[from + i];
    out[maxlen - take + i] = id >= numWords ? 2 : id;
  }
  return out;
}

export interface BenchData {
  settings: BenchSettings;
  packBytes: Uint8Array;
  /** The first trainCount training reviews (TF.js trains on these, batch after batch). */
  train: { x: number[][]; y: number[] };
  /** The first PREDICT_COUNT validation reviews, every engine predicts these. */
  validation: number[][];
  trainCount: number;
  validationCount: number;
}

/** The first `trainBatches` batches of training reviews and the validation reviews, cut for `settings`. */
export function loadBenchData(packPath: string, trainBatches: number, settings: BenchSettings): BenchData {
  const packBytes = new Uint8Array(readFileSync(packPath));
  const pack = readPack(packBytes);
  const { numWords, maxlen } = settings;
  const n = Math.min(trainBatches * settings.batchSize, pack.train.sequences.length);
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    x.push(cutSequence(pack.train.sequences[i], numWords, maxlen));
    y.push(pack.train.labels[i]);
  }
  const validation = pack.validation.sequences
    .slice(0, PREDICT_COUNT)
    .map((s) => cutSequence(s, numWords, maxlen));
  return {
    settings,
    packBytes,
    train: { x, y },
    validation,
    trainCount: pack.train.sequences.length,
    validationCount: pack.validation.sequences.length,
  };
}

/** Seconds for one epoch of trainCount reviews plus a validation pass over validationCount. */
export function epochSeconds(
  msPerBatch: number,
  predictionsPerSecond: number,
  trainCount: number,
  validationCount: number,
  batchSize: number,
): number {
  return ((trainCount / batchSize) * msPerBatch) / 1000 + validationCount / predictionsPerSecond;
}

export { median } from './engine-bench.mjs';

/** The figures every engine's run reports. */
export interface TimingResult {
  ms_per_batch: number;
  ms_per_batch_mean: number;
  cpu_ms_per_batch: number;
  predictions_per_second: number;
  epoch_seconds: number;
  loss: number;
  prediction_mean: number;
}
