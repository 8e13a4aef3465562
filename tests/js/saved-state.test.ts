// A saved run through the real .wasm in Node (what the Runs tab keeps): its weights and optimizer
// state read out of the session, written into a fresh one, predict the same numbers and go on
// training where the run stopped. One batch per epoch (batch size = the training split, no
// dropout), so the next epoch's update does not depend on the shuffled order: two epochs in one
// run and one epoch + one resumed epoch must give the same weights.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { unwrapReply } from '../../web/src/engine/engine-api';
import { presets } from '../../web/src/presets/presets';
import type { EngineSession, RnnEngineModule } from '../../web/src/wasm/rnn_engine.mjs';
import { loadEngine } from './helpers/wasm';

const quickPack = new Uint8Array(readFileSync(new URL('../../build/data/imdb-quick.pack', import.meta.url)));
const model = JSON.stringify(presets.find((p) => p.id === 'lstm')!.model);

function settings(optimizer: string, epochs: number, iterations = 0) {
  return JSON.stringify({
    optimizer,
    learning_rate: 0.01,
    batch_size: 2000,
    epochs,
    patience: 0,
    seed: 7,
    num_words: 500,
    maxlen: 100,
    iterations,
  });
}

function session(m: RnnEngineModule): EngineSession {
  const s = new m.Session();
  unwrapReply(s.loadPack(quickPack));
  return s;
}

function runToEnd(s: EngineSession): void {
  while (!unwrapReply<{ finished: boolean }>(s.runSlice(64)).finished) {
    /* next slice */
  }
}

const copy = (s: EngineSession, which: 0 | 1) => s.stateView(which)!.slice();

function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d;
}

describe('saved weights and optimizer state (WebAssembly in Node)', () => {
  it('a loaded model predicts exactly what the trained one did', async () => {
    const m = await loadEngine();
    const trained = session(m);
    const loaded = new m.Session();
    try {
      unwrapReply(trained.startTraining(model, settings('rmsprop', 1)));
      runToEnd(trained);
      const weights = copy(trained, 0);
      expect(weights.length).toBe(8809);
      expect(loaded.stateView(0)).toBeNull();
      unwrapReply(loaded.loadModel(model));
      expect(loaded.stateView(1)).toBeNull(); // no run, no optimizer state
      loaded.stateView(0)!.set(weights);
      const reviews = JSON.stringify([
        Array.from({ length: 100 }, (_, i) => (i * 37) % 500),
        Array(100).fill(0),
      ]);
      expect(unwrapReply(loaded.predict(reviews))).toEqual(unwrapReply(trained.predict(reviews)));
    } finally {
      trained.delete();
      loaded.delete();
    }
  });

  for (const optimizer of ['rmsprop', 'adam']) {
    it(`${optimizer}: one epoch, saved, resumed for one more equals two epochs in one run`, async () => {
      const m = await loadEngine();
      const whole = session(m);
      const first = session(m);
      const resumed = session(m);
      const fresh = session(m);
      try {
        unwrapReply(whole.startTraining(model, settings(optimizer, 2)));
        runToEnd(whole);
        unwrapReply(first.startTraining(model, settings(optimizer, 1)));
        runToEnd(first);
        const weights = copy(first, 0);
        const state = copy(first, 1);
        expect(state.length).toBe(optimizer === 'adam' ? 2 * 8809 : 8809);

        // One batch per epoch: the saved run has made one update.
        unwrapReply(resumed.startTraining(model, settings(optimizer, 1, 1)));
        resumed.stateView(0)!.set(weights);
        resumed.stateView(1)!.set(state);
        runToEnd(resumed);
        expect(maxAbsDiff(copy(resumed, 0), copy(whole, 0))).toBeLessThan(1e-6);
        expect(maxAbsDiff(copy(resumed, 1), copy(whole, 1))).toBeLessThan(1e-6);

        // The same weights with a fresh optimizer take another step: the state is what matters.
        unwrapReply(fresh.startTraining(model, settings(optimizer, 1)));
        fresh.stateView(0)!.set(weights);
        runToEnd(fresh);
        expect(maxAbsDiff(copy(fresh, 0), copy(whole, 0))).toBeGreaterThan(1e-4);
      } finally {
        for (const s of [whole, first, resumed, fresh]) s.delete();
      }
    });
  }
});
