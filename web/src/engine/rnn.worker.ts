// The engine worker: owns one WebAssembly module and one engine Session, and answers the requests
// of protocol.ts. Training runs in slices of batches; between slices the worker yields to its
// message queue, so pause / resume / stop are answered while a run is going.
/// <reference lib="webworker" />
import createRnnEngine, { type EngineSession, type RnnEngineModule } from '../wasm/rnn_engine.mjs';
import type { RnnFormatsModule } from '../wasm/rnn_formats.mjs';
import type { KerasArchive } from '../files/formats-api';
import { tfjsOpened, type TfjsOpenValue } from '../files/tfjs-opened';
import { parseWordIndex, type WordIndex } from '../data/word-index';
import { longMemoryPack } from '../data/long-memory';
import { accuracyByLength, testLengths } from '../data/length-buckets';
import { codeOf, MessageError, nested } from '../i18n/message';
import { engineInfo, exportedData, summarizeModel, unwrapReply } from './engine-api';
import type {
  BatchEvent,
  ClassifyResult,
  DataInfo,
  DataPackId,
  DataSettings,
  EpochLog,
  LengthAccuracy,
  ModelState,
  Reply,
  Request,
  RequestMap,
  ReviewParams,
  TraceResult,
  TrainResult,
  WorkerEvent,
} from './protocol';
import {
  encodeForModel,
  positiveProbability,
  traceOfKeptTokens,
  type EngineTrace,
} from '../data/review-encoding';

declare const self: DedicatedWorkerGlobalScope;

const post = (m: WorkerEvent | Reply) => self.postMessage(m);

let modulePromise: Promise<RnnEngineModule> | null = null;
/** Holds the loaded pack and the last training run (its model serves classify and trace). */
let session: EngineSession | null = null;
async function engine(): Promise<{ module: RnnEngineModule; session: EngineSession }> {
  modulePromise ??= createRnnEngine();
  const module = await modulePromise;
  session ??= new module.Session();
  return { module, session };
}

// ---- data ---------------------------------------------------------------------------------
// `Long memory` is not downloaded: it is generated here from its fixed seed (data/long-memory.ts).
const PACK_FILES: Record<DataPackId, string> = {
  quick: 'imdb-quick.pack',
  book: 'imdb-book.pack',
  'long-memory': 'long-memory',
};
const packBytes = new Map<DataPackId, Uint8Array>();
let loadedPack: DataPackId | null = null;
let wordIndex: Promise<WordIndex> | null = null;

/** Data files sit in data/ beside the page; this worker's script is in assets/. */
function dataUrl(file: string): URL {
  return new URL(`../data/${file}`, self.location.href);
}

async function fetchWithProgress(file: string): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(dataUrl(file));
  } catch (e) {
    throw new MessageError('downloadFailed', file, e instanceof Error ? e.message : String(e));
  }
  if (!response.ok) throw new MessageError('downloadHttp', file, response.status);
  const total = Number(response.headers.get('Content-Length')) || null;
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    post({ event: 'dataProgress', loaded, total });
  }
  const bytes = new Uint8Array(loaded);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.length;
  }
  return bytes;
}

async function ensurePack(pack: DataPackId): Promise<EngineSession> {
  const { session } = await engine();
  if (!(pack in PACK_FILES))
    throw new Error(`Unknown data pack '${String(pack)}': choose quick, book or long-memory.`);
  if (loadedPack !== pack) {
    let bytes = packBytes.get(pack);
    if (!bytes) {
      bytes = pack === 'long-memory' ? longMemoryPack() : await fetchWithProgress(PACK_FILES[pack]);
      packBytes.set(pack, bytes);
    }
    try {
      unwrapReply(session.loadPack(bytes));
    } catch (e) {
      packBytes.delete(pack);
      throw new MessageError('dataDamaged', PACK_FILES[pack], nested(e));
    }
    loadedPack = pack;
  }
  return session;
}

function loadWordIndex(): Promise<WordIndex> {
  // A plain fetch: the word list is ~100 kB and only classify needs it, so no dataProgress events
  // (the Train tab shows those as data loading).
  wordIndex ??= fetch(dataUrl('word-index.json')).then(async (r) => {
    if (!r.ok) throw new MessageError('downloadHttp', 'word-index.json', r.status);
    return parseWordIndex(await r.text());
  });
  wordIndex.catch(() => (wordIndex = null));
  return wordIndex;
}

// ---- training -----------------------------------------------------------------------------
/** `pack`: the data the run trained on, still loaded (null for a loaded model: no data with it). */
interface Run {
  numWords: number;
  maxlen: number;
  pack?: DataPackId;
}
let trainedRun: Run | null = null;
let running = false;
let paused = false;
let stopRequested = false;
let resumeWaiter: (() => void) | null = null;
/** The model text of the model this worker holds (trained or loaded), for the TF.js download. */
let modelJsonHere: string | null = null;
let formatsModule: Promise<RnnFormatsModule> | null = null;

