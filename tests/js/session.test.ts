// The engine Session through the real .wasm in Node: a data pack loaded from its bytes, a short
// seeded training run in slices, a test evaluation, predictions and a trace, and bad input answered
// with messages (never a trap).
import { readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EngineError, unwrapReply } from '../../web/src/engine/engine-api';
import type { EpochLog, TrainResult } from '../../web/src/engine/protocol';
import { presets } from '../../web/src/presets/presets';
import type { EngineSession } from '../../web/src/wasm/rnn_engine.mjs';
import { loadEngine } from './helpers/wasm';

const quickPack = new URL('../../build/data/imdb-quick.pack', import.meta.url);

function lstmJson(): string {
  return JSON.stringify(presets.find((p) => p.id === 'lstm')!.model);
}

/** Runs `body` with a new engine Session, deleted afterwards whatever happens. */
async function withSession(body: (s: EngineSession) => Promise<void> | void): Promise<void> {
  const m = await loadEngine();
  const s = new m.Session();
  try {
    await body(s);
  } finally {
    s.delete();
  }
}

describe('engine session (WebAssembly in Node)', () => {
  it('has the quick pack built', () => {
    expect(existsSync(quickPack), 'build/data/imdb-quick.pack is missing: run npm run build').toBe(true);
  });

  it('loads the quick pack and describes it', () =>
    withSession(async (s) => {
      const info = unwrapReply<{ train_count: number; validation_count: number; test_count: number }>(
        s.loadPack(new Uint8Array(readFileSync(quickPack))),
      );
      expect([info.train_count, info.validation_count, info.test_count]).toEqual([2000, 500, 1000]);
      const d = unwrapReply<{
        samples: { ids: number[]; label: number }[];
        length_histogram: { count: number }[];
        median_length: number;
      }>(s.describeData(500, 100, 3));
      expect(d.samples).toHaveLength(3);
      for (const sample of d.samples) {
        expect(sample.ids).toHaveLength(100);
        expect(Math.max(...sample.ids)).toBeLessThan(500);
      }
      expect(d.length_histogram.reduce((a, b) => a + b.count, 0)).toBe(2000);
      expect(d.median_length).toBeGreaterThan(100);
    }));

  it('rejects a corrupt pack with a message and keeps working', () =>
    withSession(async (s) => {
      const bytes = new Uint8Array(readFileSync(quickPack));
      bytes[bytes.length - 100] ^= 0xff;
      expect(() => unwrapReply(s.loadPack(bytes))).toThrowError(EngineError);
      expect(() => unwrapReply(s.loadPack(bytes.subarray(0, 1000)))).toThrowError(/truncat|size|short/i);
      expect(() => unwrapReply(s.startTraining(lstmJson(), '{}'))).toThrowError(/load a data pack/);
      expect(() => unwrapReply(s.predict('[[1,2,3]]'))).toThrowError(/no trained model/);
    }));

  it('trains the LSTM preset for three short epochs in slices, then evaluates and predicts', () =>
    withSession(async (s) => {
      unwrapReply(s.loadPack(new Uint8Array(readFileSync(quickPack))));
      const started = unwrapReply<{ batches_per_epoch: number }>(
        s.startTraining(
          lstmJson(),
          JSON.stringify({
            num_words: 500,
            maxlen: 100,
            optimizer: 'rmsprop',
            learning_rate: 5e-3,
            batch_size: 64,
            epochs: 3,
            seed: 7,
          }),
        ),
      );
      expect(started.batches_per_epoch).toBe(Math.ceil(2000 / 64));
      const epochs: EpochLog[] = [];
      let batches = 0;
      for (let guard = 0; guard < 1000; guard++) {
        const slice = unwrapReply<{ batches: unknown[]; epochs: EpochLog[]; finished: boolean }>(
          s.runSlice(5),
        );
        batches += slice.batches.length;
        epochs.push(...slice.epochs);
        if (slice.finished) break;
      }
      expect(batches).toBe(3 * started.batches_per_epoch);
      expect(epochs.map((e) => e.epoch)).toEqual([1, 2, 3]);
      const r = unwrapReply<TrainResult>(s.finishTraining());
      // Issue 5's bar for a seeded short run on the quick pack: validation accuracy above 0.65.
      expect(Math.max(...epochs.map((e) => e.val_accuracy ?? NaN))).toBeGreaterThan(0.65);
      expect(r.test_accuracy).toBeGreaterThan(0.6);
      expect(r.test_loss).toBeLessThan(0.69);
      expect(r.total_params).toBe(8809);
      const probs = unwrapReply<number[][]>(
        s.predict(JSON.stringify([new Array(100).fill(0).map((_, i) => (i < 90 ? 0 : i % 50))])),
      );
      expect(probs[0][0]).toBeGreaterThan(0);
      expect(probs[0][0]).toBeLessThan(1);
      const ids = new Array(100).fill(0).map((_, i) => (i < 95 ? 0 : 4 + i));
      const t = unwrapReply<{
        output: number[][];
        per_step: number[][];
        layers: { hidden: number[][]; values: number[][] }[];
      }>(s.trace(JSON.stringify(ids)));
      expect(t.per_step).toHaveLength(100);
      expect(t.per_step[99][0]).toBeCloseTo(t.output[0][0], 6);
      const p = unwrapReply<number[][]>(s.predict(JSON.stringify([ids])));
      expect(t.output[0][0]).toBeCloseTo(p[0][0], 6);
      expect(t.layers[0].hidden).toHaveLength(100);
      expect(t.layers[0].hidden[0]).toHaveLength(8);
      // The LSTM's gate values i, f, g, o (8 units each) at every step; the gates are sigmoids in (0, 1).
      expect(t.layers[0].values[0]).toHaveLength(32);
      for (const col of [0, 8, 24]) expect(t.layers[0].values[99][col]).toBeGreaterThan(0);
      expect(() => unwrapReply(s.predict('[[1,2]]'))).toThrowError(/100 steps/);
      // The binary entry point gives the same numbers as the JSON one.
      const flat = new Int32Array([
        ...ids,
        ...new Array(100).fill(0).map((_, i) => (i < 50 ? 0 : 3 + (i % 400))),
      ]);
      const viaIds = unwrapReply<number[][]>(s.predictIds(flat, 2));
      const viaJson = unwrapReply<number[][]>(
        s.predict(JSON.stringify([Array.from(flat.subarray(0, 100)), Array.from(flat.subarray(100))])),
      );
      expect(viaIds).toEqual(viaJson);
      expect(() => unwrapReply(s.predictIds(new Int32Array(150), 2))).toThrowError(/100 steps/);
      expect(() => unwrapReply(s.predictIds(new Int32Array(100).fill(9999), 1))).toThrowError(
        /outside the vocabulary/,
      );
      expect(() => unwrapReply(s.predict(JSON.stringify([new Array(100).fill(600)])))).toThrowError(
        /outside the vocabulary/,
      );
    }));
});
