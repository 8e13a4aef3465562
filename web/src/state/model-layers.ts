// The layer editor's view of a Keras Sequential model. The model stays the Keras JSON the user
// pasted (Keras 2, Keras 3, a TF.js topology or a whole TF.js model.json): every edit patches that
// document in place, so keys the editor does not show (initializers, dtype policies...) survive.
// Every function here is pure: it takes a document and returns a new one.

export const LAYER_KINDS = ['Embedding', 'SimpleRNN', 'LSTM', 'GRU', 'Dense', 'Dropout'] as const;
export type LayerKind = (typeof LAYER_KINDS)[number];
export const RECURRENT_KINDS: readonly LayerKind[] = ['SimpleRNN', 'LSTM', 'GRU'];

type Json = Record<string, unknown>;

export interface KerasLayer {
  class_name: string;
  config: Json;
  [key: string]: unknown;
}

/** A layer as the editor shows it: its Keras class, its config (read-only view) and its position. */
export interface EditorLayer {
  kind: string;
  name: string;
  config: Json;
  /** Position in the document's layer list (the InputLayer, when present, is not an editor layer). */
  index: number;
}

export interface EditorModel {
  /** Time steps of the input (the model's maxlen), null when not given. */
  inputLength: number | null;
  /** Features per step when the input is one-hot (time, vocab) rather than token ids; else null. */
  oneHotFeatures: number | null;
  layers: EditorLayer[];
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The object whose `layers` list the model's layers are, wherever the spelling keeps it. */
function layerContainer(doc: unknown): Json | null {
  if (!isObject(doc)) return null;
  let m: unknown = doc;
  if (isObject(doc.modelTopology)) {
    const topo = doc.modelTopology;
    m = isObject(topo.model_config) ? topo.model_config : topo;
  }
  if (!isObject(m) || !isObject(m.config) || !Array.isArray(m.config.layers)) return null;
  return m.config;
}

function layersOf(doc: unknown): KerasLayer[] | null {
  const c = layerContainer(doc);
  return c ? (c.layers as KerasLayer[]) : null;
}

function isKeras3(doc: unknown): boolean {
  return isObject(doc) && typeof doc.module === 'string';
}

function shapeOf(config: Json): unknown[] | null {
  for (const key of ['batch_shape', 'batch_input_shape']) {
    if (Array.isArray(config[key])) return (config[key] as unknown[]).slice(1);
  }
  if (Array.isArray(config.input_shape)) return config.input_shape as unknown[];
  return null;
}

/** Reads the editor's view of a model document; null when it holds no Sequential layer list. */
export function readModel(doc: unknown): EditorModel | null {
  const layers = layersOf(doc);
  if (!layers) return null;
  let shape: unknown[] | null = null;
  const out: EditorLayer[] = [];
  layers.forEach((l, index) => {
    if (!isObject(l) || !isObject(l.config)) return;
    if (l.class_name === 'InputLayer') {
      shape ??= shapeOf(l.config);
      return;
    }
    if (out.length === 0) {
      shape ??= shapeOf(l.config);
      if (!shape && typeof l.config.input_length === 'number') shape = [l.config.input_length];
    }
    out.push({ kind: String(l.class_name), name: String(l.config.name ?? ''), config: l.config, index });
  });
  const dims = (shape ?? []) as unknown[];
  const asNumber = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  return {
    inputLength: asNumber(dims[0]),
    oneHotFeatures: dims.length >= 2 ? asNumber(dims[1]) : null,
    layers: out,
  };
}

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/** Moves an input shape kept on the first layer into an explicit InputLayer, so layers can move freely. */
function liftInput(doc: unknown): void {
  const layers = layersOf(doc)!;
  if (layers.some((l) => l.class_name === 'InputLayer') || layers.length === 0) return;
  const first = layers[0].config;
  let shape = shapeOf(first);
  if (!shape && typeof first.input_length === 'number') shape = [first.input_length];
  if (!shape) return;
  delete first.batch_input_shape;
  delete first.batch_shape;
  delete first.input_shape;
  delete first.input_length;
  layers.unshift(makeInputLayer(doc, shape));
}

function makeInputLayer(doc: unknown, shape: unknown[]): KerasLayer {
  if (isKeras3(doc)) {
    return {
      module: 'keras.layers',
      class_name: 'InputLayer',
      config: { batch_shape: [null, ...shape], name: 'input_layer' },
      registered_name: null,
    };
  }
  return { class_name: 'InputLayer', config: { batch_input_shape: [null, ...shape], name: 'input' } };
}

/**
 * Keras 3's defaults of the options the engine honours and that change what a layer computes: a
 * missing option is its default (the preset match), and the Keras code writes only other values,
 * in this order.
 */
export const KERAS_DEFAULTS: Record<string, Record<string, unknown>> = {
  Embedding: {},
  SimpleRNN: {
    activation: 'tanh',
    use_bias: true,
    return_sequences: false,
    dropout: 0,
    recurrent_dropout: 0,
  },
  LSTM: {
    activation: 'tanh',
    recurrent_activation: 'sigmoid',
    use_bias: true,
    unit_forget_bias: true,
    return_sequences: false,
    dropout: 0,
    recurrent_dropout: 0,
  },
  GRU: {
    activation: 'tanh',
    recurrent_activation: 'sigmoid',
    use_bias: true,
    return_sequences: false,
    dropout: 0,
    recurrent_dropout: 0,
    reset_after: true,
  },
  Dense: { activation: 'linear', use_bias: true },
  Dropout: {},
};

const BASE_NAMES: Record<LayerKind, string> = {
  Embedding: 'embedding',
  SimpleRNN: 'simple_rnn',
  LSTM: 'lstm',
  GRU: 'gru',
  Dense: 'dense',
  Dropout: 'dropout',
};

/** Keras' naming: lstm, lstm_1, lstm_2... skipping names already taken. */
export function uniqueName(kind: LayerKind, taken: ReadonlySet<string>): string {
  const base = BASE_NAMES[kind];
  if (!taken.has(base)) return base;
  for (let i = 1; ; i++) if (!taken.has(`${base}_${i}`)) return `${base}_${i}`;
}

/** The options a recurrent layer shows, at Keras' defaults; a gated cell (LSTM, GRU) has a recurrent activation. */
const recurrentDefaults = (gated: boolean) => ({
  units: 8,
  activation: 'tanh',
  ...(gated ? { recurrent_activation: 'sigmoid' } : {}),
  return_sequences: false,
  dropout: 0,
  recurrent_dropout: 0,
});

/** A new layer's config with the options the editor shows, at Keras' defaults. */
export function defaultConfig(kind: LayerKind, name: string): Json {
  switch (kind) {
    case 'Embedding':
      return { name, input_dim: 500, output_dim: 16 };
    case 'SimpleRNN':
      return { name, ...recurrentDefaults(false) };
    case 'LSTM':
      return { name, ...recurrentDefaults(true) };
    case 'GRU':
      return { name, ...recurrentDefaults(true), reset_after: true };
    case 'Dense':
      return { name, units: 1, activation: 'sigmoid' };
    case 'Dropout':
      return { name, rate: 0.3 };
  }
}

/** Inserts a new layer of `kind` at editor position `position` (default: the end). */
export function addLayer(doc: unknown, kind: LayerKind, position?: number): unknown {
  const next = clone(doc);
  liftInput(next);
  const layers = layersOf(next)!;
  const view = readModel(next)!;
  const taken = new Set(view.layers.map((l) => l.name));
  const layer: KerasLayer = { class_name: kind, config: defaultConfig(kind, uniqueName(kind, taken)) };
  if (isKeras3(next)) Object.assign(layer, { module: 'keras.layers', registered_name: null });
  const pos = position ?? view.layers.length;
  const at = pos < view.layers.length ? view.layers[pos].index : layers.length;
  layers.splice(at, 0, layer);
  return next;
}

export function removeLayer(doc: unknown, position: number): unknown {
  const next = clone(doc);
  liftInput(next);
  const view = readModel(next)!;
  const target = view.layers[position];
  if (target) layersOf(next)!.splice(target.index, 1);
  return next;
}

/** Swaps the layer at `position` with its neighbour (delta −1: up, +1: down). */
export function moveLayer(doc: unknown, position: number, delta: -1 | 1): unknown {
  const next = clone(doc);
  liftInput(next);
  const view = readModel(next)!;
  const a = view.layers[position];
  const b = view.layers[position + delta];
  if (!a || !b) return next;
  const layers = layersOf(next)!;
  [layers[a.index], layers[b.index]] = [layers[b.index], layers[a.index]];
  return next;
}

/** Sets one option of the layer at editor position `position`. */
export function setLayerOption(doc: unknown, position: number, key: string, value: unknown): unknown {
  const next = clone(doc);
  const view = readModel(next)!;
  const target = view.layers[position];
  if (target) layersOf(next)![target.index].config[key] = value;
  return next;
}

/** Sets the input's time steps (maxlen) and, for a one-hot input, its width; keeps the spelling used. */
export function setInputShape(doc: unknown, length: number, oneHotFeatures: number | null): unknown {
  const next = clone(doc);
  const layers = layersOf(next);
  if (!layers || layers.length === 0) return next;
  const shape = oneHotFeatures === null ? [length] : [length, oneHotFeatures];
  const input = layers.find((l) => l.class_name === 'InputLayer');
  const holder = input ? input.config : layers[0].config;
  if (Array.isArray(holder.batch_shape)) holder.batch_shape = [null, ...shape];
  else if (Array.isArray(holder.batch_input_shape)) holder.batch_input_shape = [null, ...shape];
  else if (Array.isArray(holder.input_shape)) holder.input_shape = shape;
  else if (typeof holder.input_length === 'number' && oneHotFeatures === null) holder.input_length = length;
  else if (input) holder.batch_input_shape = [null, ...shape];
  else layers.unshift(makeInputLayer(next, shape));
  return next;
}

/** The vocabulary the model reads: the Embedding's input_dim or the one-hot width (null if neither). */
export function modelVocabulary(m: EditorModel): number | null {
  const first = m.layers[0];
  if (first?.kind === 'Embedding' && typeof first.config.input_dim === 'number')
    return first.config.input_dim;
  return m.oneHotFeatures;
}
