// The set-up for a model opened from a file: its JSON in the editor (readable), and data settings
// it can read — maxlen its input length, num_words its vocabulary (the Embedding's input_dim or
// the one-hot width), each kept within the page's limits; the training settings stay the user's.
// And the run the Train tab goes on from (its weights; not a kept run).
import type { ModelState } from '../engine/protocol';
import { newRunId, type RunRecord } from '../storage/runs-db';
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

/** The opened file as a run Continue training goes on from: its weights, a fresh optimizer, no history. */
export function openedModelRun(
  fileName: string,
  setup: PlaygroundState,
  weights: ModelState['weights'],
): { run: RunRecord; state: ModelState } {
  const now = Date.now();
  const run: RunRecord = {
    id: newRunId(),
    name: fileName,
    created: now,
    updated: now,
    setup,
    source: 'train',
    status: 'finished',
    history: [],
    best_val_accuracy: null,
    test_accuracy: null,
    total_params: weights.length,
  };
  return { run, state: { weights, optimizer: new Float32Array(0), iterations: 0 } };
}
