// Accuracy by review length (web/src/data/length-buckets.ts) against a hand computation, and the
// test split's lengths read from a pack written by the pack writer.
import { describe, expect, it } from 'vitest';
import { accuracyByLength, lengthBucket, testLengths } from '../../web/src/data/length-buckets';
import { writePack } from '../../web/src/data/pack';

describe('accuracy by review length', () => {
  it('puts each length in its bucket, the ends included', () => {
    expect([1, 100, 101, 200, 201, 300, 301, 499, 500].map((l) => lengthBucket(l))).toEqual([
      '≤100',
      '≤100',
      '101–200',
      '101–200',
      '201–300',
      '201–300',
      '301–500',
      '301–500',
      '>500',
    ]);
  });

  it('counts right and wrong predictions per bucket as worked out by hand', () => {
    // Ten reviews:          len  label  P(positive)   right?
    const reviews: [number, number, number][] = [
      [12, 1, 0.9], //        ≤100      yes
      [100, 0, 0.2], //       ≤100      yes
      [99, 1, 0.3], //        ≤100      no
      [150, 0, 0.5], //       101–200   no (0.5 counts as positive, as Keras' threshold)
      [201, 1, 0.5], //       201–300   yes
      [300, 0, 0.49], //      201–300   yes
      [301, 1, 0.1], //       301–500   no
      [450, 1, 0.8], //       301–500   yes
      [500, 0, 0.7], //       >500      no
      [500, 1, 0.95], //      >500      yes
    ];
    const result = accuracyByLength(
      reviews.map((r) => r[0]),
      reviews.map((r) => r[1]),
      reviews.map((r) => r[2]),
    );
    expect(result).toEqual([
      { bucket: '≤100', count: 3, accuracy: 2 / 3 },
      { bucket: '101–200', count: 1, accuracy: 0 },
      { bucket: '201–300', count: 2, accuracy: 1 },
      { bucket: '301–500', count: 2, accuracy: 0.5 },
      { bucket: '>500', count: 2, accuracy: 0.5 },
    ]);
    expect(accuracyByLength([5], [1], [0.9])[1]).toEqual({ bucket: '101–200', count: 0, accuracy: null });
    expect(() => accuracyByLength([5, 6], [1], [0.9])).toThrow(/2 lengths, 1 labels and 1 predictions/);
  });

  it("reads the test split's lengths from a pack, after the train and validation ones", () => {
    const seq = (n: number) => Array.from({ length: n }, (_, i) => (i === 0 ? 1 : 4 + (i % 7)));
    const pack = writePack({
      vocabSize: 20,
      storedLength: 500,
      numClasses: 2,
      train: { sequences: [seq(3), seq(40)], labels: [0, 1] },
      validation: { sequences: [seq(7)], labels: [1] },
      test: { sequences: [seq(120), seq(500), seq(1)], labels: [1, 0, 1] },
    });
    const { lengths, storedLength } = testLengths(pack);
    expect([...lengths]).toEqual([120, 500, 1]);
    expect(storedLength).toBe(500);
  });
});
