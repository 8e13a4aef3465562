// The cell anatomy's numbers through the real .wasm: after a short training run, a step copied
// with `Copy step as JSON` (stepJson over the worker's trace) satisfies its cell's equations with
// the model's own weights (the trace carries them) to 1e-5, for every cell type, GRU reset_after
// both ways, one-hot input and the upper layer of a stack; the terms the page lists for a
// pre-activation add up to the engine's; the state entering the first kept step is the one the
// padding left; the occlusion outputs equal separate predictions; the input gradients cover every
// step.
import { describe, expect, it } from 'vitest';
import { unwrapReply } from '../../web/src/engine/engine-api';
import type { LayerSteps } from '../../web/src/engine/protocol';
import { traceOfKeptTokens, type EngineTrace } from '../../web/src/data/review-encoding';
import { presets } from '../../web/src/presets/presets';
import { preActivationTerms } from '../../web/src/ui/classify/contributions';
import { stepJson } from '../../web/src/ui/classify/step-json';
import { briefTraining } from './helpers/trained-session';

type Json = Record<string, unknown>;
function presetModel(id: string): Json {
  return JSON.parse(JSON.stringify(presets.find((p) => p.id === id)!.model)) as Json;
}
function layersOf(model: Json): Json[] {
  return (model.config as Json).layers as Json[];
}

/** The GRU preset with reset_after=False; the 2-layer LSTM with its upper LSTM made a GRU. */
function gruResetBefore(): Json {
  const m = presetModel('gru');
  for (const l of layersOf(m)) if (l.class_name === 'GRU') (l.config as Json).reset_after = false;
  return m;
}
function lstmOverGru(): Json {
  const m = presetModel('lstm-2layer');
  const recurrent = layersOf(m).filter((l) => l.class_name === 'LSTM');
  recurrent[1].class_name = 'GRU';
  return m;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const dot = (x: readonly number[], w: readonly number[][], col: number) =>
  x.reduce((a, v, k) => a + v * w[k][col], 0);

/** Keras' cell equations on a copied step with the layer's kernel W, recurrent kernel U and bias. */
function checkStep(kind: LayerSteps['kind'], resetAfter: boolean, step: Json, weights: number[][][]) {
  const [W, U, B] = weights;
  const x = step.x as number[];
  const hp = step.h_prev as number[];
  const h = step.h as number[];
  const u = h.length;
  const b = (c: number) => B[0][c];
  const close = (a: number, e: number) => expect(Math.abs(a - e)).toBeLessThan(1e-5);
  const gates = step.gates as Record<string, number[]>;
  for (let j = 0; j < u; j++) {
    const pre = (g: number) => dot(x, W, g * u + j) + dot(hp, U, g * u + j) + b(g * u + j);
    if (kind === 'SimpleRNN') {
      close(h[j], Math.tanh(pre(0)));
      expect(gates).toEqual({});
    } else if (kind === 'LSTM') {
      const cp = step.c_prev as number[];
      const c = step.c as number[];
      close(gates.i[j], sigmoid(pre(0)));
      close(gates.f[j], sigmoid(pre(1)));
      close(gates.g[j], Math.tanh(pre(2)));
      close(gates.o[j], sigmoid(pre(3)));
      close(c[j], gates.f[j] * cp[j] + gates.i[j] * gates.g[j]);
      close(h[j], gates.o[j] * Math.tanh(c[j]));
    } else {
      const rec = (g: number) => (resetAfter ? B[1][g * u + j] : 0);
      close(gates.z[j], sigmoid(pre(0) + rec(0)));
      close(gates.r[j], sigmoid(pre(1) + rec(1)));
      const col = 2 * u + j;
      const hh = resetAfter
        ? dot(x, W, col) + b(col) + gates.r[j] * (dot(hp, U, col) + rec(2))
        : dot(x, W, col) + b(col) + hp.reduce((a, v, k) => a + gates.r[k] * v * U[k][col], 0);
      close(gates.hh[j], Math.tanh(hh));
      close(h[j], gates.z[j] * hp[j] + (1 - gates.z[j]) * gates.hh[j]);
    }
  }
}

const cases: { name: string; model: () => Json; numWords: number }[] = [
  { name: 'LSTM on an Embedding', model: () => presetModel('lstm'), numWords: 500 },
  { name: 'GRU, reset_after=True', model: () => presetModel('gru'), numWords: 500 },
  { name: 'GRU, reset_after=False', model: gruResetBefore, numWords: 500 },
  { name: 'SimpleRNN on one-hot input', model: () => presetModel('onehot-simplernn-200'), numWords: 200 },
  { name: 'LSTM under a GRU (stack)', model: lstmOverGru, numWords: 500 },
];

describe('cell anatomy numbers (WebAssembly in Node)', () => {
  for (const c of cases) {
    it(`${c.name}: a copied step satisfies its cell's equations with the model's weights`, async () => {
      const s = await briefTraining(c.model(), c.numWords, 'epoch');
      try {
        // 90 padding steps, then a ten-token review (start token, words, one OOV id 2).
        const review = [1, 14, 22, 2, 9, 120, 35, 7, 61, 18];
        const padded = [...new Array(100 - review.length).fill(0), ...review];
        const raw = unwrapReply<EngineTrace>(s.trace(JSON.stringify(padded)));
        const tokens = review.map((id, i) => ({ text: `w${i}`, id, oov: id === 2, cut: false, pos: i }));
        const tr = traceOfKeptTokens({ padded, tokens, cutOmitted: 0, firstKeptStep: 90 }, raw, c.numWords);
        for (const [li, layer] of tr.layers.entries()) {
          expect(layer.hidden).toHaveLength(review.length);
          // The state entering the first kept step is what the 90 padding steps left, not zeros.
          expect(layer.h_prev[0]).toEqual(raw.layers[li].hidden[89]);
          expect(Math.max(...layer.h_prev[0].map(Math.abs))).toBeGreaterThan(1e-4);
          for (const t of [0, 3, review.length - 1]) {
            const step = stepJson(layer, t, tokens[t].text);
            expect(Object.keys(step)).toEqual(
              layer.kind === 'LSTM'
                ? ['layer', 't', 'token', 'x', 'h_prev', 'c_prev', 'gates', 'c', 'h']
                : ['layer', 't', 'token', 'x', 'h_prev', 'gates', 'h'],
            );
            // What the clipboard receives: JSON text, parsed back.
            checkStep(layer.kind, layer.reset_after, JSON.parse(JSON.stringify(step)) as Json, layer.weights);
            // The terms the page lists add up to the engine's pre-activation, for every gate and unit.
            layer.pre[t].forEach((pre, col) =>
              expect(Math.abs(preActivationTerms(layer, t, col).total - pre)).toBeLessThan(1e-5),
            );
          }
          if (li > 0) expect(layer.x).toEqual(tr.layers[li - 1].hidden); // the upper layer reads h
        }
        // Occlusion: each kept token replaced by id 2, equal to separate predictions.
        expect(tr.occlusion).toHaveLength(review.length);
        const variants = review.map((_, k) => padded.map((id, t) => (t === 90 + k ? 2 : id)));
        const separate = unwrapReply<number[][]>(s.predict(JSON.stringify(variants)));
        tr.occlusion.forEach((p, k) => expect(p).toBeCloseTo(separate[k][0], 6));
        expect(tr.occlusion[3]).toBeCloseTo(tr.probability, 6); // already the OOV id
        expect(tr.input_gradients).toHaveLength(review.length);
        for (const g of tr.input_gradients) expect(g).toBeGreaterThan(0);
      } finally {
        s.delete();
      }
    }, 60_000);
  }
});
