// The tokenizer's rules on hand-written cases, word ids as Keras' imdb.load_data gives them,
// pad_sequences semantics (and the same padding as the engine's, in the real .wasm), the word index
// file, and the same encoding from the browser bundle.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';

import fc from 'fast-check';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';

import { loadImdbReviews } from '../../scripts/build-data';
import {
  compareCodePoints,
  countWords,
  encodeReview,
  encodeTokens,
  makeVocabulary,
  padSequencePre,
  rankWords,
  tokenize,
  wordId,
} from '../../web/src/data/tokenizer';
import { decodeIds, parseWordIndex, wordIndexToJson } from '../../web/src/data/word-index';
import { writePack } from '../../web/src/data/pack';
import { loadEngine } from './helpers/wasm';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('tokenize', () => {
  it.each([
    ['punctuation', 'Hello, world! Great... (really)?', ['hello', 'world', 'great', 'really']],
    ['case', 'GREAT Movie, gReAt movie', ['great', 'movie', 'great', 'movie']],
    [
      '<br /> and every <br> form',
      'Bad.<br /><br />Worse<br/>end<BR>x< br >y',
      ['bad', 'worse', 'end', 'x', 'y'],
    ],
    ['inner apostrophes kept', "don't rock'n'roll film's", ["don't", "rock'n'roll", "film's"]],
    [
      'apostrophes at the ends stripped',
      "'Tis the 'best' students' ''ending''",
      ['tis', 'the', 'best', 'students', 'ending'],
    ],
    ['apostrophe-only tokens dropped', "'' ' ''' a", ['a']],
    ['right single quotation mark', 'Don’t ‘quote’ me’', ["don't", 'quote', 'me']],
    ['numbers', '10/10, 3.5 stars in 1999; 2nd ½', ['10', '10', '3', '5', 'stars', 'in', '1999', '2nd', '½']],
    ['hyphens and symbols separate', 'well-made $5 a+b #1', ['well', 'made', '5', 'a', 'b', '1']],
    ['accents', 'NAÏVE Straße ÉCOLE', ['naïve', 'straße', 'école']],
    ['Korean', '이 영화 정말 최고예요!! 👍', ['이', '영화', '정말', '최고예요']],
    ['emoji', '😀😀 great 🎬movie 👨‍👩‍👧', ['great', 'movie']],
    ['empty', '', []],
    ['nothing but separators', '  ...!!! <br /> 😀 ', []],
  ])('%s', (_name, text, expected) => {
    expect(tokenize(text)).toEqual(expected);
  });

  it('composes to NFC so any spelling of an accent gives one token', () => {
    const decomposed = 'Cafe\u0301';
    expect(tokenize(decomposed)).toEqual(['caf\u00e9']);
    expect(tokenize('CAF\u00c9')).toEqual(['caf\u00e9']);
    // Hangul jamo ᄀ + ᅡ compose to the syllable 가.
    expect(tokenize('\u1100\u1161')).toEqual(['\uac00']);
  });
});

describe('word ids (Keras imdb.load_data)', () => {
  it('ranks by count, equal counts by code point', () => {
    const counts = countWords([
      ['b', 'a', 'c'],
      ['c', 'b', 'a', 'c'],
      ['d', 'c', 'c'],
    ]);
    expect(counts.get('c')).toBe(5);
    expect(rankWords(counts)).toEqual(['c', 'a', 'b', 'd']);
  });

  it('orders ties by code point, not UTF-16 unit', () => {
    const fullwidthA = '\uff21'; // U+FF21
    const mathBoldA = '\u{1d400}'; // U+1D400, a surrogate pair starting 0xD835
    expect(mathBoldA < fullwidthA).toBe(true); // what plain string comparison says
    expect(compareCodePoints(fullwidthA, mathBoldA)).toBeLessThan(0);
    expect(compareCodePoints('ab', 'a')).toBeGreaterThan(0);
    expect(compareCodePoints('a', 'a')).toBe(0);
    expect(
      rankWords(
        new Map([
          [mathBoldA, 1],
          [fullwidthA, 1],
          ['z', 1],
        ]),
      ),
    ).toEqual(['z', fullwidthA, mathBoldA]);
  });

  it('gives rank + 3, 1 first, 2 for unknown words and ids >= num_words, never 3', () => {
    const vocab = makeVocabulary(['the', 'movie', 'good']); // ids 4, 5, 6
    expect(encodeTokens(tokenize('The movie was GOOD'), vocab, 100)).toEqual([1, 4, 5, 2, 6]);
    expect(encodeTokens(tokenize('The movie was GOOD'), vocab, 6)).toEqual([1, 4, 5, 2, 2]);
    expect(encodeTokens([], vocab, 100)).toEqual([1]);
    expect(wordId('the', vocab, 5)).toBe(4);
    expect(wordId('the', vocab, 4)).toBe(2);
    const review = encodeReview('Good, good movie!', vocab, 100);
    expect(review).toEqual({ tokens: ['good', 'good', 'movie'], ids: [1, 6, 6, 5] });
    expect(review.ids).not.toContain(3);
  });
});

