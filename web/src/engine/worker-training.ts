/// <reference lib="webworker" />
// The engine worker's training: a run in slices of batches (between slices the worker reads its
// messages, so pause / resume / stop are answered while a run is going), its events, checkpoints
// and result, and the saved state a continued run or a loaded model starts from.
import type { EngineSession } from '../wasm/rnn_engine.mjs';
import { MessageError } from '../i18n/message';
import { unwrapReply } from './engine-api';
import type { BatchEvent, EpochLog, ModelState, RequestMap, TrainResult, WorkerEvent } from './protocol';
import { ensurePack } from './worker-data';
import { held, post } from './worker-session';

declare const self: DedicatedWorkerGlobalScope;

let running = false;
let paused = false;
let stopRequested = false;
let resumeWaiter: (() => void) | null = null;

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
export function writeState(
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

/** Whether a run is going (the model then serves nothing else). */
export function isTraining(): boolean {
  return running;
}

/**
 * Trains the request's model on its pack in slices of batches, posting batch, epoch and checkpoint
 * events; replies when training ends. `freshSession` empties the engine before the run.
 */
export async function train(
  p: RequestMap['train']['params'],
  freshSession: () => Promise<void>,
): Promise<TrainResult> {
  if (running) throw new MessageError('alreadyTraining');
  await freshSession();
  const session = await ensurePack(p.data.pack);
  running = true;
  paused = false;
  stopRequested = false;
  held.run = null;
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
    held.run = { numWords: p.data.num_words, maxlen: p.data.maxlen, pack: p.data.pack };
    held.modelJson = p.modelJson;
    return result;
  } finally {
    running = false;
    paused = false;
  }
}

/** Lets a paused run go on. */
function wake(): void {
  paused = false;
  resumeWaiter?.();
  resumeWaiter = null;
}

export function pause(): { paused: boolean } {
  if (running && !paused) {
    paused = true;
    post({ event: 'paused' });
  }
  return { paused };
}

export function resume(): { paused: boolean } {
  if (paused) {
    post({ event: 'resumed' });
    wake();
  }
  return { paused };
}

export function stop(): { stopping: boolean } {
  if (running) {
    stopRequested = true;
    if (paused) wake();
  }
  return { stopping: running };
}
