// The word index file (build/data/word-index.json): the words the packs can hold, in id order, so
// the page can decode stored reviews and encode typed ones (with tokenizer.ts).
//
//   {"format":"rnn-playground-word-index","version":1,"index_from":3,"vocab_size":10000,
//    "words":["the","and","a",...]}
//
// words[i] has rank i + 1 and id i + 4; ids 0, 1, 2 are padding, start and out-of-vocabulary, 3
// is unused. The list holds every word with an id below vocab_size (vocab_size - 4 words), the
// same vocab_size as the packs' headers, so every num_words a pack offers can be encoded.

import { INDEX_FROM, OOV_ID, PAD_ID, START_ID, makeVocabulary, type Vocabulary } from './tokenizer';

export const WORD_INDEX_FORMAT = 'rnn-playground-word-index';
export const WORD_INDEX_VERSION = 1;

export interface WordIndexFile {
  format: string;
  version: number;
  index_from: number;
  vocab_size: number;
  words: string[];
}

export interface WordIndex extends Vocabulary {
  /** Ids below vocabSize have a word; the packs' vocab_size. */
  readonly vocabSize: number;
}

/** The file's text for the words ranked 1.. (only those with an id below vocabSize are kept). */
export function wordIndexToJson(wordsByRank: readonly string[], vocabSize: number): string {
  const file: WordIndexFile = {
    format: WORD_INDEX_FORMAT,
    version: WORD_INDEX_VERSION,
    index_from: INDEX_FROM,
    vocab_size: vocabSize,
    words: wordsByRank.slice(0, Math.max(0, vocabSize - INDEX_FROM - 1)),
  };
  return JSON.stringify(file);
}

/** Reads a word index file (text or parsed JSON); throws an Error saying what is wrong. */
export function parseWordIndex(json: string | unknown): WordIndex {
  const file = (typeof json === 'string' ? JSON.parse(json) : json) as Partial<WordIndexFile> | null;
  if (file === null || typeof file !== 'object' || file.format !== WORD_INDEX_FORMAT) {
    throw new Error(`word index: not a ${WORD_INDEX_FORMAT} file`);
  }
  if (file.version !== WORD_INDEX_VERSION) {
    throw new Error(
      `word index: version ${String(file.version)} is not supported (expected ${WORD_INDEX_VERSION})`,
    );
  }
  if (file.index_from !== INDEX_FROM) {
    throw new Error(`word index: index_from ${String(file.index_from)}, expected ${INDEX_FROM}`);
  }
  const words = file.words;
  if (!Array.isArray(words) || !words.every((w) => typeof w === 'string' && w.length > 0)) {
    throw new Error('word index: "words" must be a list of non-empty strings');
  }
  if (typeof file.vocab_size !== 'number' || words.length > file.vocab_size - INDEX_FROM - 1) {
    throw new Error(`word index: ${words.length} words do not fit vocab_size ${String(file.vocab_size)}`);
  }
  return { ...makeVocabulary(words), vocabSize: file.vocab_size };
}

/** Spellings of the reserved ids when a sequence is shown as words. */
export const SPECIAL_TOKENS: Readonly<Record<number, string>> = {
  [PAD_ID]: '<pad>',
  [START_ID]: '<start>',
  [OOV_ID]: '<oov>',
  [INDEX_FROM]: '<unused>',
};

/** The word of an id, or the spelling of a reserved or unknown id. */
export function idToWord(id: number, vocabulary: Vocabulary): string {
  if (id in SPECIAL_TOKENS) return SPECIAL_TOKENS[id];
  return vocabulary.words[id - INDEX_FROM - 1] ?? '<oov>';
}

/** A stored or padded sequence shown as words; padding is left out unless keepPadding. */
export function decodeIds(ids: ArrayLike<number>, vocabulary: Vocabulary, keepPadding = false): string[] {
  const words: string[] = [];
  for (let i = 0; i < ids.length; i++) {
    if (ids[i] === PAD_ID && !keepPadding) continue;
    words.push(idToWord(ids[i], vocabulary));
  }
  return words;
}
