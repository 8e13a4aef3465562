// The training family of the worker protocol (protocol.ts): data packs and their description,
// the settings a run trains with, its batch, epoch and checkpoint events, the saved model state,
// the exported data set and the run's result. Each reply and event is a valibot schema with its
// TypeScript type inferred from it.
import * as v from 'valibot';

/** The IMDB packs (quick subset, the book's split) and `Long memory`, generated in the worker (data/long-memory.ts). */
export type DataPackId = 'quick' | 'book' | 'long-memory';
export const DATA_PACK_IDS: readonly DataPackId[] = ['quick', 'book', 'long-memory'];
const DataPackIdSchema = v.picklist(DATA_PACK_IDS);

/** A loss or metric: the engine sends NaN and infinities as null (JSON has no NaN). */
export const MetricSchema = v.nullable(v.number());

/** What the page asks the worker to train; the same object the shared state holds. */
export interface TrainingSettings {
  optimizer: 'rmsprop' | 'adam' | 'sgd';
  learning_rate: number;
  /** Keras' clipnorm: each weight variable's gradient scaled to L2 norm at most this; 0 or absent = off. */
  clipnorm?: number;
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

export const DataInfoSchema = v.object({
  pack: DataPackIdSchema,
  vocab_size: v.number(),
  stored_length: v.number(),
  train_count: v.number(),
  validation_count: v.number(),
  test_count: v.number(),
  /** Review lengths (tokens, before maxlen) of the training split: histogram bins. */
  length_histogram: v.array(v.object({ bin_start: v.number(), bin_end: v.number(), count: v.number() })),
  mean_length: v.number(),
  median_length: v.number(),
  /** A few training reviews as ids at the chosen num_words / maxlen, with their labels. */
  samples: v.array(v.object({ ids: v.array(v.number()), label: v.number() })),
});
export type DataInfo = v.InferOutput<typeof DataInfoSchema>;

export const BatchEventSchema = v.object({
  event: v.literal('batch'),
  epoch: v.number(), // from 1
  batch: v.number(), // from 1, within the epoch
  batches_per_epoch: v.number(),
  loss: MetricSchema, // running mean over the epoch so far (as Keras' progress bar)
  accuracy: MetricSchema,
  batch_loss: MetricSchema, // this batch alone
  samples_per_second: MetricSchema,
  eta_seconds: v.number(), // for the whole run (all epochs)
});
export type BatchEvent = v.InferOutput<typeof BatchEventSchema>;

const epochLogEntries = {
  /**
   * In epoch events: at each position of the first 64 validation reviews, the mean of
   * ‖∂z/∂x_t‖ over the reviews with a word there (0 where none; null if not finite): how much
   * each word can still move the prediction. Absent from the history of a finished run.
   */
  input_gradients: v.optional(v.array(MetricSchema)),
  epoch: v.number(),
  loss: MetricSchema,
  accuracy: MetricSchema,
  val_loss: MetricSchema,
  val_accuracy: MetricSchema,
  seconds: v.number(),
};
export const EpochLogSchema = v.object(epochLogEntries);
export type EpochLog = v.InferOutput<typeof EpochLogSchema>;

export const EpochEventSchema = v.object({ event: v.literal('epoch'), ...epochLogEntries });
export type EpochEvent = v.InferOutput<typeof EpochEventSchema>;

/** A model's weights (ModelSpec order, Keras layout) and its optimizer's state at one moment. */
export const ModelStateSchema = v.object({
  weights: v.instance(Float32Array),
  /** Optimizer slots one after another (RMSprop: mean square; Adam: m then v; plain SGD: none). */
  optimizer: v.instance(Float32Array),
  /** Updates applied so far (Keras' optimizer.iterations). */
  iterations: v.number(),
});
export type ModelState = v.InferOutput<typeof ModelStateSchema>;

/** Where a continued run starts: its saved state and the epochs it already trained. */
export interface ResumeFrom {
  state: ModelState;
  epochs_done: number;
}

export const CheckpointEventSchema = v.object({
  event: v.literal('checkpoint'),
  epoch: v.number(),
  state: ModelStateSchema,
});
export type CheckpointEvent = v.InferOutput<typeof CheckpointEventSchema>;

/** x_*: int32 ids (count × maxlen, sample-major); y_*: uint8 labels (the notebook's .npz). */
export const ExportedDataSchema = v.object({
  maxlen: v.number(),
  x_train: v.instance(Int32Array),
  y_train: v.instance(Uint8Array),
  x_val: v.instance(Int32Array),
  y_val: v.instance(Uint8Array),
  x_test: v.instance(Int32Array),
  y_test: v.instance(Uint8Array),
});
export type ExportedData = v.InferOutput<typeof ExportedDataSchema>;

export const TrainResultSchema = v.object({
  history: v.array(EpochLogSchema),
  /** 'finished' | 'early_stopped' | 'stopped' (by the user) | 'nan' (loss became NaN/inf) */
  stop_reason: v.picklist(['finished', 'early_stopped', 'stopped', 'nan']),
  message: v.nullable(v.string()),
  best_epoch: v.number(),
  /** null when no epoch finished (best_epoch 0) or the value was not finite. */
  best_val_loss: MetricSchema,
  best_val_accuracy: MetricSchema,
  test_loss: MetricSchema,
  test_accuracy: MetricSchema,
  total_params: v.number(),
  seconds: v.number(),
  /** The weights the run ended with (after restore_best_weights) and the optimizer's state. */
  state: ModelStateSchema,
});
export type TrainResult = v.InferOutput<typeof TrainResultSchema>;
