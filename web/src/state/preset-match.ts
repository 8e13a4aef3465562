// When may the page use a preset's name, and when may it call the book's curve "the same model"?
// Only when it is true: the preset's name while the model has the preset's layers and options
// (layer names, key order and whitespace aside), the book's curve as "the same" only when the
// model, the data (the book's split, num_words, maxlen), the optimizer, the learning rate and the
// batch size are all the book's.
import { presetById, type Preset } from '../presets/presets';
import { KERAS_DEFAULTS, readModel, type EditorModel } from './model-layers';
import type { PlaygroundState } from './playground-state';

/** The options compared, per layer type; anything else (names, dtype, initializers...) is not. */
const COMPARED = [
  'units',
  'input_dim',
  'output_dim',
  'rate',
  'activation',
  'recurrent_activation',
  'use_bias',
  'unit_forget_bias',
  'reset_after',
  'return_sequences',
  'dropout',
  'recurrent_dropout',
];

/** A layer's class and the options that define it, defaults filled in, as comparable text. */
function layerKey(kind: string, config: Record<string, unknown>): string {
  const defaults = KERAS_DEFAULTS[kind] ?? {};
  const picked = COMPARED.map((k) => [k, config[k] ?? defaults[k] ?? null]);
  return JSON.stringify([kind, picked]);
}

function view(model: unknown): EditorModel | null {
  try {
    return readModel(typeof model === 'string' ? JSON.parse(model) : model);
  } catch {
    return null;
  }
}

/**
 * Same layers with the same options? The input's length is the data's maxlen (compared with the
 * data, not here); a one-hot input's width is part of the model.
 */
export function sameLayers(a: unknown, b: unknown): boolean {
  const x = view(a);
  const y = view(b);
  if (!x || !y || x.layers.length !== y.layers.length || x.oneHotFeatures !== y.oneHotFeatures) return false;
  return x.layers.every(
    (l, i) => layerKey(l.kind, l.config) === layerKey(y.layers[i].kind, y.layers[i].config),
  );
}

/** The preset this set-up's model still is (its name may be shown), or undefined: "Your own model". */
export function presetOfModel(state: Pick<PlaygroundState, 'preset' | 'model'>): Preset | undefined {
  const p = state.preset ? presetById(state.preset) : undefined;
  return p && sameLayers(state.model, p.model) ? p : undefined;
}

/** What can differ between a run and the run behind the book's curve. */
export type BookDifference =
  'model' | 'pack' | 'num_words' | 'maxlen' | 'optimizer' | 'learning_rate' | 'batch_size';

/**
 * How this set-up differs from the one the preset's published curve was trained with (its model,
 * the book's 20,000 / 5,000 split, its num_words, maxlen, optimizer, learning rate, batch size).
 * Empty: the curve is of the same model trained the same way.
 */
export function differencesFromBook(state: PlaygroundState, preset: Preset): BookDifference[] {
  const out: BookDifference[] = [];
  if (!sameLayers(state.model, preset.model)) out.push('model');
  if (state.data.pack !== 'book') out.push('pack');
  if (state.data.num_words !== preset.data.num_words) out.push('num_words');
  if (state.data.maxlen !== preset.data.maxlen) out.push('maxlen');
  if (state.training.optimizer !== preset.training.optimizer) out.push('optimizer');
  if (state.training.learning_rate !== preset.training.learning_rate) out.push('learning_rate');
  if (state.training.batch_size !== preset.training.batch_size) out.push('batch_size');
  return out;
}
