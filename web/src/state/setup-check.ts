// Cross-checks between the model and the data settings that the engine would otherwise only
// report when training starts: said here so the Train button can stay disabled with the reason.
import type { PlaygroundState } from './playground-state';
import { modelVocabulary, readModel } from './model-layers';
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
