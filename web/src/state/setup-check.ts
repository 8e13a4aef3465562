// Cross-checks between the model and the data settings that the engine would otherwise only
// report when training starts: said here so the Train button can stay disabled with the reason.
import type { PlaygroundState } from './playground-state';
import { modelVocabulary, readModel, setInputShape } from './model-layers';
import { LIMITS, withinLimit } from './limits';
import { MessageError } from '../i18n/message';

/** Why this set-up cannot be trained as it is (a message in either language), or null when it can. */
export function setupProblem(state: PlaygroundState): MessageError | null {
  let doc: unknown;
  try {
    doc = JSON.parse(state.model);
  } catch {
    return null; // the summary already explains JSON errors
  }
  const m = readModel(doc);
  if (!m) return null;
  if (m.inputLength !== null && m.inputLength !== state.data.maxlen) {
    return new MessageError('maxlenMismatch', m.inputLength, state.data.maxlen);
  }
  const vocab = modelVocabulary(m);
  if (vocab !== null && state.data.num_words > vocab) {
    return new MessageError(
      'numWordsTooLarge',
      state.data.num_words,
      vocab,
      m.layers[0]?.kind === 'Embedding',
    );
  }
  return null;
}

/**
 * An edit keeps the model's input length equal to maxlen: a new maxlen sets the model's input
 * length; a model with a new input length (within maxlen's limit) sets maxlen.
 */
export function matchInputLength(prev: PlaygroundState, next: PlaygroundState): PlaygroundState {
  if (next.data.maxlen !== prev.data.maxlen && next.model === prev.model) {
    try {
      const doc = JSON.parse(next.model);
      const m = readModel(doc);
      if (m)
        next = {
          ...next,
          model: JSON.stringify(setInputShape(doc, next.data.maxlen, m.oneHotFeatures), null, 2),
        };
    } catch {
      /* the model text is not JSON: the summary says so */
    }
  } else if (next.model !== prev.model) {
    try {
      const m = readModel(JSON.parse(next.model));
      if (m?.inputLength && m.inputLength !== next.data.maxlen && withinLimit(LIMITS.maxlen, m.inputLength)) {
        next = { ...next, data: { ...next.data, maxlen: m.inputLength } };
      }
    } catch {
      /* as above */
    }
  }
  return next;
}