/** The engine's stop reasons (trainer.cpp, stop_reason_name) in the protocol's words. */
const STOP_REASONS: Record<string, TrainResult['stop_reason']> = {
  completed: 'finished',
  early_stopping: 'early_stopped',
  non_finite_loss: 'nan',
  stopped: 'stopped',
};

const yieldToMessages = () => new Promise<void>((r) => setTimeout(r, 0));

/**
 * The session's weights and optimizer state, copied out of wasm memory. `iterations` is the
 * optimizer's update count, which the worker keeps: one per batch run (and the saved count of a
 * continued run).
 */
function modelState(session: EngineSession, iterations: number): ModelState {
  const copy = (which: 0 | 1) => session.stateView(which)?.slice() ?? new Float32Array(0);
  return { weights: copy(0), optimizer: copy(1), iterations };
}

/** Writes saved values into one of the session's buffers after checking they fit. */
function writeState(
  session: EngineSession,
  which: 0 | 1,
  values: Float32Array,
  what: 'weights' | 'optimizer state',
): void {
  const view = session.stateView(which);
  if (!view || view.length !== values.length) {
    throw new MessageError('savedDoNotFit', what, values.length, view?.length ?? 0);
  }
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) throw new MessageError('savedNotFinite', what, i);
  }
  view.set(values);
}

/**
 * A continued run draws its shuffling and dropout from the seed and the epochs already trained,
 * so its epochs do not repeat the first epochs' order.
 */
export function continuedSeed(seed: number, epochsDone: number): number {
  return (seed + 1_000_003 * epochsDone) % 2_147_483_648;
}

/**
 * Each training run gets a fresh engine Session, the last run's deleted first: a run then starts
 * from an empty engine (the previous run's data, trainer and model are not held while the new
 * ones are built, so the module's memory, which never shrinks, grows only to one run's needs), and
 * nothing of a run outlives the next. The pack's bytes stay cached here and are copied in again.
 */
async function freshSession(): Promise<void> {
  const { module } = await engine();
  session?.delete();
  session = new module.Session();
  loadedPack = null;
  trainedRun = null;
}

async function train(p: RequestMap['train']['params']): Promise<TrainResult> {
  if (running) throw new MessageError('alreadyTraining');
  await freshSession();
  const session = await ensurePack(p.data.pack);
  running = true;
  paused = false;
  stopRequested = false;
  trainedRun = null;
  const offset = p.resume?.epochs_done ?? 0;
  try {
    // A saved optimizer state of another optimizer (the set-up changed since) does not fit: the
    // run then goes on with a fresh one, as Keras does after compile() with a new optimizer.
    const resume = p.resume;
    let iterations = resume && resume.state.optimizer.length > 0 ? resume.state.iterations : 0;
    const started = unwrapReply<{ batches_per_epoch: number }>(
      session.startTraining(
        p.modelJson,
        JSON.stringify({
          ...p.training,
          num_words: p.data.num_words,
          maxlen: p.data.maxlen,
          iterations,
          ...(resume ? { seed: continuedSeed(p.training.seed, offset) } : {}),
        }),
      ),
    );
    if (resume) {
      // The trainer has not run a batch yet: the saved buffers replace the fresh ones in place.
      writeState(session, 0, resume.state.weights, 'weights');
      if (resume.state.optimizer.length > 0)
        writeState(session, 1, resume.state.optimizer, 'optimizer state');
    }
    const totalBatches = started.batches_per_epoch * p.training.epochs;
    let done = 0;
    let busyMs = 0;
    let sliceBatches = 1;
    const targetSliceMs = 40;
    for (;;) {
      if (stopRequested) {
        unwrapReply(session.stopTraining());
        break;
      }
      if (paused) {
        await new Promise<void>((r) => (resumeWaiter = r));
        continue;
      }
      const t0 = performance.now();
      // An epoch's input_gradients come as one matrix row from the engine.
      type EngineEpoch = Omit<EpochLog, 'input_gradients'> & { input_gradients?: (number | null)[][] };
      const slice = unwrapReply<{
        batches: Omit<BatchEvent, 'event' | 'eta_seconds'>[];
        epochs: EngineEpoch[];
        finished: boolean;
      }>(session.runSlice(sliceBatches));
      const ms = performance.now() - t0;
      busyMs += ms;
      done += slice.batches.length;
      iterations += slice.batches.length;
      const perBatch = busyMs / Math.max(1, done);
      for (const b of slice.batches) {
        post({
          event: 'batch',
          ...b,
          epoch: b.epoch + offset,
          eta_seconds: (perBatch * Math.max(0, totalBatches - done)) / 1000,
        });
      }
      for (const e of slice.epochs)
        post({ event: 'epoch', ...e, epoch: e.epoch + offset, input_gradients: e.input_gradients?.[0] });
      // A slice ends at most one epoch: the state now is that epoch's.
      const last = slice.epochs[slice.epochs.length - 1];
      if (last) {
        const state = modelState(session, iterations);
        self.postMessage({ event: 'checkpoint', epoch: last.epoch + offset, state } satisfies WorkerEvent, [
          state.weights.buffer,
          state.optimizer.buffer,
        ]);
      }
      if (slice.finished) break;
      // Aim at slices of ~40 ms: short enough that a click is answered at once.
      sliceBatches = Math.max(1, Math.min(256, Math.round((sliceBatches * targetSliceMs) / Math.max(1, ms))));
      await yieldToMessages();
    }
    const raw = unwrapReply<Omit<TrainResult, 'stop_reason' | 'state'> & { stop_reason: string }>(
      session.finishTraining(),
    );
    const result: TrainResult = {
      ...raw,
      stop_reason: STOP_REASONS[raw.stop_reason] ?? 'stopped',
      history: raw.history.map((h) => ({ ...h, epoch: h.epoch + offset })),
      best_epoch: raw.best_epoch > 0 ? raw.best_epoch + offset : 0,
      state: modelState(session, iterations),
    };
    if (stopRequested && result.stop_reason !== 'nan') result.stop_reason = 'stopped';
    trainedRun = { numWords: p.data.num_words, maxlen: p.data.maxlen, pack: p.data.pack };
    modelJsonHere = p.modelJson;
    return result;
  } finally {
    running = false;
    paused = false;
  }
}

