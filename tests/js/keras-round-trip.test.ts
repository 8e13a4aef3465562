// Issue 18's round trips on the page's own path, for every trainable preset: `Download .keras` (the
// formats module's kerasSave, h5wasm writing model.weights.h5 as the HDF5 worker does, fflate's
// zip) and `Download TF.js model` (tfjsModelJson, the zip of model.json and weights.bin), then
// `Open a model` on each (openModelFiles: the zip and superblock checks, h5wasm's walk, the
// formats module's kerasOpen or tfjsOpen, the float32 gathering), then the engine loads what was
// opened as the worker's loadModel does. The opened model must be the saved one: the same architecture (the
// canonical Keras config kerasSave writes for it, and the summary), bit-identical weights, and the
// same predictions on the same reviews, to the last bit.
//
// The saved weights are distinct values in every slot rather than trained ones: a trained or freshly
// initialised model has zero or constant biases (Keras' initialisers), under which a bias written
// to the wrong place, or two gates swapped, would go unseen; a different value in every slot
// cannot. Training is not what is under test here (the Playwright model-files journey trains).
import * as h5wasm from 'h5wasm/node';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarizeModel, unwrapReply } from '../../web/src/engine/engine-api';
import type { RequestMap } from '../../web/src/engine/protocol';
import type { KerasArchive } from '../../web/src/files/formats-api';
import { walkH5, writeH5, type H5Api } from '../../web/src/files/h5-core';
import { kerasFile, kerasFileName } from '../../web/src/files/keras-file';
import { openModelFiles, type OpenDeps } from '../../web/src/files/open-model';
import { tfjsOpened, type TfjsOpenValue } from '../../web/src/files/tfjs-opened';
import { tfjsZip, tfjsZipName } from '../../web/src/export/notebook-files';
import { SeededRng } from '../../web/src/data/rng';
import { presets } from '../../web/src/presets/presets';
import type { EngineSession, RnnEngineModule } from '../../web/src/wasm/rnn_engine.mjs';
import type { RnnFormatsModule } from '../../web/src/wasm/rnn_formats.mjs';
import { loadEngine, loadFormats } from './helpers/wasm';

