// A typed review as the model sees it: the shared tokenizer, ids at the run's num_words, and
// Keras' 'pre' truncation/padding to maxlen. Runs in the worker (a 1 MB paste never blocks the page).
import { OOV_ID, PAD_ID, encodeReview, padSequencePre } from '../data/tokenizer';
import type { WordIndex } from '../data/word-index';
import type { ClassifyResult } from './protocol';

export interface EncodedForModel {
  /** maxlen ids, 'pre'-padded: what the network reads. */
  padded: number[];
  /** The review's tokens ('<start>' first) with their ids, OOV marks and whether maxlen cut them. */
  tokens: ClassifyResult['tokens'];
  /** Index in `padded` of the first kept token (the steps before it are padding). */
  firstKeptStep: number;
}

/** Reviews longer than this many characters are refused with a message (about 2 MB of text). */
export const MAX_REVIEW_CHARS = 2_000_000;

export function encodeForModel(text: string, index: WordIndex, numWords: number, maxlen: number): EncodedForModel {
  if (text.length > MAX_REVIEW_CHARS) {
    throw new Error(`The review is ${text.length.toLocaleString('en-US')} characters long; paste at most ${MAX_REVIEW_CHARS.toLocaleString('en-US')}.`);
  }
  const { tokens, ids } = encodeReview(text, index, numWords);
  const words = ['<start>', ...tokens];
  const cutCount = Math.max(0, ids.length - maxlen);
  const padded = padSequencePre(ids, maxlen);
  return {
    padded,
    tokens: words.map((w, i) => ({ text: w, id: ids[i], oov: ids[i] === OOV_ID, cut: i < cutCount })),
    firstKeptStep: padded.findIndex((id) => id !== PAD_ID),
  };
}
