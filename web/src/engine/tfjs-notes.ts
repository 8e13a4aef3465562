// Which layers of a summarised model TF.js would not run as Keras does, read from the model JSON the
// engine summarised, so the page can say it in either language. The engine's own English note
// (tfjs_compatibility_note in cpp/engine/tfjs_format.cpp, the summary's `notes`) stays what the CLI
// prints; adding coded notes to the engine cost about 1.7 KB of .wasm, this costs none. The rule is
// the engine's, applied to the same JSON: tests/js/tfjs-notes.test.ts holds the two together over
// every preset, every spelling and generated models (note for note, the English texts equal).
//   - a GRU with reset_after=True (Keras' default when the key is absent): TF.js refuses it;
//   - an activation, or an LSTM/GRU recurrent_activation, that is Keras 3's hard_sigmoid (x/6 + 0.5;
//     the JSON is Keras 3's when it carries a "module" key): TF.js computes Keras 2's (0.2x + 0.5).
import * as v from 'valibot';

export const TfjsNoteSchema = v.object({
  kind: v.picklist(['gru_reset_after', 'keras3_hard_sigmoid']),
  /** The layer's name as the summary's row shows it (the engine names unnamed layers). */
  layer: v.string(),
});
export type TfjsNote = v.InferOutput<typeof TfjsNoteSchema>;

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The activation's name: "tanh", or Keras 3's {"class_name": "function", "config": "tanh"}. */
function activationName(a: unknown): unknown {
  return isObject(a) ? a.config : a;
}
const isHardSigmoid = (a: unknown) => ['hard_sigmoid', 'hardSigmoid'].includes(activationName(a) as string);

/**
 * The notes, in the engine's order (per layer: reset_after, then hard_sigmoid). `rows` are the
 * summary's rows for this JSON, one per layer besides InputLayer; [] when the JSON cannot be read.
 */
export function tfjsNotes(modelJson: string, rows: readonly { name: string; type: string }[]): TfjsNote[] {
  let root: unknown;
  try {
    root = JSON.parse(modelJson);
  } catch {
    return [];
  }
  if (!isObject(root)) return [];
  // The wrappers the engine accepts: a TF.js model.json's modelTopology, then model_config.
  let model: Json = root;
  if (isObject(model.modelTopology)) model = model.modelTopology;
  if (isObject(model.model_config)) model = model.model_config;
  const keras3 = 'module' in model || 'module' in root;
  const config = model.config;
  const list = Array.isArray(config) ? config : isObject(config) ? config.layers : null;
  if (!Array.isArray(list)) return [];
  const layers = list.filter((l) => !(isObject(l) && l.class_name === 'InputLayer'));
  if (layers.length !== rows.length) return [];

  const notes: TfjsNote[] = [];
  layers.forEach((l, i) => {
    const { name, type } = rows[i];
    const c = isObject(l) && isObject(l.config) ? l.config : {};
    if (type === 'GRU' && c.reset_after !== false) notes.push({ kind: 'gru_reset_after', layer: name });
    // Embedding and Dropout have no activation; a SimpleRNN has no gates for recurrent_activation.
    const hard =
      (['Dense', 'SimpleRNN', 'LSTM', 'GRU'].includes(type) && isHardSigmoid(c.activation)) ||
      (['LSTM', 'GRU'].includes(type) && isHardSigmoid(c.recurrent_activation));
    if (keras3 && hard) notes.push({ kind: 'keras3_hard_sigmoid', layer: name });
  });
  return notes;
}
