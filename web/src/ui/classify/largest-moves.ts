// The largest moves of a recurrent layer over a review, for the words under the heat maps: where
// the state jumped most and which gate did it. Differences of the engine's values, no model maths:
//   LSTM:      Δc = c_t − c_{t−1}; written by the input gate when |i ⊙ g| ≥ |(1 − f) ⊙ c_{t−1}|,
//              else erased by the forget gate
//   GRU:       Δh = h_t − h_{t−1} = (1 − z) ⊙ (h̃ − h_{t−1}): the update gate let the candidate in
//   SimpleRNN: Δh = h_t − h_{t−1}
import type { LayerSteps } from '../../engine/protocol';

export interface Move {
  step: number;
  unit: number;
  delta: number;
  /** 'input' (LSTM, i ⊙ g wrote it), 'forget' (LSTM, f erased it), 'update' (GRU), 'state' (SimpleRNN). */
  cause: 'input' | 'forget' | 'update' | 'state';
  /** The gate value behind it (i, f or z), and the candidate (g or h̃) when there is one. */
  gate: number;
  candidate: number;
}

/** The `count` largest |moves|, at most one per step, largest first. */
export function largestMoves(layer: LayerSteps, count = 3): Move[] {
  const moves: Move[] = [];
  layer.hidden.forEach((h, t) => {
    const u = h.length;
    let best: Move | null = null;
    for (let j = 0; j < u; j++) {
      const v = layer.values[t];
      let m: Move;
      if (layer.kind === 'LSTM') {
        const [i, f, g] = [v[j], v[u + j], v[2 * u + j]];
        const cPrev = layer.c_prev![t][j];
        const wrote = Math.abs(i * g) >= Math.abs((1 - f) * cPrev);
        m = {
          step: t,
          unit: j,
          delta: layer.cell![t][j] - cPrev,
          cause: wrote ? 'input' : 'forget',
          gate: wrote ? i : f,
          candidate: g,
        };
      } else if (layer.kind === 'GRU') {
        m = {
          step: t,
          unit: j,
          delta: h[j] - layer.h_prev[t][j],
          cause: 'update',
          gate: v[j],
          candidate: v[2 * u + j],
        };
      } else {
        m = { step: t, unit: j, delta: h[j] - layer.h_prev[t][j], cause: 'state', gate: 0, candidate: 0 };
      }
      if (!best || Math.abs(m.delta) > Math.abs(best.delta)) best = m;
    }
    if (best) moves.push(best);
  });
  return moves.sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta)).slice(0, count);
}
