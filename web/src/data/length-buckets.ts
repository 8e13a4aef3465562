// Accuracy by review length (issue 19, point 4): does a model do worse on long reviews, whose
// beginning maxlen cut away or whose early words had to be carried through many steps? Lengths
// are in tokens as Keras counts them (the start id included) before padding or cutting. A pack
// stores at most its stored_length (500) ids of a review, so a review of exactly 500 tokens
// cannot be told from a longer one: both count as "> 500" (a handful of reviews).

export const LENGTH_BUCKETS = ['≤100', '101–200', '201–300', '301–500', '>500'] as const;
export type LengthBucket = (typeof LENGTH_BUCKETS)[number];

/** Upper ends (inclusive) of the buckets but the last. */
const UPPER = [100, 200, 300, 499];

export interface BucketAccuracy {
  bucket: LengthBucket;
  count: number;
  /** null for an empty bucket. */
  accuracy: number | null;
}

/** The bucket of a review whose pack holds `storedLength` ids (at most `packLength`). */
export function lengthBucket(storedLength: number, packLength = 500): LengthBucket {
  if (storedLength >= packLength) return '>500';
  const i = UPPER.findIndex((u) => storedLength <= u);
  return LENGTH_BUCKETS[i < 0 ? 4 : i];
}

/**
 * Accuracy in each bucket: a review is right when P(positive) ≥ 0.5 exactly when its label is 1
 * (Keras' binary accuracy, threshold 0.5).
 */
export function accuracyByLength(
  lengths: ArrayLike<number>,
  labels: ArrayLike<number>,
  probabilities: ArrayLike<number>,
  packLength = 500,
): BucketAccuracy[] {
  if (lengths.length !== labels.length || labels.length !== probabilities.length) {
    throw new Error(
      `accuracyByLength: ${lengths.length} lengths, ${labels.length} labels and ${probabilities.length} predictions`,
    );
  }
  const count = new Map<LengthBucket, number>();
  const right = new Map<LengthBucket, number>();
  for (let i = 0; i < lengths.length; i++) {
    const b = lengthBucket(lengths[i], packLength);
    count.set(b, (count.get(b) ?? 0) + 1);
    if ((probabilities[i] >= 0.5 ? 1 : 0) === labels[i]) right.set(b, (right.get(b) ?? 0) + 1);
  }
  return LENGTH_BUCKETS.map((bucket) => {
    const n = count.get(bucket) ?? 0;
    return { bucket, count: n, accuracy: n === 0 ? null : (right.get(bucket) ?? 0) / n };
  });
}

/**
 * The stored lengths of a pack's test split and the pack's stored_length, read from its header
 * and length table (docs/pack-format.md; the engine has checked the pack when it loaded it).
 */
export function testLengths(pack: Uint8Array): { lengths: Uint16Array; storedLength: number } {
  const view = new DataView(pack.buffer, pack.byteOffset, pack.byteLength);
  const train = view.getUint32(24, true),
    validation = view.getUint32(28, true),
    test = view.getUint32(32, true);
  const n = train + validation + test;
  const lengths = new Uint16Array(test);
  const first = 40 + n + 2 * (train + validation);
  for (let i = 0; i < test; i++) lengths[i] = view.getUint16(first + 2 * i, true);
  return { lengths, storedLength: view.getUint32(16, true) };
}
