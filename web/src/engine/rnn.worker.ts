// The engine worker: owns one WebAssembly module and one engine Session (worker-session.ts), and
// answers the requests of protocol.ts, each by its handler below: data (worker-data.ts), training
// (worker-training.ts: in slices of batches, so pause / resume / stop are answered while a run is
// going), reviews (worker-review.ts) and model files (the formats module, here).
/// <reference lib="webworker" />
import type { RnnFormatsModule } from '../wasm/rnn_formats.mjs';
import type { KerasArchive } from '../files/formats-api';
import { tfjsOpened, type TfjsOpenValue } from '../files/tfjs-opened';
import { codeOf, MessageError } from '../i18n/message';
import { engineInfo, exportedData, summarizeModel, unwrapReply } from './engine-api';
import type { DataInfo, DataSettings, Reply, Request, RequestMap } from './protocol';
import { ensurePack, forgetLoadedPack, isLoaded } from './worker-data';
import { classify, testAccuracyByLength, traceReview } from './worker-review';
import { engine, held, post, replaceSession } from './worker-session';
import { isTraining, pause, resume, stop, train, writeState } from './worker-training';

let formatsModule: Promise<RnnFormatsModule> | null = null;

/**
 * Each training run gets a fresh engine Session, the last run's deleted first: a run then starts
 * from an empty engine (the previous run's data, trainer and model are not held while the new
 * ones are built, so the module's memory, which never shrinks, grows only to one run's needs), and
 * nothing of a run outlives the next. The pack's bytes stay cached here and are copied in again.
 */
async function freshSession(): Promise<void> {
  await replaceSession();
  forgetLoadedPack();
  held.run = null;
}

// ---- model files --------------------------------------------------------------------------
/** The model this worker holds (trained, opened or restored) and a copy of its weights. */
async function heldModel(): Promise<{ modelJson: string; weights: Float32Array<ArrayBuffer> }> {
  if (isTraining()) throw new MessageError('downloadWhileTraining');
  const weights = held.run
    ? ((await engine()).session.stateView(0)?.slice() as Float32Array<ArrayBuffer> | undefined)
    : undefined;
  if (!weights || !held.modelJson) throw new MessageError('noModelToDownload');
  return { modelJson: held.modelJson, weights };
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
  train: (p) => train(p, freshSession),
  pause: async () => pause(),
  resume: async () => resume(),
  stop: async () => stop(),
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
    if (isTraining() && !isLoaded(d.pack)) throw new MessageError('otherPackTraining');
    return exportedData(await ensurePack(d.pack), d);
  },
  loadModel: async ({ modelJson, weights, data }) => {
    if (isTraining()) throw new MessageError('workerTraining');
    const { session } = await engine();
    const loaded = unwrapReply<{ total_params: number }>(session.loadModel(modelJson));
    writeState(session, 0, weights, 'weights');
    held.run = { numWords: data.num_words, maxlen: data.maxlen };
    held.modelJson = modelJson;
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
