// The set-up for a model opened from a file: its JSON in the editor (readable), and data settings
// it can read — maxlen its input length, num_words its vocabulary (the Embedding's input_dim or
// the one-hot width), each kept within the page's limits; the training settings stay the user's.
import { LIMITS } from './limits';
import { modelVocabulary, readModel } from './model-layers';
import { prettyModel, type PlaygroundState } from './playground-state';

const clamp = (v: number, lim: { min: number; max: number }) => Math.min(lim.max, Math.max(lim.min, v));

export function openedModelSetup(current: PlaygroundState, modelJson: string): PlaygroundState {
  let m = null;
  try {
    m = readModel(JSON.parse(modelJson));
  } catch {
    /* the engine has accepted it: keep the data settings */
  }
  const vocab = m ? modelVocabulary(m) : null;
  const data = {
    ...current.data,
    maxlen: m?.inputLength ? clamp(m.inputLength, LIMITS.maxlen) : current.data.maxlen,
    num_words: vocab ? clamp(vocab, LIMITS.num_words) : current.data.num_words,
  };
  return { ...current, preset: null, model: prettyModel(modelJson), data };
}
