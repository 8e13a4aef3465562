// The review family of the worker protocol (protocol.ts): a typed review classified, traced
// through every recurrent layer (Classify's heat maps, Cell anatomy), and a trained model's test
// accuracy by review length (Compare).
import * as v from 'valibot';
import { LENGTH_BUCKETS } from '../data/length-buckets';
import { MetricSchema } from './protocol-training';

const classifyEntries = {
  probability: v.number(), // of positive (the worker refuses a model whose output is not finite)
  /**
   * `pos`: the token's place in the whole review (0 = the start token), the handle to remove it
   * by; `removed`: taken out of the review by the reader (not read, listed so it can be restored).
   */
  tokens: v.array(
    v.object({
      text: v.string(),
      id: v.number(),
      oov: v.boolean(),
      cut: v.boolean(),
      pos: v.number(),
      removed: v.optional(v.boolean()),
    }),
  ),
  /** Tokens cut by maxlen and left out of `tokens` (only the last few cut ones are listed). */
  cut_omitted: v.optional(v.number()),
};
export const ClassifyResultSchema = v.object(classifyEntries);
export type ClassifyResult = v.InferOutput<typeof ClassifyResultSchema>;

/** Every row an array, every entry a number other than NaN (as v.number()): one plain loop, no copy. */
function isNumberMatrix(m: unknown): m is number[][] {
  if (!Array.isArray(m)) return false;
  for (const row of m) {
    if (!Array.isArray(row)) return false;
    for (const x of row) if (typeof x !== 'number' || Number.isNaN(x)) return false;
  }
  return true;
}

/**
 * [row][column] numbers. Checked as one value, not as v.array(v.array(v.number())): a trace of a
 * 500-token review holds some 150,000 numbers, which valibot's item-by-item check copies into new
 * arrays (about 10 ms of the page's main thread, docs/benchmarks.md "Explanations in Classify").
 * A wrong matrix is still refused, named by its field (without the row and column).
 */
const MatrixSchema = v.custom<number[][]>(
  isNumberMatrix,
  'Invalid type: Expected an array of rows of numbers',
);

/** One recurrent layer through the kept tokens; every matrix is [kept step][...]. */
export const LayerStepsSchema = v.object({
  name: v.string(),
  kind: v.picklist(['SimpleRNN', 'LSTM', 'GRU']),
  hidden: MatrixSchema, // [step][unit]
  cell: v.nullable(MatrixSchema),
  gates: v.array(v.object({ name: v.string(), values: MatrixSchema })),
  /** x_t: [step][feature]; null for a one-hot layer, whose x_t is e_{x_ids[step]}. */
  x: v.nullable(MatrixSchema),
  x_ids: v.nullable(v.array(v.number())),
  /** Width of x_t (the one-hot width for a one-hot layer). */
  x_features: v.number(),
  /** GRU: whether the candidate applies r after the recurrent product (Keras' default). */
  reset_after: v.boolean(),
  /** The state entering each step (at the first kept step: the state the padding left). */
  h_prev: MatrixSchema,
  c_prev: v.nullable(MatrixSchema),
  /** Every gate's pre-activation and value in Keras' order: LSTM i f g o, GRU z r h̃, SimpleRNN a → h. */
  pre: MatrixSchema,
  values: MatrixSchema,
  /** The layer's weights in Keras' layout: [kernel (in, k·u), recurrent_kernel (u, k·u), bias (1 or 2 rows)]. */
  weights: v.array(MatrixSchema),
});
export type LayerSteps = v.InferOutput<typeof LayerStepsSchema>;

export const TraceResultSchema = v.object({
  ...classifyEntries,
  /** Output after each kept token (one forward pass, the output layer on h_t). */
  per_step: v.array(v.number()),
  layers: v.array(LayerStepsSchema),
  /** ‖∂z/∂x_t‖ at each kept token (z the output logit, x_t the first recurrent layer's input); null if not finite. */
  input_gradients: v.array(MetricSchema),
  /** P(positive) with each kept token alone replaced by the out-of-vocabulary id 2; null if not finite. */
  occlusion: v.array(MetricSchema),
});
export type TraceResult = v.InferOutput<typeof TraceResultSchema>;

/** Test accuracy in each review-length bucket (data/length-buckets.ts) of the model just trained. */
export const LengthAccuracySchema = v.object({
  split: v.literal('test'),
  count: v.number(),
  buckets: v.array(
    v.object({
      bucket: v.picklist(LENGTH_BUCKETS),
      count: v.number(),
      accuracy: v.nullable(v.number()),
    }),
  ),
});
export type LengthAccuracy = v.InferOutput<typeof LengthAccuracySchema>;

/** A review as the reader edited it: the text, and the token positions (`pos`) taken out. */
export interface ReviewParams {
  text: string;
  removed?: number[];
}
