// A typed review as the model sees it: the shared tokenizer, ids at the run's num_words, and
// Keras' 'pre' truncation/padding to maxlen. Runs in the worker (a 1 MB paste never blocks the page).
import { OOV_ID, PAD_ID, encodeReview, padSequencePre } from './tokenizer';
import type { WordIndex } from './word-index';
import { MessageError } from '../i18n/message';
import type { ClassifyResult, TraceResult } from '../engine/protocol';

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
  text: string,
  index: WordIndex,
  numWords: number,
  maxlen: number,
  maxCutShown = CUT_TOKENS_SHOWN,
  removed: readonly number[] = [],
): EncodedForModel {
  if (text.length > MAX_REVIEW_CHARS) {
    throw new MessageError(
      'reviewTooLong',
      text.length.toLocaleString('en-US'),
      MAX_REVIEW_CHARS.toLocaleString('en-US'),
    );
  }
  const { tokens, ids } = encodeReview(text, index, numWords);
  // Removed tokens (by position in ids) are not read: maxlen then keeps the last maxlen of the rest.
  const out = new Set(removed);
  const read = ids.filter((_, i) => !out.has(i));
  const cutCount = Math.max(0, read.length - maxlen);
  const padded = padSequencePre(read, maxlen);
  // ids[0] is the start token; ids[i + 1] belongs to tokens[i]. `cut` counts read tokens only.
  let readBefore = 0;
  const listed: ClassifyResult['tokens'] = [];
  let omitted = 0;
  for (let i = 0; i < ids.length; i++) {
    const isRemoved = out.has(i);
    const cut = !isRemoved && readBefore < cutCount;
    if (!isRemoved) readBefore++;
    if (cut && readBefore <= cutCount - Math.max(0, maxCutShown)) {
      omitted++;
      continue;
    }
    listed.push({
      text: i === 0 ? '<start>' : tokens[i - 1],
      id: ids[i],
      oov: ids[i] === OOV_ID,
      cut,
      pos: i,
      ...(isRemoved ? { removed: true } : {}),
    });
  }
  const firstListed = omitted;
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

/** The gates the heat maps show, as [name, gate number in Keras' order]: LSTM i f (g) o, GRU z r (h̃). */
const HEAT_MAP_GATES: Record<string, [string, number][]> = {
  LSTM: [
    ['input', 0],
    ['forget', 1],
    ['output', 3],
  ],
  GRU: [
    ['update', 0],
    ['reset', 1],
  ],
};

/** What the engine's trace returns for one padded sequence: every step, padding included. */
export interface EngineTrace {
  output: number[][];
  per_step: number[][];
  layers: Omit<TraceResult['layers'][number], 'x_ids' | 'x_features' | 'gates'>[];
  /** ‖∂z/∂x_t‖ at every step, one row. */
  input_gradients?: (number | null)[][];
  /** The outputs with the k-th kept token (id ≠ 0) replaced by id 2. */
  occlusion?: (number | null)[][];
}

/**
 * The page's view of a trace: only the steps of kept tokens (the padding steps before them are not
 * shown), so per_step[k] and every layer's row k belong to the k-th kept token.
 */
export function traceOfKeptTokens(enc: EncodedForModel, t: EngineTrace, oneHotWidth = 0): TraceResult {
  const from = Math.max(0, enc.firstKeptStep);
  return {
    probability: positiveProbability(t.output[0]),
    tokens: enc.tokens,
    cut_omitted: enc.cutOmitted,
    per_step: t.per_step.slice(from).map(positiveProbability),
    layers: t.layers.map((l, i) => ({
      ...l,
      // A one-hot first layer reads e_{id}: the engine sends no x, the ids are the padded review's.
      x_ids: !l.x && i === 0 ? enc.padded.slice(from) : null,
      x_features: l.x ? (l.x[0]?.length ?? 0) : oneHotWidth,
      hidden: l.hidden.slice(from),
      cell: l.cell ? l.cell.slice(from) : null,
      gates: (HEAT_MAP_GATES[l.kind] ?? []).map(([name, g]) => ({
        name,
        values: l.values
          .slice(from)
          .map((row) => row.slice(g * l.hidden[0].length, (g + 1) * l.hidden[0].length)),
      })),
      x: l.x ? l.x.slice(from) : null,
      h_prev: (l.h_prev ?? []).slice(from),
      c_prev: l.c_prev ? l.c_prev.slice(from) : null,
      pre: (l.pre ?? []).slice(from),
      values: (l.values ?? []).slice(from),
    })),
    input_gradients: (t.input_gradients?.[0] ?? []).slice(from),
    // The engine lists the steps whose id is not padding: from firstKeptStep on, in order.
    occlusion: (t.occlusion ?? []).map((row) =>
      row.every((v) => v !== null) ? positiveProbability(row as number[]) : null,
    ),
  };
}
