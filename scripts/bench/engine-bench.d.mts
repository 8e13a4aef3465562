// Types of engine-bench.mjs (plain JavaScript so that the browser worker can load it as is).
import type { RnnEngineModule } from '../../web/src/wasm/rnn_engine.mjs';

export interface EngineBenchOptions {
  modelJson: string;
  /** Session training settings: num_words, maxlen, batch_size, optimizer, learning_rate, seed. */
  settings: {
    num_words: number;
    maxlen: number;
    batch_size: number;
    optimizer: string;
    learning_rate: number;
    seed: number;
  };
  batches: number;
  warmup: number;
  /** Validation reviews as token ids, already cut to maxlen. */
  predictSequences: number[][];
  fullEpoch?: boolean;
}

export interface EngineBenchResult {
  ms_per_batch: number;
  ms_per_batch_mean: number;
  /** Median process CPU time per batch (Node only; null in a browser). */
  cpu_ms_per_batch: number | null;
  predictions_per_second: number;
  epoch_seconds: number;
  measured_epoch_seconds: number | null;
  train_count: number;
  validation_count: number;
  loss: number | null;
  prediction_mean: number;
  /** Module memory after the timed training batches. */
  heap_after_training_bytes: number | null;
  /** Module memory at the end (after the predictions as well). */
  heap_bytes: number | null;
}

export function benchEngine(
  module: RnnEngineModule & { HEAP8?: Int8Array },
  packBytes: Uint8Array,
  options: EngineBenchOptions,
): EngineBenchResult;

/** The median of `values` (the mean of the middle two for an even count): every benchmark's figure. */
export function median(values: number[]): number;
