// The engine worker's answers about reviews, from the model it holds: a typed review classified
// or traced (encoded here with the word index: data/review-encoding.ts), and the test split's
// accuracy by review length.
import { accuracyByLength, testLengths } from '../data/length-buckets';
import {
  encodeForModel,
  positiveProbability,
  traceOfKeptTokens,
  type EngineTrace,
} from '../data/review-encoding';
import { MessageError } from '../i18n/message';
import { unwrapReply } from './engine-api';
import type { ClassifyResult, LengthAccuracy, ReviewParams, TraceResult } from './protocol';
import { loadWordIndex, loadedPackBytes } from './worker-data';
import { engine, held } from './worker-session';
import { isTraining } from './worker-training';

async function encodeTyped(text: string, removed: readonly number[] = []) {
  if (isTraining()) throw new MessageError('modelTraining');
  if (!held.run) throw new MessageError('noTrainedModel');
  const index = await loadWordIndex();
  return encodeForModel(text, index, held.run.numWords, held.run.maxlen, undefined, removed);
}

/** The engine sends a non-finite output as null: a model whose weights diverged (a NaN run). */
function requireFinite(probability: number | null): number {
  if (typeof probability !== 'number' || !Number.isFinite(probability)) {
    throw new MessageError('outputNotNumber');
  }
  return probability;
}

export async function classify(text: string): Promise<ClassifyResult> {
  const { session } = await engine();
  const enc = await encodeTyped(text);
  const out = unwrapReply<number[][]>(session.predict(JSON.stringify([enc.padded])));
  return {
    probability: requireFinite(positiveProbability(out[0])),
    tokens: enc.tokens,
    cut_omitted: enc.cutOmitted,
  };
}

export async function traceReview({ text, removed }: ReviewParams): Promise<TraceResult> {
  const { session } = await engine();
  const enc = await encodeTyped(text, removed);
  const trace = traceOfKeptTokens(
    enc,
    unwrapReply<EngineTrace>(session.trace(JSON.stringify(enc.padded))),
    held.run?.numWords ?? 0,
  );
  requireFinite(trace.probability);
  return trace;
}

/** The trained model on every test review at once (one batched prediction), bucketed by length. */
export async function testAccuracyByLength(): Promise<LengthAccuracy> {
  if (isTraining()) throw new MessageError('modelTraining');
  const run = held.run;
  const bytes = loadedPackBytes(run?.pack);
  if (!run || !bytes)
    throw new Error('Accuracy by length needs a model trained in this worker, on its data.');
  const { session } = await engine();
  const ids = session.dataView(run.numWords, run.maxlen, 4);
  const labels = session.dataView(run.numWords, run.maxlen, 5);
  if (typeof ids === 'string' || typeof labels === 'string')
    throw new Error(typeof ids === 'string' ? ids : String(labels));
  const count = labels.length;
  const time = run.maxlen;
  const probabilities = new Float64Array(count);
  // In chunks: the book's 25,000 test reviews at once would need the whole batch's activations.
  const CHUNK = 1000;
  for (let start = 0; start < count; start += CHUNK) {
    const n = Math.min(CHUNK, count - start);
    const out = unwrapReply<number[][]>(session.predictIds(ids.slice(start * time, (start + n) * time), n));
    out.forEach((row, i) => (probabilities[start + i] = positiveProbability(row)));
  }
  const { lengths, storedLength } = testLengths(bytes);
  return { split: 'test', count, buckets: accuracyByLength(lengths, labels, probabilities, storedLength) };
}
