// Every message between the page and an engine worker (one worker per model being trained).
// A request carries an id; the worker answers each with exactly one Reply of the same id:
// {ok: true, value} or {ok: false, error}. Events carry no id and arrive while work runs.
//
// Life of a training run:
//   init → loadData (events: dataProgress) → train (events: batch, epoch; the reply comes when
//   training ends: finished, stopped, early-stopped or NaN) — while it runs, pause / resume / stop
//   are answered at once (the worker trains in slices of batches and reads messages in between).
//   After training, classify and traceReview use the trained model.
//   After every epoch a checkpoint event carries the weights and optimizer state (the page keeps
//   them as a run: storage/runs-db.ts); a train request with `resume` goes on from such a state.
//   loadModel puts a saved model into the worker without training (Classify, continuing a run).
//   Model files (issue 18): exportTfjs / exportKeras describe the held model for a download;
//   describeModelFile says what an opened Keras file holds (the page reads the weights with h5wasm
//   in its own worker, files/h5.worker.ts); both use the formats module, loaded on first use.
//
// What the worker sends is checked where it arrives (client.ts, parseWorkerMessage below): every
// reply value and event has a valibot schema here, and its TypeScript type is inferred from that
// schema, so the check and the type cannot drift. A message that does not match becomes an Error
// naming the message and the field ("Malformed reply to 'train' from the engine worker: field
// history.0.val_loss: ..."), not an undefined three calls later.
//
// Adding a request: its params in RequestParams, its reply schema in replySchemas (the compiler
// refuses a request without one). Adding an event: its schema, and the schema in WorkerEventSchema.
import * as v from 'valibot';
import { EngineInfoSchema, ModelSummarySchema } from './engine-api';
import { LENGTH_BUCKETS } from '../data/length-buckets';

/** The IMDB packs (quick subset, the book's split) and `Long memory`, generated in the worker (data/long-memory.ts). */
export type DataPackId = 'quick' | 'book' | 'long-memory';
export const DATA_PACK_IDS: readonly DataPackId[] = ['quick', 'book', 'long-memory'];
const DataPackIdSchema = v.picklist(DATA_PACK_IDS);

/** A loss or metric: the engine sends NaN and infinities as null (JSON has no NaN). */
const MetricSchema = v.nullable(v.number());

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

const classifyEntries = {
  probability: v.number(), // of positive (the worker refuses a model whose output is not finite)
  /**
   * `pos`: the token's place in the whole review (0 = the start token), the handle to remove it
   * by; `removed`: taken out of the review by the reader (not read, listed so it can be restored).
   */
  tokens: v.array(
    v.object({
      text: v.string(),
      id: v.number(),
      oov: v.boolean(),
      cut: v.boolean(),
      pos: v.number(),
      removed: v.optional(v.boolean()),
    }),
  ),
  /** Tokens cut by maxlen and left out of `tokens` (only the last few cut ones are listed). */
  cut_omitted: v.optional(v.number()),
};
export const ClassifyResultSchema = v.object(classifyEntries);
export type ClassifyResult = v.InferOutput<typeof ClassifyResultSchema>;

const MatrixSchema = v.array(v.array(v.number()));

/** One recurrent layer through the kept tokens; every matrix is [kept step][...]. */
export const LayerStepsSchema = v.object({
  name: v.string(),
  kind: v.picklist(['SimpleRNN', 'LSTM', 'GRU']),
  hidden: MatrixSchema, // [step][unit]
  cell: v.nullable(MatrixSchema),
  gates: v.array(v.object({ name: v.string(), values: MatrixSchema })),
  /** x_t: [step][feature]; null for a one-hot layer, whose x_t is e_{x_ids[step]}. */
  x: v.nullable(MatrixSchema),
  x_ids: v.nullable(v.array(v.number())),
  /** Width of x_t (the one-hot width for a one-hot layer). */
  x_features: v.number(),
  /** GRU: whether the candidate applies r after the recurrent product (Keras' default). */
  reset_after: v.boolean(),
  /** The state entering each step (at the first kept step: the state the padding left). */
  h_prev: MatrixSchema,
  c_prev: v.nullable(MatrixSchema),
  /** Every gate's pre-activation and value in Keras' order: LSTM i f g o, GRU z r h̃, SimpleRNN a → h. */
  pre: MatrixSchema,
  values: MatrixSchema,
  /** The layer's weights in Keras' layout: [kernel (in, k·u), recurrent_kernel (u, k·u), bias (1 or 2 rows)]. */
  weights: v.array(MatrixSchema),
});
export type LayerSteps = v.InferOutput<typeof LayerStepsSchema>;