const dir = mkdtempSync(join(tmpdir(), 'rnn-round-trip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let h5: H5Api;
let engine: RnnEngineModule;
let formats: RnnFormatsModule;
let scratch = 0;
beforeAll(async () => {
  const m = await h5wasm.ready;
  h5 = { File: h5wasm.File, FS: m.FS as unknown as H5Api['FS'] };
  [engine, formats] = await Promise.all([loadEngine(), loadFormats()]);
});

/** Uniform numbers in [0, 1) from the engine's seeded generator: the same weights and reviews on every run. */
function random(seed: number): () => number {
  const rng = new SeededRng(seed);
  return () => rng.below(2 ** 24) / 2 ** 24;
}

const GOLDEN = (Math.sqrt(5) - 1) / 2;

/** A session holding `modelJson` with these weights, as the worker's loadModel leaves it. */
function sessionWith(modelJson: string, weights: Float32Array): EngineSession {
  const session = new engine.Session();
  unwrapReply(session.loadModel(modelJson));
  const view = session.stateView(0)!;
  expect(view.length).toBe(weights.length);
  view.set(weights);
  return session;
}

/** The model's probabilities for `count` reviews of random ids (flat, sample-major). */
function predictions(session: EngineSession, ids: Int32Array, count: number): number[][] {
  return unwrapReply<number[][]>(session.predictIds(ids, count));
}

/** The first index whose float32 bits differ (or the shorter length), -1 when bit-identical. */
function firstDifference(a: Float32Array, b: Float32Array): number {
  const x = new Uint32Array(a.buffer, a.byteOffset, a.length);
  const y = new Uint32Array(b.buffer, b.byteOffset, b.length);
  for (let k = 0; k < Math.min(x.length, y.length); k++) if (x[k] !== y[k]) return k;
  return x.length === y.length ? -1 : Math.min(x.length, y.length);
}

const trainable = presets.filter((p) => p.summary_only === null);

const deps: OpenDeps = {
  // The engine worker's describeModelFile and openTfjsFile, on the same formats module.
  describe: async (file) =>
    unwrapReply<RequestMap['describeModelFile']['result']>(
      file.format === 'keras'
        ? formats.kerasOpen(file.configJson, file.listingJson)
        : formats.h5ModelOpen(file.listingJson),
    ),
  walkH5: async (b) => walkH5(h5, join(dir, `r${++scratch}.h5`), b),
  openTfjs: async ({ modelJson, weightsBin }) =>
    tfjsOpened(unwrapReply<TfjsOpenValue>(formats.tfjsOpen(modelJson, weightsBin))),
};

describe('.keras and TF.js round trips on the page path, every trainable preset', () => {
  it('covers every preset that can be trained', () => {
    expect(trainable.map((p) => p.id)).toEqual(presets.filter((p) => !p.summary_only).map((p) => p.id));
    expect(trainable.length).toBeGreaterThanOrEqual(13);
  });

  it.each(trainable.map((p, i) => [p.id, p, i] as const))(
    '%s: opened again with the same architecture, bit-identical weights and the same predictions',
    async (_id, preset, i) => {
      const modelJson = JSON.stringify(preset.model);
      const summary = summarizeModel(engine, modelJson);
      // A different value in every slot, in [-0.5, 0.5): the golden-ratio sequence (the engine's
      // generator would cost a second for the blog's 322,113 weights).
      const saved = Float32Array.from(
        { length: summary.total_params },
        (_, k) => ((k * GOLDEN + i / 13) % 1) - 0.5,
      );
      const next = random(1000 + i);
      const before = sessionWith(modelJson, saved);
      const weights = before.stateView(0)!.slice(); // the worker's heldModel()

      // Download .keras, as the share panel and the worker's exportKeras make it.
      const compile = { optimizer: preset.training.optimizer, learning_rate: preset.training.learning_rate };
      const archive: KerasArchive = {
        ...unwrapReply<Omit<KerasArchive, 'weights'>>(formats.kerasSave(modelJson, JSON.stringify(compile))),
        weights,
      };
      const keras = await kerasFile(archive, async (d, g) =>
        writeH5(h5, join(dir, `w${++scratch}.h5`), d, g),
      );
      // Download TF.js model, as the worker's exportTfjs and the share panel make it.
      const tfjsJson = unwrapReply<{ model_json: string }>(formats.tfjsModelJson(modelJson)).model_json;
      const files = [
        { format: 'keras', name: kerasFileName(archive.config_json), bytes: keras },
        { format: 'tfjs', name: tfjsZipName(tfjsJson), bytes: tfjsZip(tfjsJson, weights) },
      ] as const;

      // The same predictions, to the last bit, on 12 reviews of random ids (the model's own length
      // and vocabulary: Embedding's input_dim, or the one-hot width).
      const steps = Number(/\(None, (\d+)/.exec(summary.input_shape)![1]);
      const first = summary.rows[0];
      const vocab =
        first.type === 'Embedding'
          ? first.params / Number(/(\d+)\)$/.exec(first.output_shape)![1])
          : Number(/(\d+)\)$/.exec(summary.input_shape)![1]);
      const count = 12;
      const ids = Int32Array.from({ length: count * steps }, () => Math.floor(next() * vocab));
      const p = predictions(before, ids, count);
      expect(p).toHaveLength(count);
      expect(p.flat().every((x) => Number.isFinite(x) && x > 0 && x < 1)).toBe(true);
      expect(new Set(p.flat()).size).toBeGreaterThan(1); // the reviews tell apart: not a constant

      for (const file of files) {
        // Open a model, as the open panel reads the picked file.
        const opened = await openModelFiles(
          [{ name: file.name, size: file.bytes.length, arrayBuffer: async () => file.bytes.slice().buffer }],
          deps,
        );
        expect(opened.format, file.name).toBe(file.format);
        expect(opened.notes, file.name).toEqual([]);

        // The same architecture: Keras' config of the opened model is the saved one's, key for key.
        const reopened = unwrapReply<{ config_json: string }>(
          formats.kerasSave(opened.modelJson, JSON.stringify(compile)),
        );
        expect(JSON.parse(reopened.config_json), file.name).toEqual(JSON.parse(archive.config_json));
        const openedSummary = summarizeModel(engine, opened.modelJson);
        expect(openedSummary.rows, file.name).toEqual(summary.rows);
        expect(openedSummary.text, file.name).toBe(summary.text);

        // Bit-identical weights, in the file and in the engine that loaded it (the worker's loadModel).
        expect(firstDifference(opened.weights, saved), file.name).toBe(-1);
        const after = sessionWith(opened.modelJson, opened.weights);
        expect(firstDifference(after.stateView(0)!.slice(), saved), file.name).toBe(-1);
        expect(predictions(after, ids, count), file.name).toEqual(p);
        after.delete();
      }
      before.delete();
    },
  );
});
