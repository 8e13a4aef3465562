// The words under the heat maps: the largest move of each step, and which gate made it, on
// hand-made steps whose answers are known.
import { describe, expect, it } from 'vitest';
import type { LayerSteps } from '../../web/src/engine/protocol';
import { largestMoves } from '../../web/src/ui/classify/largest-moves';

function layer(kind: LayerSteps['kind'], parts: Partial<LayerSteps>): LayerSteps {
  return {
    name: 'l',
    kind,
    gates: [],
    x: null,
    x_ids: [],
    x_features: 0,
    reset_after: true,
    pre: [],
    weights: [],
    cell: null,
    c_prev: null,
    hidden: [],
    h_prev: [],
    values: [],
    ...parts,
  };
}

describe('largestMoves', () => {
  it('LSTM: a jump written by the input gate and a fall erased by the forget gate, largest first', () => {
    // 2 units; values per step: i i f f g g o o.
    const l = layer('LSTM', {
      hidden: [
        [0, 0],
        [0, 0],
        [0, 0],
      ],
      h_prev: [
        [0, 0],
        [0, 0],
        [0, 0],
      ],
      c_prev: [
        [0, 0],
        [0.05, 0],
        [0.95, 0.5],
      ],
      cell: [
        [0.05, 0],
        [0.95, 0.5],
        [0.95, 0.1],
      ],
      values: [
        [0.1, 0, 0.5, 0.5, 0.5, 0, 0.5, 0.5],
        [0.9, 0.5, 1, 0.5, 1, 1, 0.5, 0.5], // unit 0: c 0.05 → 0.95 (i·g = 0.9 wrote it)
        [0, 0, 1, 0.2, 0, 0, 0.5, 0.5], // unit 1: c 0.5 → 0.1 (f = 0.2 erased it)
      ],
    });
    const moves = largestMoves(l, 2);
    expect(moves.map((m) => [m.step, m.unit, m.cause])).toEqual([
      [1, 0, 'input'],
      [2, 1, 'forget'],
    ]);
    expect(moves[0].delta).toBeCloseTo(0.9, 12);
    expect(moves[1].delta).toBeCloseTo(-0.4, 12);
    expect([moves[0].gate, moves[0].candidate]).toEqual([0.9, 1]);
    expect(moves[1].gate).toBe(0.2);
  });

  it('GRU: the step where the update gate let the candidate in', () => {
    const l = layer('GRU', {
      hidden: [[0.1], [0.7]],
      h_prev: [[0], [0.1]],
      values: [
        [0.9, 0.5, 1],
        [0.25, 0.5, 0.9],
      ], // z r h̃: h = 0.25·0.1 + 0.75·0.9 = 0.7
    });
    const [m] = largestMoves(l, 1);
    expect([m.step, m.unit, m.cause, m.gate, m.candidate]).toEqual([1, 0, 'update', 0.25, 0.9]);
    expect(m.delta).toBeCloseTo(0.6, 12);
  });
});
