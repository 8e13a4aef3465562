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
// The messages' schemas live by family (protocol-training.ts, protocol-review.ts,
// protocol-files.ts); this file is the index: every request with its params and its reply schema,
// the reply envelope, the events, and the checks. Import from here.
// Adding a request: its params in RequestParams, its reply schema in replySchemas (the compiler
// refuses a request without one). Adding an event: its schema, and the schema in WorkerEventSchema.
import * as v from 'valibot';
import { EngineInfoSchema, ModelSummarySchema } from './engine-api';
import { FileNoteSchema, KerasDatasetSchema, type KerasCompile } from './protocol-files';
import {
  ClassifyResultSchema,
  LengthAccuracySchema,
  TraceResultSchema,
  type ReviewParams,
} from './protocol-review';
import {
  BatchEventSchema,
  CheckpointEventSchema,
  DataInfoSchema,
  EpochEventSchema,
  ExportedDataSchema,
  TrainResultSchema,
  type DataSettings,
  type ResumeFrom,
  type TrainingSettings,
} from './protocol-training';

export * from './protocol-files';
export * from './protocol-review';
export * from './protocol-training';

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
