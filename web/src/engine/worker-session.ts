/// <reference lib="webworker" />
// What the engine worker (rnn.worker.ts) holds between requests: its one WebAssembly module, its
// engine Session, and the model it holds (trained here, or loaded from a run or a file). Shared by
// the worker's parts: data (worker-data.ts), training (worker-training.ts) and reviews
// (worker-review.ts).
import createRnnEngine, { type EngineSession, type RnnEngineModule } from '../wasm/rnn_engine.mjs';
import type { DataPackId, Reply, WorkerEvent } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

export const post = (m: WorkerEvent | Reply) => self.postMessage(m);

let modulePromise: Promise<RnnEngineModule> | null = null;
/** Holds the loaded pack and the last training run (its model serves classify and trace). */
let session: EngineSession | null = null;

export async function engine(): Promise<{ module: RnnEngineModule; session: EngineSession }> {
  modulePromise ??= createRnnEngine();
  const module = await modulePromise;
  session ??= new module.Session();
  return { module, session };
}

/** Deletes the Session (and all it holds) and starts an empty one. */
export async function replaceSession(): Promise<void> {
  const { module } = await engine();
  session?.delete();
  session = new module.Session();
}

/** `pack`: the data the run trained on, still loaded (absent for a loaded model: no data with it). */
export interface Run {
  numWords: number;
  maxlen: number;
  pack?: DataPackId;
}

/**
 * The model this worker holds: `run` is how it reads reviews (null before any model), `modelJson`
 * its model text (for the downloads).
 */
export const held: { run: Run | null; modelJson: string | null } = { run: null, modelJson: null };