// ---- classify -----------------------------------------------------------------------------
async function encodeTyped(text: string, removed: readonly number[] = []) {
  if (running) throw new MessageError('modelTraining');
  if (!trainedRun) throw new MessageError('noTrainedModel');
  const index = await loadWordIndex();
  return encodeForModel(text, index, trainedRun.numWords, trainedRun.maxlen, undefined, removed);
}

/** The engine sends a non-finite output as null: a model whose weights diverged (a NaN run). */
function requireFinite(probability: number | null): number {
  if (typeof probability !== 'number' || !Number.isFinite(probability)) {
    throw new MessageError('outputNotNumber');
  }
  return probability;
}

async function classify(text: string): Promise<ClassifyResult> {
  const { session } = await engine();
  const enc = await encodeTyped(text);
  const out = unwrapReply<number[][]>(session.predict(JSON.stringify([enc.padded])));
  return {
    probability: requireFinite(positiveProbability(out[0])),
    tokens: enc.tokens,
    cut_omitted: enc.cutOmitted,
  };
}

async function traceReview({ text, removed }: ReviewParams): Promise<TraceResult> {
  const { session } = await engine();
  const enc = await encodeTyped(text, removed);
  const trace = traceOfKeptTokens(
    enc,
    unwrapReply<EngineTrace>(session.trace(JSON.stringify(enc.padded))),
    trainedRun?.numWords ?? 0,
  );
  requireFinite(trace.probability);
  return trace;
}

/** The trained model on every test review at once (one batched prediction), bucketed by length. */
async function testAccuracyByLength(): Promise<LengthAccuracy> {
  if (running) throw new MessageError('modelTraining');
  const pack = trainedRun?.pack;
  const bytes = pack && loadedPack === pack ? packBytes.get(pack) : undefined;
  if (!trainedRun || !bytes)
    throw new Error('Accuracy by length needs a model trained in this worker, on its data.');
  const { session } = await engine();
  const ids = session.dataView(trainedRun.numWords, trainedRun.maxlen, 4);
  const labels = session.dataView(trainedRun.numWords, trainedRun.maxlen, 5);
  if (typeof ids === 'string' || typeof labels === 'string')
    throw new Error(typeof ids === 'string' ? ids : String(labels));
  const count = labels.length;
  const time = trainedRun.maxlen;
  const probabilities = new Float64Array(count);
  // In chunks: the book's 25,000 test reviews at once would need the whole batch's activations.
  const CHUNK = 1000;
  for (let start = 0; start < count; start += CHUNK) {
    const n = Math.min(CHUNK, count - start);
    const out = unwrapReply<number[][]>(session.predictIds(ids.slice(start * time, (start + n) * time), n));
    out.forEach((row, i) => (probabilities[start + i] = positiveProbability(row)));
  }
  const { lengths, storedLength } = testLengths(bytes);
  return { split: 'test', count, buckets: accuracyByLength(lengths, labels, probabilities, storedLength) };
}

