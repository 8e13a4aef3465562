// The compare panel's parameter bars (charts/param-bars.ts), from counts the engine computed: the
// page keeps no second copy of the parameter-count formula. A recurrent layer's weights are, in
// Keras' layout, kernel (n, k·u), recurrent_kernel (u, k·u) and bias (k·u, or (2, 3u) for a GRU
// with reset_after), where k is the number of gates. The engine's summaries of three one-layer
// models give the split:
//   total     = count(n features, bias)
//   no bias   = count(n features, use_bias false)            = kernel + recurrent_kernel
//   one row   = count(n + 1 features, no bias) − no bias     = one kernel row, k·u
//   kernel    = n · one row;  recurrent_kernel = no bias − kernel;  bias = total − no bias
import type { ModelSummary } from './engine-api';

export const RECURRENT_CELLS = ['SimpleRNN', 'GRU', 'LSTM'] as const;
export type RecurrentCell = (typeof RECURRENT_CELLS)[number];

/** One recurrent layer's weights by Keras variable, and its gate count k (one kernel row is k·u wide). */
export interface WeightParts {
  gates: number;
  kernel: number;
  recurrent: number;
  bias: number;
  total: number;
}

/** The engine's summary of a model given as Keras JSON (the worker's `summarize` request). */
export type Summarize = (modelJson: string) => Promise<ModelSummary>;

/** A Keras model of one `cell` layer with u units reading one-hot steps of n features. */
function oneLayerModel(cell: RecurrentCell, n: number, u: number, useBias: boolean, resetAfter: boolean) {
  const config: Record<string, unknown> = { name: 'probe', units: u, use_bias: useBias };
  if (cell === 'GRU') config.reset_after = resetAfter;
  return JSON.stringify({
    class_name: 'Sequential',
    config: {
      name: 'weight_parts',
      layers: [
        { class_name: 'InputLayer', config: { batch_input_shape: [null, 1, n], name: 'input' } },
        { class_name: cell, config },
      ],
    },
  });
}

/** The weights of a `cell` layer with u units on n input features, split as Keras stores them. */
export async function weightParts(
  summarize: Summarize,
  cell: RecurrentCell,
  n: number,
  u: number,
  resetAfter = true,
): Promise<WeightParts> {
  const count = async (features: number, useBias: boolean) =>
    (await summarize(oneLayerModel(cell, features, u, useBias, resetAfter))).rows[0].params;
  const [total, noBias, noBiasOneMore] = await Promise.all([
    count(n, true),
    count(n, false),
    count(n + 1, false),
  ]);
  const row = noBiasOneMore - noBias;
  const kernel = n * row;
  return { gates: row / u, kernel, recurrent: noBias - kernel, bias: total - noBias, total };
}
