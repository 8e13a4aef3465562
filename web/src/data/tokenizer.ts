// The one tokenizer of RNN Playground. scripts/build-data.ts uses it in Node to build the IMDB
// packs and the word index; the browser uses it to encode a typed review. Because both import this
// module (and it depends on nothing but the JavaScript standard library), a review typed on the
// page is encoded exactly like the training data.
//
// Tokenization rules, in order:
//   1. Unicode NFC, then lower-case (String.prototype.toLowerCase: locale-independent default
//      case mapping), then NFC again (lower-casing may leave a string un-composed).
//      "Café" typed with a combining accent and "café" typed precomposed give the same token.
//   2. Every <br> form (<br />, <br/>, <BR>, < br >) becomes a space, so "end.<br /><br />Next"
//      never glues "end" and "next" together and "br" never becomes a word.
//   3. The right single quotation mark ’ (U+2019) becomes the apostrophe ' (don’t = don't).
//   4. Tokens are the maximal runs of letters, digits and apostrophes: /[\p{L}\p{N}']+/u.
//      Everything else (spaces, punctuation, hyphens, symbols, emoji) separates tokens and is
//      dropped. Korean, accented and other letters of any script are letters.
//   5. Apostrophes at either end of a token are stripped ('quoted' -> quoted, don't stays); a
//      token that was only apostrophes is dropped.
//
// Word ids follow Keras' imdb.load_data:
//   0 padding, 1 start of review (every encoded review begins with it), 2 out of vocabulary,
//   3 never used, and the word of frequency rank r (1 = most frequent on the 25,000-review
//   training side; equal counts ordered by the words' Unicode code points) has id r + 3.
//   With a vocabulary of num_words, every id >= num_words becomes 2.

export const PAD_ID = 0;
export const START_ID = 1;
export const OOV_ID = 2;
/** Word ids are rank + INDEX_FROM (Keras' index_from=3). */
export const INDEX_FROM = 3;

const BR_TAG = /<\s*br\s*\/?\s*>/g;
const RIGHT_SINGLE_QUOTE = /\u2019/g;
const TOKEN = /[\p{L}\p{N}']+/gu;
const EDGE_APOSTROPHES = /^'+|'+$/g;
const APOSTROPHE = 0x27;

/** Steps 1–3 of the rules above: the text the token pattern is run on. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .normalize('NFC')
    .replace(BR_TAG, ' ')
    .replace(RIGHT_SINGLE_QUOTE, "'");
}

/** The review's tokens, in order (rules 1–5 above). */
export function tokenize(text: string): string[] {
  const runs = normalizeText(text).match(TOKEN) ?? [];
  const tokens: string[] = [];
  for (const run of runs) {
    // Most runs have no apostrophe at either end; only those pay for the regular expression.
    const token =
      run.charCodeAt(0) === APOSTROPHE || run.charCodeAt(run.length - 1) === APOSTROPHE
        ? run.replace(EDGE_APOSTROPHES, '')
        : run;
    if (token.length > 0) tokens.push(token);
  }
  return tokens;
}

/**
 * Orders two strings by Unicode code points (not by UTF-16 units, which put U+10000 and above
 * before U+E000–U+FFFF). At the first differing unit, surrogates are moved above the rest of the
 * BMP, which gives code-point order for well-formed strings.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointOrderKey(x) - codePointOrderKey(y);
  }
  return a.length - b.length;
}

function codePointOrderKey(unit: number): number {
  if (unit >= 0xe000) return unit - 0x800;
  if (unit >= 0xd800) return unit + 0x2000;
  return unit;
}

/** How often each word occurs over all the given tokenized reviews. */
export function countWords(tokenizedReviews: Iterable<readonly string[]>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const tokens of tokenizedReviews) {
    for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
  }
  return counts;
}

/**
 * Words by rank: element r - 1 is the word of rank r (id r + 3). Higher counts first; equal counts
 * by code-point order of the word.
 */
export function rankWords(counts: ReadonlyMap<string, number>): string[] {
  const entries = [...counts.entries()];
  entries.sort((a, b) => b[1] - a[1] || compareCodePoints(a[0], b[0]));
  return entries.map(([word]) => word);
}

/** A vocabulary in rank order with its look-up table. */
export interface Vocabulary {
  /** words[r - 1] is the word of rank r, whose id is r + 3. */
  readonly words: readonly string[];
  readonly idOf: ReadonlyMap<string, number>;
}

export function makeVocabulary(wordsByRank: readonly string[]): Vocabulary {
  const idOf = new Map<string, number>();
  wordsByRank.forEach((word, i) => idOf.set(word, i + 1 + INDEX_FROM));
  return { words: wordsByRank, idOf };
}

/** A word's id at a vocabulary of numWords: its rank + 3, or 2 if unknown or >= numWords. */
export function wordId(word: string, vocabulary: Vocabulary, numWords: number): number {
  const id = vocabulary.idOf.get(word);
  return id === undefined || id >= numWords ? OOV_ID : id;
}

/** [1, id of each token...] as imdb.load_data(num_words=numWords) gives them. */
export function encodeTokens(tokens: readonly string[], vocabulary: Vocabulary, numWords: number): number[] {
  const ids = new Array<number>(tokens.length + 1);
  ids[0] = START_ID;
  for (let i = 0; i < tokens.length; i++) ids[i + 1] = wordId(tokens[i], vocabulary, numWords);
  return ids;
}

/** A typed or stored review, tokenized and encoded: ids[i + 1] is the id of tokens[i]. */
export interface EncodedReview {
  tokens: string[];
  ids: number[];
}

export function encodeReview(text: string, vocabulary: Vocabulary, numWords: number): EncodedReview {
  const tokens = tokenize(text);
  return { tokens, ids: encodeTokens(tokens, vocabulary, numWords) };
}

/**
 * Keras pad_sequences(maxlen, padding='pre', truncating='pre', value=0) for one sequence: keeps
 * the last maxlen ids and puts zeros in front of a shorter one.
 *
 * The engine's pad_pre (cpp/engine/dataset.hpp) does this for everything it reads from a pack; this
 * copy serves only a typed review (data/review-encoding.ts), which is tokenized here in TypeScript
 * and padded as the last step of that encoding, in the worker and in Node (tests, the paste
 * benchmark) where no engine is loaded. The engine has no entry point that pads a sequence it is
 * handed (predict and trace take padded ids), and one would cost .wasm bytes for two lines.
 * tests/js/tokenizer.test.ts holds the two equal on random sequences, through the real .wasm.
 */
export function padSequencePre(ids: readonly number[], maxlen: number): number[] {
  const kept = ids.slice(Math.max(0, ids.length - maxlen));
  return new Array<number>(maxlen - kept.length).fill(PAD_ID).concat(kept);
}
