// The terms of one pre-activation, listed for the cell anatomy from the layer's own weights (the
// engine sends them with the trace): which inputs made the engine's pre-activation what it is.
//   LSTM, SimpleRNN: pre_c = Σ_k x_k W_kc + Σ_k h_k U_kc + b_c
//   GRU z, r:        the same, bias b_in,c + b_rec,c (reset_after)
//   GRU h̃, reset_after: Σ_k x_k W_kc + r_j (Σ_k h_k U_kc + b_rec,c) + b_in,c — each recurrent
//                    term and the recurrent bias scaled by r_j
//   GRU h̃, reset_before: Σ_k x_k W_kc + Σ_k (r ⊙ h)_k U_kc + b_c
// The sum of the terms is the engine's pre-activation up to float rounding (tests/js/cell-anatomy.test.ts).
import type { LayerSteps } from '../../engine/protocol';

export interface Term {
  source: 'x' | 'h';
  index: number;
  weight: number;
  product: number;
}

export interface PreActivationTerms {
  top: Term[];
  rest: number;
  restCount: number;
  bias: number;
  /** r_j multiplying the recurrent terms (GRU candidate with reset_after), else 1. */
  reset: number;
  /** Σ of all terms and the bias. */
  total: number;
}

/** Column `col` (Keras' gate order) of step t, its `top` largest terms by |product| first. */
export function preActivationTerms(layer: LayerSteps, t: number, col: number, top = 3): PreActivationTerms {
  const [W, U, B] = layer.weights;
  const u = layer.hidden[t].length;
  const gru = layer.kind === 'GRU';
  const candidate = gru && col >= 2 * u;
  const r = (k: number) => layer.values[t][u + k];
  const reset = candidate && layer.reset_after ? r(col - 2 * u) : 1;
  const terms: Term[] = [];
  if (layer.x)
    layer.x[t].forEach((x, k) =>
      terms.push({ source: 'x', index: k, weight: W[k][col], product: x * W[k][col] }),
    );
  else
    terms.push({
      source: 'x',
      index: layer.x_ids![t],
      weight: W[layer.x_ids![t]][col],
      product: W[layer.x_ids![t]][col],
    });
  layer.h_prev[t].forEach((h, k) => {
    const input = candidate && !layer.reset_after ? r(k) * h : h;
    terms.push({ source: 'h', index: k, weight: U[k][col], product: reset * input * U[k][col] });
  });
  const bias = B ? B[0][col] + (gru && layer.reset_after && B[1] ? reset * B[1][col] : 0) : 0;
  const total = terms.reduce((a, term) => a + term.product, bias);
  const sorted = [...terms].sort((a, b) => Math.abs(b.product) - Math.abs(a.product));
  const rest = sorted.slice(top);
  return {
    top: sorted.slice(0, top),
    rest: rest.reduce((a, term) => a + term.product, 0),
    restCount: rest.length,
    bias,
    reset,
    total,
  };
}
