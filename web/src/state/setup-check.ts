// Cross-checks between the model and the data settings that the engine would otherwise only
// report when training starts: said here so the Train button can stay disabled with the reason.
import type { PlaygroundState } from './playground-state';
import { modelVocabulary, readModel } from './model-layers';

/** Why this set-up cannot be trained as it is, or null when it can. */
export function setupProblem(state: PlaygroundState): string | null {
  let doc: unknown;
  try {
    doc = JSON.parse(state.model);
  } catch {
    return null; // the summary already explains JSON errors
  }
  const m = readModel(doc);
  if (!m) return null;
  if (m.inputLength !== null && m.inputLength !== state.data.maxlen) {
    return `The model reads sequences of ${m.inputLength} steps but maxlen is ${state.data.maxlen}: make them equal (Data section, or the input length in the layer editor).`;
  }
  const vocab = modelVocabulary(m);
  if (vocab !== null && state.data.num_words > vocab) {
    return `num_words is ${state.data.num_words} but the model reads only ${vocab} different token ids: lower num_words or raise the ${m.layers[0]?.kind === 'Embedding' ? "Embedding's input_dim" : 'one-hot width'}.`;
  }
  return null;
}
