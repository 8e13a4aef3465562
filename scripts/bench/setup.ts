// What every engine in the benchmark shares: the four curriculum models, the book pack's reviews
// cut to num_words / maxlen exactly as the engine's pack reader does (ids >= num_words become 2,
// padding and truncating 'pre'), and the common settings.
import { readFileSync } from 'node:fs';
import { readPack } from '../../web/src/data/pack';
import { presetById } from '../../web/src/presets/presets';

export const BENCH_MODELS = ['simplernn', 'lstm', 'gru', 'lstm2'] as const;
export type BenchModel = (typeof BENCH_MODELS)[number];
export type BenchEngine = 'wasm' | 'native' | 'tfjs-wasm' | 'tfjs-cpu' | 'chromium-wasm';

export const PRESET_OF: Record<BenchModel, string> = {
  simplernn: 'embedding-simplernn-500',
  lstm: 'lstm',
  gru: 'gru',
  lstm2: 'lstm-2layer',
};

export const BATCH_SIZE = 64;
export const MAXLEN = 100;
export const NUM_WORDS = 500;
export const LEARNING_RATE = 1e-4; // the curriculum's RMSprop rate
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
export function modelJson(model: BenchModel): string {
  const preset = presetById(PRESET_OF[model]);
  if (!preset) throw new Error(`preset ${PRESET_OF[model]} is missing from web/src/presets/presets.json`);
  return JSON.stringify(preset.model);
}

/** The Keras layers of a preset, after its InputLayer. */
export function modelLayers(model: BenchModel): { class_name: string; config: Record<string, unknown> }[] {
  const topology = JSON.parse(modelJson(model)) as { config: { layers: { class_name: string; config: Record<string, unknown> }[] } };
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
  packBytes: Uint8Array;
  /** The first trainCount training reviews (TF.js trains on these, batch after batch). */
  train: { x: number[][]; y: number[] };
  /** The first PREDICT_COUNT validation reviews, every engine predicts these. */
  validation: number[][];
  trainCount: number;
  validationCount: number;
}

export function loadBenchData(packPath: string, trainReviews: number): BenchData {
  const packBytes = new Uint8Array(readFileSync(packPath));
  const pack = readPack(packBytes);
  const n = Math.min(trainReviews, pack.train.sequences.length);
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    x.push(cutSequence(pack.train.sequences[i], NUM_WORDS, MAXLEN));
    y.push(pack.train.labels[i]);
  }
  const validation = pack.validation.sequences
    .slice(0, PREDICT_COUNT)
    .map((s) => cutSequence(s, NUM_WORDS, MAXLEN));
  return {
    packBytes,
    train: { x, y },
    validation,
    trainCount: pack.train.sequences.length,
    validationCount: pack.validation.sequences.length,
  };
}

/** Seconds for one epoch of trainCount reviews plus a validation pass over validationCount. */
export function epochSeconds(msPerBatch: number, predictionsPerSecond: number, trainCount: number, validationCount: number): number {
  return (trainCount / BATCH_SIZE) * msPerBatch / 1000 + validationCount / predictionsPerSecond;
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
}

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