export const TraceResultSchema = v.object({
  ...classifyEntries,
  /** Output after each kept token (one forward pass, the output layer on h_t). */
  per_step: v.array(v.number()),
  layers: v.array(LayerStepsSchema),
  /** ‖∂z/∂x_t‖ at each kept token (z the output logit, x_t the first recurrent layer's input); null if not finite. */
  input_gradients: v.array(MetricSchema),
  /** P(positive) with each kept token alone replaced by the out-of-vocabulary id 2; null if not finite. */
  occlusion: v.array(MetricSchema),
});
export type TraceResult = v.InferOutput<typeof TraceResultSchema>;

/** Test accuracy in each review-length bucket (data/length-buckets.ts) of the model just trained. */
export const LengthAccuracySchema = v.object({
  split: v.literal('test'),
  count: v.number(),
  buckets: v.array(
    v.object({
      bucket: v.picklist(LENGTH_BUCKETS),
      count: v.number(),
      accuracy: v.nullable(v.number()),
    }),
  ),
});
export type LengthAccuracy = v.InferOutput<typeof LengthAccuracySchema>;

/** A review as the reader edited it: the text, and the token positions (`pos`) taken out. */
export interface ReviewParams {
  text: string;
  removed?: number[];
}

/** A float32 dataset of a Keras weights file and where its values sit in the flat weights. */
const KerasDatasetSchema = v.object({ path: v.string(), shape: v.array(v.number()), offset: v.number() });
export type KerasDataset = v.InferOutput<typeof KerasDatasetSchema>;

/** A note about an opened file: an engine message code (its place in the list), its parameters, its English. */
const FileNoteSchema = v.object({ code: v.number(), params: v.array(v.string()), text: v.string() });
export type FileNote = v.InferOutput<typeof FileNoteSchema>;

/** The training set-up as a .keras file's compile_config records it (formats module, kerasSave). */
export interface KerasCompile {
  optimizer: TrainingSettings['optimizer'];
  learning_rate: number;
  date_saved?: string;
}

/** What each request sends (the page builds these; they are not validated on the page). */
interface RequestParams {
  /** Loads the WebAssembly module (idempotent) and reports what it supports. */
  init: Record<string, never>;
  /** Keras-style summary of a model given as Keras / TF.js JSON text. */
  summarize: { modelJson: string };
  /** Fetches a data pack (events: dataProgress) and describes it at these settings. */
  loadData: DataSettings;
  /** Trains a model on the loaded pack; replies when training ends. */
  train: { modelJson: string; data: DataSettings; training: TrainingSettings; resume?: ResumeFrom };
  /** The data set as the page trains on it (padded as pad_sequences), for the notebook's .npz. */
  exportData: DataSettings;
  /** This worker's model in TF.js' layers format, as the CLI writes it: model.json and weights.bin's floats. */
  exportTfjs: Record<string, never>;
  /**
   * This worker's model as a Keras 3 .keras file would hold it (formats module, kerasSave): the
   * JSON members, the HDF5 groups and datasets (each a slice of `weights` at `offset`), and the
   * weights. `compile`: the training set-up for compile_config (keys of keras_format.hpp).
   */
  exportKeras: { compile: KerasCompile };
  /**
   * What a Keras model file holds, from its JSON and the listing of its HDF5 file (formats module:
   * kerasOpen for a .keras file, h5ModelOpen for a tf.keras 2 .h5): the model as JSON the engine
   * takes and the datasets that are its weights, in the engine's order. Reads no weights.
   */
  describeModelFile:
    { format: 'keras'; configJson: string; listingJson: string } | { format: 'h5'; listingJson: string };
  /**
   * A TF.js model.json with its one weights file, through the formats module's TF.js loader
   * (tfjsOpen: every shape, dtype and size against the model, non-finite values): the model as
   * Keras JSON and its flat weights. Loads nothing into the session.
   */
  openTfjsFile: { modelJson: string; weightsBin: Uint8Array };
  /** A saved model (a run, an opened file) becomes this worker's model: Classify uses it. */
  loadModel: { modelJson: string; weights: Float32Array; data: Pick<DataSettings, 'num_words' | 'maxlen'> };
  pause: Record<string, never>;
  resume: Record<string, never>;
  /** Stops after the running batch; the model trained so far is kept. */
  stop: Record<string, never>;
  /** Probability of positive for a typed review, with its tokens (needs a trained model). */
  classify: { text: string };
  /** Per-step outputs, states, gates, weights, input gradients and occlusion for a typed (and edited) review. */
  traceReview: ReviewParams;
  /**
   * After a training run: its model's accuracy on the test split by review length (lengths before
   * padding or cutting, from the pack). Only for the run this worker trained, on its data.
   */
  testAccuracyByLength: Record<string, never>;
  /** The engine allocator's bytes in use and Embind's live JS-value handles (watched for leaks). */
  memory: Record<string, never>;
}

