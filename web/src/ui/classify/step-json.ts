// One time step of one recurrent layer as the `Copy step as JSON` button gives it, for teachers'
// exercises and checks: {"layer", "t", "token", "x", "h_prev", "c_prev" (LSTM), "gates", "c"
// (LSTM), "h"}. The numbers are the engine's float32 values as JSON numbers (every digit kept).
import type { LayerSteps } from '../../engine/protocol';

/** Each gate's key in the JSON and its columns in Keras' order (the engine's `values`). */
export const GATE_KEYS: Record<LayerSteps['kind'], string[]> = {
  LSTM: ['i', 'f', 'g', 'o'],
  GRU: ['z', 'r', 'hh'],
  SimpleRNN: [],
};

/** x_t as a vector: the row the engine gave, or e_id for a one-hot layer. */
export function inputVector(layer: LayerSteps, t: number): number[] {
  if (layer.x) return layer.x[t];
  const x = new Array<number>(layer.x_features).fill(0);
  x[layer.x_ids![t]] = 1;
  return x;
}

/** Unit columns of gate number g (of `units`) in a row in Keras' gate order. */
export function gateColumns(row: readonly number[], g: number, units: number): number[] {
  return row.slice(g * units, (g + 1) * units);
}

export function stepJson(layer: LayerSteps, t: number, token: string): Record<string, unknown> {
  const units = layer.hidden[t].length;
  const gates: Record<string, number[]> = {};
  GATE_KEYS[layer.kind].forEach((key, g) => (gates[key] = gateColumns(layer.values[t], g, units)));
  const lstm = layer.kind === 'LSTM';
  return {
    layer: layer.name,
    t,
    token,
    x: inputVector(layer, t),
    h_prev: layer.h_prev[t],
    ...(lstm ? { c_prev: layer.c_prev![t] } : {}),
    gates,
    ...(lstm ? { c: layer.cell![t] } : {}),
    h: layer.hidden[t],
  };
}
