// Every message between the page and an engine worker (one worker per model being trained).
// A request carries an id; the worker answers each with exactly one Reply of the same id:
// {ok: true, value} or {ok: false, error}. Events carry no id and arrive while work runs.
//
// Life of a training run:
//   init → loadData (events: dataProgress) → train (events: batch, epoch; the reply comes when
//   training ends: finished, stopped, early-stopped or NaN) — while it runs, pause / resume / stop
//   are answered at once (the worker trains in slices of batches and reads messages in between).
//   After training, classify and traceReview use the trained model.
import type { EngineInfo, ModelSummary } from './engine-api';

export type DataPackId = 'quick' | 'book';

/** What the page asks the worker to train; the same object the shared state holds. */
export interface TrainingSettings {
  optimizer: 'rmsprop' | 'adam' | 'sgd';
  learning_rate: number;
  batch_size: number;
  epochs: number;
  /** Early stopping on val_loss when > 0. */
  patience: number;
  restore_best: boolean;
  seed: number;
  /**
   * Whose arithmetic the engine follows where the generations differ (RMSprop's ε, early
   * stopping's restore rule, tf.keras 2's sparse momentum on Embedding rows; README, "Keras
   * parity notes"): 3 = Keras 3, 2 = tf.keras 2 (TF 2.6–2.10).
   */
  keras: KerasVersion;
}

export type KerasVersion = 2 | 3;

export interface DataSettings {
  pack: DataPackId;
  num_words: number;
  maxlen: number;
}

export interface DataInfo {
  pack: DataPackId;
  vocab_size: number;
  stored_length: number;
  train_count: number;
  validation_count: number;
  test_count: number;
  /** Review lengths (tokens, before maxlen) of the training split: histogram bins. */
  length_histogram: { bin_start: number; bin_end: number; count: number }[];
  mean_length: number;
  median_length: number;
  /** A few training reviews as ids at the chosen num_words / maxlen, with their labels. */
  samples: { ids: number[]; label: number }[];
}

export interface BatchEvent {
  event: 'batch';
  epoch: number; // from 1
  batch: number; // from 1, within the epoch
  batches_per_epoch: number;
  loss: number; // running mean over the epoch so far (as Keras' progress bar)
  accuracy: number;
  batch_loss: number; // this batch alone
  samples_per_second: number;
  eta_seconds: number; // for the whole run (all epochs)
}

export interface EpochLog {
  epoch: number;
  loss: number;
  accuracy: number;
  val_loss: number;
  val_accuracy: number;
  seconds: number;
}

export interface EpochEvent extends EpochLog {
  event: 'epoch';
}

export interface TrainResult {
  history: EpochLog[];
  /** 'finished' | 'early_stopped' | 'stopped' (by the user) | 'nan' (loss became NaN/inf) */
  stop_reason: 'finished' | 'early_stopped' | 'stopped' | 'nan';
  message: string | null;
  best_epoch: number;
  best_val_loss: number;
  best_val_accuracy: number;
  test_loss: number;
  test_accuracy: number;
  total_params: number;
  seconds: number;
}

export interface ClassifyResult {
  probability: number; // of positive
  tokens: { text: string; id: number; oov: boolean; cut: boolean }[];
  /** Tokens cut by maxlen and left out of `tokens` (only the last few cut ones are listed). */
  cut_omitted?: number;
}

export interface TraceResult extends ClassifyResult {
  /** Output after each kept token (one forward pass, the output layer on h_t). */
  per_step: number[];
  layers: {
    name: string;
    kind: 'SimpleRNN' | 'LSTM' | 'GRU';
    hidden: number[][]; // [step][unit]
    cell: number[][] | null;
    gates: { name: string; values: number[][] }[];
  }[];
}

export interface RequestMap {
  /** Loads the WebAssembly module (idempotent) and reports what it supports. */
  init: { params: Record<string, never>; result: EngineInfo };
  /** Keras-style summary of a model given as Keras / TF.js JSON text. */
  summarize: { params: { modelJson: string }; result: ModelSummary };
  /** Fetches a data pack (events: dataProgress) and describes it at these settings. */
  loadData: { params: DataSettings; result: DataInfo };
  /** Trains a model on the loaded pack; replies when training ends. */
  train: { params: { modelJson: string; data: DataSettings; training: TrainingSettings }; result: TrainResult };
  pause: { params: Record<string, never>; result: { paused: boolean } };
  resume: { params: Record<string, never>; result: { paused: boolean } };
  /** Stops after the running batch; the model trained so far is kept. */
  stop: { params: Record<string, never>; result: { stopping: boolean } };
  /** Probability of positive for a typed review, with its tokens (needs a trained model). */
  classify: { params: { text: string }; result: ClassifyResult };
  /** Per-step outputs, hidden states and gates for a typed review. */
  traceReview: { params: { text: string }; result: TraceResult };
}

export type RequestKind = keyof RequestMap;

export type Request = {
  [K in RequestKind]: { id: number; kind: K; params: RequestMap[K]['params'] };
}[RequestKind];

export type Reply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: string };

/** Messages the worker sends without being asked. */
export type WorkerEvent =
  | { event: 'fatal'; error: string }
  | { event: 'dataProgress'; loaded: number; total: number | null }
  | BatchEvent
  | EpochEvent
  | { event: 'paused' }
  | { event: 'resumed' };

export type WorkerMessage = Reply | WorkerEvent;

export function isReply(m: WorkerMessage): m is Reply {
  return (m as Reply).id !== undefined;
}
