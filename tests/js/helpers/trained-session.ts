// An engine Session (the real .wasm) holding a model trained briefly on the quick pack, for the
// tests that read what a trained model does (its trace, its cell's numbers) rather than how well.
import { readFileSync } from 'node:fs';
import { unwrapReply } from '../../../web/src/engine/engine-api';
import type { EngineSession } from '../../../web/src/wasm/rnn_engine.mjs';
import { loadEngine } from './wasm';

/** The quick pack `npm run build` writes. */
export const QUICK_PACK = new URL('../../../build/data/imdb-quick.pack', import.meta.url);

/**
 * A Session after training `model` (Keras JSON) on the quick pack at num_words `numWords`, maxlen
 * 100, with RMSprop at 1e-2, batch 64, seed 3: for `batches` batches, or the whole epoch. Weights
 * away from their start are all the callers need. The caller deletes the Session.
 */
export async function briefTraining(
  model: unknown,
  numWords: number,
  batches: number | 'epoch',
): Promise<EngineSession> {
  const m = await loadEngine();
  const s = new m.Session();
  try {
    unwrapReply(s.loadPack(new Uint8Array(readFileSync(QUICK_PACK))));
    const settings = {
      num_words: numWords,
      maxlen: 100,
      optimizer: 'rmsprop',
      learning_rate: 1e-2,
      batch_size: 64,
      epochs: 1,
      seed: 3,
    };
    unwrapReply(s.startTraining(JSON.stringify(model), JSON.stringify(settings)));
    if (batches === 'epoch') {
      for (let guard = 0; guard < 1000; guard++)
        if (unwrapReply<{ finished: boolean }>(s.runSlice(50)).finished) break;
    } else unwrapReply(s.runSlice(batches));
    unwrapReply(s.finishTraining());
    return s;
  } catch (e) {
    s.delete();
    throw e;
  }
}