// ---- model files --------------------------------------------------------------------------
/** The model this worker holds (trained, opened or restored) and a copy of its weights. */
async function heldModel(): Promise<{ modelJson: string; weights: Float32Array<ArrayBuffer> }> {
  if (running) throw new MessageError('downloadWhileTraining');
  const weights = trainedRun
    ? ((await engine()).session.stateView(0)?.slice() as Float32Array<ArrayBuffer> | undefined)
    : undefined;
  if (!weights || !modelJsonHere) throw new MessageError('noModelToDownload');
  return { modelJson: modelJsonHere, weights };
}

/** The file formats live in a second module, fetched the first time a model file is made or read. */
function formats(): Promise<RnnFormatsModule> {
  formatsModule ??= import('../wasm/rnn_formats.mjs').then((m) => m.default());
  formatsModule.catch(() => (formatsModule = null));
  return formatsModule;
}

// ---- dispatch -----------------------------------------------------------------------------
type Handlers = {
  [K in keyof RequestMap]: (params: RequestMap[K]['params']) => Promise<RequestMap[K]['result']>;
};

const handlers: Handlers = {
  init: async () => engineInfo((await engine()).module),
  summarize: async ({ modelJson }) => summarizeModel((await engine()).module, modelJson),
  loadData: async (d: DataSettings): Promise<DataInfo> => {
    const session = await ensurePack(d.pack);
    return {
      pack: d.pack,
      ...unwrapReply<Omit<DataInfo, 'pack'>>(session.describeData(d.num_words, d.maxlen, 5)),
    };
  },
  train,
  pause: async () => {
    if (running && !paused) {
      paused = true;
      post({ event: 'paused' });
    }
    return { paused };
  },
  resume: async () => {
    if (paused) {
      paused = false;
      post({ event: 'resumed' });
      resumeWaiter?.();
      resumeWaiter = null;
    }
    return { paused };
  },
  stop: async () => {
    if (running) {
      stopRequested = true;
      if (paused) {
        paused = false;
        resumeWaiter?.();
        resumeWaiter = null;
      }
    }
    return { stopping: running };
  },
  exportTfjs: async () => {
    const { weights, modelJson } = await heldModel();
    const { model_json } = unwrapReply<{ model_json: string }>((await formats()).tfjsModelJson(modelJson));
    return { modelJson: model_json, weights };
  },
  exportKeras: async ({ compile }) => {
    const { weights, modelJson } = await heldModel();
    const archive = unwrapReply<Omit<KerasArchive, 'weights'>>(
      (await formats()).kerasSave(modelJson, JSON.stringify(compile)),
    );
    return { ...archive, weights };
  },
  describeModelFile: async (file) => {
    const f = await formats();
    return unwrapReply<RequestMap['describeModelFile']['result']>(
      file.format === 'keras'
        ? f.kerasOpen(file.configJson, file.listingJson)
        : f.h5ModelOpen(file.listingJson),
    );
  },
  openTfjsFile: async ({ modelJson, weightsBin }) =>
    tfjsOpened(unwrapReply<TfjsOpenValue>((await formats()).tfjsOpen(modelJson, weightsBin))),
  exportData: async (d) => {
    if (running && loadedPack !== d.pack) throw new MessageError('otherPackTraining');
    return exportedData(await ensurePack(d.pack), d);
  },
  loadModel: async ({ modelJson, weights, data }) => {
    if (running) throw new MessageError('workerTraining');
    const { session } = await engine();
    const loaded = unwrapReply<{ total_params: number }>(session.loadModel(modelJson));
    writeState(session, 0, weights, 'weights');
    trainedRun = { numWords: data.num_words, maxlen: data.maxlen };
    modelJsonHere = modelJson;
    return loaded;
  },
  classify: async ({ text }) => classify(text),
  traceReview,
  testAccuracyByLength,
  memory: async () => {
    const { module } = await engine();
    return {
      allocator_bytes_in_use: module.allocatorBytesInUse(),
      emval_handles: module.count_emval_handles(),
    };
  },
};

self.onmessage = async (e: MessageEvent<Request>) => {
  const req = e.data;
  let reply: Reply;
  try {
    const handler = handlers[req.kind] as (p: unknown) => Promise<unknown>;
    if (!handler) throw new Error(`Unknown request '${String(req.kind)}'`);
    reply = { id: req.id, ok: true, value: await handler(req.params) };
  } catch (err) {
    reply = {
      id: req.id,
      ok: false,
      error: err instanceof Error ? err.message : String(err),
      ...codeOf(err),
    };
    // A trap inside WebAssembly leaves the module unusable: say so, and let the page start a new worker.
    if (err instanceof WebAssembly.RuntimeError) {
      const trapped = new MessageError('engineTrapped', err.message);
      post({ event: 'fatal', error: trapped.message, ...codeOf(trapped) });
    }
  }
  post(reply);
};

self.addEventListener('unhandledrejection', (e) => post({ event: 'fatal', error: String(e.reason) }));