/** The schema of each request's successful reply value: checked by the client on arrival. */
export const replySchemas = {
  init: EngineInfoSchema,
  summarize: ModelSummarySchema,
  loadData: DataInfoSchema,
  train: TrainResultSchema,
  exportData: ExportedDataSchema,
  exportTfjs: v.object({ modelJson: v.string(), weights: v.instance(Float32Array) }),
  exportKeras: v.object({
    metadata_json: v.string(),
    config_json: v.string(),
    groups: v.array(v.string()),
    datasets: v.array(KerasDatasetSchema),
    weights: v.instance(Float32Array),
  }),
  describeModelFile: v.object({
    model_json: v.string(),
    weights: v.array(KerasDatasetSchema),
    notes: v.array(FileNoteSchema),
  }),
  openTfjsFile: v.object({
    model_json: v.string(),
    weights: v.instance(Float32Array),
    notes: v.array(FileNoteSchema),
  }),
  loadModel: v.object({ total_params: v.number() }),
  pause: v.object({ paused: v.boolean() }),
  resume: v.object({ paused: v.boolean() }),
  stop: v.object({ stopping: v.boolean() }),
  classify: ClassifyResultSchema,
  traceReview: TraceResultSchema,
  testAccuracyByLength: LengthAccuracySchema,
  memory: v.object({ allocator_bytes_in_use: v.number(), emval_handles: v.number() }),
} satisfies { [K in keyof RequestParams]: v.GenericSchema };

export type RequestKind = keyof RequestParams;

export type RequestMap = {
  [K in RequestKind]: { params: RequestParams[K]; result: v.InferOutput<(typeof replySchemas)[K]> };
};

export type Request = {
  [K in RequestKind]: { id: number; kind: K; params: RequestMap[K]['params'] };
}[RequestKind];

/** The optional code and parameters of a message the page translates (i18n/message.ts). */
const CodedFields = { code: v.optional(v.string()), params: v.optional(v.array(v.unknown())) };

/** The envelope of every reply; its value is checked against replySchemas[kind of the request]. */
export const ReplySchema = v.variant('ok', [
  v.object({ id: v.number(), ok: v.literal(true), value: v.unknown() }),
  // A failure may carry a message code and its parameters (i18n/message.ts), for the page's language.
  v.object({ id: v.number(), ok: v.literal(false), error: v.string(), ...CodedFields }),
]);
export type Reply = v.InferOutput<typeof ReplySchema>;

/** Messages the worker sends without being asked. */
export const WorkerEventSchema = v.variant('event', [
  v.object({ event: v.literal('fatal'), error: v.string(), ...CodedFields }),
  v.object({ event: v.literal('dataProgress'), loaded: v.number(), total: v.nullable(v.number()) }),
  BatchEventSchema,
  EpochEventSchema,
  CheckpointEventSchema,
  v.object({ event: v.literal('paused') }),
  v.object({ event: v.literal('resumed') }),
]);
export type WorkerEvent = v.InferOutput<typeof WorkerEventSchema>;

export type WorkerMessage = Reply | WorkerEvent;

export function isReply(m: WorkerMessage): m is Reply {
  return (m as Reply).id !== undefined;
}

/** A message from the worker that does not match the protocol. */
export class ProtocolError extends Error {
  /** @param detail which field is wrong and how ("field a.0.b: Invalid type: ..."). */
  constructor(
    what: string,
    readonly detail: string,
  ) {
    super(`Malformed ${what} from the engine worker: ${detail}`);
    this.name = 'ProtocolError';
  }
}

/** "field a.0.b: Invalid type: Expected number but received "x"" for the first issue found. */
function describeIssue(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0];
  const path = v.getDotPath(issue);
  return `${path ? `field ${path}` : 'the message itself'}: ${issue.message}`;
}

/** The worker's message checked as a reply envelope or an event; throws ProtocolError if neither. */
export function parseWorkerMessage(data: unknown): WorkerMessage {
  const isObject = typeof data === 'object' && data !== null;
  if (isObject && 'id' in data) {
    const r = v.safeParse(ReplySchema, data);
    if (!r.success) throw new ProtocolError('reply', describeIssue(r.issues));
    return r.output;
  }
  if (isObject && 'event' in data) {
    const r = v.safeParse(WorkerEventSchema, data);
    if (!r.success) {
      const name = typeof data.event === 'string' ? `'${data.event}' ` : '';
      throw new ProtocolError(`${name}event`, describeIssue(r.issues));
    }
    return r.output;
  }
  throw new ProtocolError('message', 'it has neither an id (a reply) nor an event name.');
}

/** A reply's value checked against the schema of the request it answers; throws ProtocolError. */
export function parseReplyValue<K extends RequestKind>(kind: K, value: unknown): RequestMap[K]['result'] {
  const r = v.safeParse(replySchemas[kind], value);
  if (!r.success) throw new ProtocolError(`reply to '${kind}'`, describeIssue(r.issues));
  return r.output as RequestMap[K]['result'];
}
