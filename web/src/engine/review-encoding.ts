// A typed review as the model sees it: the shared tokenizer, ids at the run's num_words, and
// Keras' 'pre' truncation/padding to maxlen. Runs in the worker (a 1 MB paste never blocks the page).
import { OOV_ID, PAD_ID, encodeReview, padSequencePre } from '../data/tokenizer';
import type { WordIndex } from '../data/word-index';
import { MessageError } from '../i18n/message';
import type { ClassifyResult, TraceResult } from './protocol';

export interface EncodedForModel {
  /** maxlen ids, 'pre'-padded: what the network reads. */
  padded: number[];
  /**
   * The review's tokens ('<start>' first) with their ids, OOV marks and whether maxlen cut them.
   * Of the cut tokens only the last `maxCutShown` are listed (the ones just before the kept part).
   */
  tokens: ClassifyResult['tokens'];
  /** Cut tokens left out of `tokens` (a 1 MB paste has ~200,000: the page shows a count instead). */
  cutOmitted: number;
  /** Index in `padded` of the first kept token (the steps before it are padding). */
  firstKeptStep: number;
}

/** Reviews longer than this many characters are refused with a message (about 2 MB of text). */
export const MAX_REVIEW_CHARS = 2_000_000;

/** How many cut tokens the page is sent by default: enough to see where the cut falls. */
export const CUT_TOKENS_SHOWN = 40;

export function encodeForModel(
  text: string, index: WordIndex, numWords: number, maxlen: number, maxCutShown = CUT_TOKENS_SHOWN,
): EncodedForModel {
  if (text.length > MAX_REVIEW_CHARS) {
    throw new MessageError('reviewTooLong', text.length.toLocaleString('en-US'), MAX_REVIEW_CHARS.toLocaleString('en-US'));
  }
  const { tokens, ids } = encodeReview(text, index, numWords);
  const cutCount = Math.max(0, ids.length - maxlen);
  const padded = padSequencePre(ids, maxlen);
  // ids[0] is the start token; ids[i + 1] belongs to tokens[i].
  const firstListed = Math.max(0, cutCount - Math.max(0, maxCutShown));
  const listed: ClassifyResult['tokens'] = [];
  for (let i = firstListed; i < ids.length; i++) {
    listed.push({ text: i === 0 ? '<start>' : tokens[i - 1], id: ids[i], oov: ids[i] === OOV_ID, cut: i < cutCount });
  }
  return {
    padded,
    tokens: listed,
    cutOmitted: firstListed,
    firstKeptStep: padded.findIndex((id) => id !== PAD_ID),
  };
}

/** Probability of positive from one output row: a sigmoid unit, or the second of two softmax classes. */
export function positiveProbability(row: readonly number[]): number {
  return row.length === 2 ? row[1] : row[0];
}

/** What the engine's trace returns for one padded sequence: every step, padding included. */
export interface EngineTrace {
  output: number[][];
  per_step: number[][];
  layers: TraceResult['layers'];
}

/**
 * The page's view of a trace: only the steps of kept tokens (the padding steps before them are not
 * shown), so per_step[k] and every layer's row k belong to the k-th kept token.
 */
export function traceOfKeptTokens(enc: EncodedForModel, t: EngineTrace): TraceResult {
  const from = Math.max(0, enc.firstKeptStep);
  return {
    probability: positiveProbability(t.output[0]),
    tokens: enc.tokens,
    cut_omitted: enc.cutOmitted,
    per_step: t.per_step.slice(from).map(positiveProbability),
    layers: t.layers.map((l) => ({
      ...l,
      hidden: l.hidden.slice(from),
      cell: l.cell ? l.cell.slice(from) : null,
      gates: l.gates.map((g) => ({ name: g.name, values: g.values.slice(from) })),
    })),
  };
}
