// Keras model JSON in model.to_json()'s Sequential form, written by short calls, for the tests
// (Vitest and Playwright) that hand the engine a model of their own.
export type LayerJson = { class_name: string; config: Record<string, unknown> };

export const layer = (class_name: string, config: Record<string, unknown>): LayerJson => ({
  class_name,
  config,
});

export const sequential = (layers: LayerJson[], name?: string) => ({
  class_name: 'Sequential',
  config: name === undefined ? { layers } : { name, layers },
});

/** An Embedding with Keras 2's batch_input_shape; `length` null leaves the input length open. */
export const embedding = (vocab: number, dim: number, length: number | null, name = 'embedding') =>
  layer('Embedding', { name, input_dim: vocab, output_dim: dim, batch_input_shape: [null, length] });

export const dense = (name: string, units: number, activation: string, extra: object = {}) =>
  layer('Dense', { name, units, activation, ...extra });

/** Two LSTMs stacked on `input` without return_sequences on the lower one: the engine must refuse it. */
export const stackWithoutSequences = (input: LayerJson, units: number, [lower, upper]: [string, string]) =>
  sequential([input, layer('LSTM', { name: lower, units }), layer('LSTM', { name: upper, units })]);