describe('padSequencePre (pad_sequences, padding and truncating "pre")', () => {
  it('puts zeros in front of a short sequence', () => {
    expect(padSequencePre([1, 7, 8], 5)).toEqual([0, 0, 1, 7, 8]);
    expect(padSequencePre([], 3)).toEqual([0, 0, 0]);
  });
  it('keeps the last maxlen ids of a long one', () => {
    expect(padSequencePre([1, 4, 5, 6, 7, 8], 4)).toEqual([5, 6, 7, 8]);
    expect(padSequencePre([1, 4, 5], 3)).toEqual([1, 4, 5]);
    expect(padSequencePre([1, 4, 5], 1)).toEqual([5]);
  });
  it("pads as the engine's pad_pre does (the pack reader in the real .wasm), on the same sequences", async () => {
    // The engine pads only what it reads from a pack: each run writes its sequences as a pack's
    // training split, and the engine's rows at every maxlen are compared with padSequencePre's.
    const engine = await loadEngine();
    const STORED = 12;
    const sequences = fc.array(fc.array(fc.integer({ min: 0, max: 29 }), { maxLength: STORED }), {
      minLength: 1,
      maxLength: 20,
    });
    fc.assert(
      fc.property(sequences, (train) => {
        const session = new engine.Session();
        try {
          const empty = { sequences: [], labels: [] };
          const split = { sequences: train, labels: train.map(() => 0) };
          session.loadPack(
            writePack({
              vocabSize: 30,
              storedLength: STORED,
              numClasses: 2,
              train: split,
              validation: empty,
              test: empty,
            }),
          );
          for (let maxlen = 1; maxlen <= STORED; maxlen++) {
            const view = session.dataView(30, maxlen, 0);
            if (typeof view === 'string') throw new Error(view);
            const rows = Array.from(view, Number);
            train.forEach((ids, i) =>
              expect(rows.slice(i * maxlen, (i + 1) * maxlen), `maxlen ${maxlen}, ${ids}`).toEqual(
                padSequencePre(ids, maxlen),
              ),
            );
          }
        } finally {
          session.delete();
        }
      }),
      { numRuns: 100, seed: 14 },
    );
  });
});

describe('word index file', () => {
  it('keeps the words below vocab_size and decodes ids back to them', () => {
    const index = parseWordIndex(wordIndexToJson(['the', 'a', 'movie', 'plot'], 7));
    expect(index.words).toEqual(['the', 'a', 'movie']); // ids 4, 5, 6
    expect(index.vocabSize).toBe(7);
    expect(decodeIds([0, 0, 1, 4, 6, 2, 5], index)).toEqual(['<start>', 'the', 'movie', '<oov>', 'a']);
    expect(decodeIds([0, 1], index, true)).toEqual(['<pad>', '<start>']);
    expect(encodeReview('The plot', index, index.vocabSize).ids).toEqual([1, 4, 2]);
  });
  it('refuses other files', () => {
    expect(() => parseWordIndex('{"words": ["a"]}')).toThrow(/not a rnn-playground-word-index/);
    const file = JSON.parse(wordIndexToJson(['a'], 10));
    expect(() => parseWordIndex({ ...file, version: 2 })).toThrow(/version 2/);
    expect(() => parseWordIndex({ ...file, words: ['a', ''] })).toThrow(/non-empty/);
    expect(() => parseWordIndex({ ...file, vocab_size: 4 })).toThrow(/do not fit/);
  });
});

describe('the browser bundle', () => {
  it('encodes exactly as Node does', async () => {
    // The module as Vite bundles it for the page, run in a bare context (no Node globals).
    const result = await build({
      configFile: false,
      logLevel: 'silent',
      root: ROOT,
      build: {
        write: false,
        minify: true,
        target: 'es2020',
        lib: { entry: join(ROOT, 'web/src/data/tokenizer.ts'), formats: ['iife'], name: 'RnnTokenizer' },
      },
    });
    const outputs = Array.isArray(result) ? result : [result];
    const chunk = outputs.flatMap((o) => ('output' in o ? o.output : [])).find((c) => c.type === 'chunk');
    if (!chunk || chunk.type !== 'chunk') throw new Error('vite produced no bundle');
    const browser = runInNewContext(`${chunk.code};RnnTokenizer`, {}) as {
      tokenize: typeof tokenize;
      encodeReview: typeof encodeReview;
      makeVocabulary: typeof makeVocabulary;
    };

    const reviews = loadImdbReviews();
    const texts = [
      ...reviews.filter((_, i) => i % 250 === 0).map((r) => r.t),
      'Cafe\u0301 don’t <BR/>이 영화 😀 10/10 \u{1d400}x',
      '',
    ];
    const words = rankWords(countWords(texts.map(tokenize)));
    const nodeVocab = makeVocabulary(words);
    const browserVocab = browser.makeVocabulary(words);
    for (const text of texts) {
      expect(browser.tokenize(text)).toEqual(tokenize(text));
      expect(browser.encodeReview(text, browserVocab, 500)).toEqual(encodeReview(text, nodeVocab, 500));
    }
  });
});
