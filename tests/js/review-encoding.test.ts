// A typed review as the classify view sends it to the network: the shared tokenizer, ids at
// num_words, Keras' 'pre' truncation and padding, OOV and cut marks — checked against ids worked
// out by hand on a small word index. Then the trace the view draws, through the real .wasm: its
// steps are the kept tokens, its last hidden state is what the Dense layer reads in an ordinary
// prediction, and the LSTM's h_t = o_t ⊙ tanh(c_t) holds for the reported gates and cell state.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseWordIndex, wordIndexToJson } from '../../web/src/data/word-index';
import { unwrapReply } from '../../web/src/engine/engine-api';
import {
  CUT_TOKENS_SHOWN,
  MAX_REVIEW_CHARS,
  encodeForModel,
  positiveProbability,
  traceOfKeptTokens,
  type EngineTrace,
} from '../../web/src/data/review-encoding';
import { presets } from '../../web/src/presets/presets';
import { reviewFacts, reviewNotes } from '../../web/src/ui/classify/review-notes';
import type { EngineSession } from '../../web/src/wasm/rnn_engine.mjs';
import { QUICK_PACK, briefTraining } from './helpers/trained-session';

// Ranks 1..6: ids 4..9. With num_words 8, "film" (id 8) and "bad" (id 9) are out of vocabulary.
const index = parseWordIndex(wordIndexToJson(['the', 'movie', 'was', 'good', 'film', 'bad'], 100));

describe('encodeForModel', () => {
  it('puts the start token first and gives words their rank + 3, padding at the front', () => {
    const e = encodeForModel('The movie was GOOD.', index, 100, 8);
    expect(e.tokens.map((t) => [t.text, t.id])).toEqual([
      ['<start>', 1],
      ['the', 4],
      ['movie', 5],
      ['was', 6],
      ['good', 7],
    ]);
    expect(e.padded).toEqual([0, 0, 0, 1, 4, 5, 6, 7]);
    expect(e.firstKeptStep).toBe(3);
    expect(e.tokens.every((t) => !t.oov && !t.cut)).toBe(true);
    expect(e.cutOmitted).toBe(0);
  });

  it('marks unknown words and words at or beyond num_words as OOV (id 2)', () => {
    const e = encodeForModel('the film was bad, zyzzyva', index, 8, 10);
    expect(e.tokens.map((t) => [t.text, t.id, t.oov])).toEqual([
      ['<start>', 1, false],
      ['the', 4, false],
      ['film', 2, true],
      ['was', 6, false],
      ['bad', 2, true],
      ['zyzzyva', 2, true],
    ]);
    // At num_words 10 both are inside the vocabulary again.
    expect(encodeForModel('film bad', index, 10, 10).tokens.map((t) => t.id)).toEqual([1, 8, 9]);
  });

  it("truncates at the front ('pre'): keeps the last maxlen ids and marks the cut ones", () => {
    const e = encodeForModel('the movie was good the film', index, 100, 4);
    // ids 1 4 5 6 7 4 8 → the last four are kept.
    expect(e.padded).toEqual([6, 7, 4, 8]);
    expect(e.firstKeptStep).toBe(0);
    expect(e.tokens.map((t) => [t.text, t.cut])).toEqual([
      ['<start>', true],
      ['the', true],
      ['movie', true],
      ['was', false],
      ['good', false],
      ['the', false],
      ['film', false],
    ]);
    // maxlen exactly the length: nothing cut, no padding.
    const exact = encodeForModel('the movie', index, 100, 3);
    expect(exact.padded).toEqual([1, 4, 5]);
    expect(exact.tokens.some((t) => t.cut)).toBe(false);
  });

  it('lists only the last cut tokens of a huge paste and counts the rest', () => {
    const words = Array.from({ length: 10_000 }, (_, i) => (i === 9_999 ? 'good' : 'movie'));
    const e = encodeForModel(words.join(' '), index, 100, 5, 3);
    // 10,001 ids, 5 kept, 9,996 cut: the 3 just before the kept part are listed.
    expect(e.cutOmitted).toBe(9_993);
    expect(e.tokens).toHaveLength(8);
    expect(e.tokens.map((t) => t.cut)).toEqual([true, true, true, false, false, false, false, false]);
    expect(e.tokens.at(-1)).toEqual({ text: 'good', id: 7, oov: false, cut: false, pos: 10_000 });
    expect(e.padded).toEqual([5, 5, 5, 5, 7]);
  });

  it('leaves removed tokens out of what the network reads, keeps them listed, and lets maxlen keep more', () => {
    const e = encodeForModel('movie good movie bad good', index, 100, 4, 40, [2, 4]);
    // ids [1, 5, 7, 5, ?, 7]: positions 2 ('good') and 4 ('bad') removed; 4 ids remain, none cut.
    expect(e.tokens.map((t) => [t.text, t.pos, t.removed ?? false, t.cut])).toEqual([
      ['<start>', 0, false, false],
      ['movie', 1, false, false],
      ['good', 2, true, false],
      ['movie', 3, false, false],
      ['bad', 4, true, false],
      ['good', 5, false, false],
    ]);
    expect(e.padded).toEqual([1, 5, 5, 7]);
    // Without the removal maxlen 4 cuts the start token and 'movie'.
    expect(
      encodeForModel('movie good movie bad good', index, 100, 4)
        .tokens.filter((t) => t.cut)
        .map((t) => t.pos),
    ).toEqual([0, 1]);
  });

  it('gives only the start token for empty text, punctuation and emoji', () => {
    for (const text of ['', '   ', '?!... --- ;)', '😀🎬👍']) {
      const e = encodeForModel(text, index, 100, 4);
      expect(e.tokens.map((t) => t.text)).toEqual(['<start>']);
      expect(e.padded).toEqual([0, 0, 0, 1]);
    }
  });

  it('makes Korean words tokens, all out of vocabulary', () => {
    const e = encodeForModel('정말 재미있는 영화였어요', index, 100, 10);
    expect(e.tokens.slice(1).map((t) => [t.text, t.id, t.oov])).toEqual([
      ['정말', 2, true],
      ['재미있는', 2, true],
      ['영화였어요', 2, true],
    ]);
  });

  it('refuses a review over the size limit with a message', () => {
    expect(() => encodeForModel('a'.repeat(MAX_REVIEW_CHARS + 1), index, 100, 4)).toThrowError(
      /characters long; paste at most/,
    );
  });

  // What the page gets back for a megabyte is bounded by count, whatever the text's length: the
  // last maxlen ids, those tokens and CUT_TOKENS_SHOWN cut ones listed, the rest only counted.
  // (How long it takes is a benchmark figure: scripts/bench/classify-paste.ts.)
  it('encodes a 1 MB paste into a bounded answer: maxlen ids, maxlen + 40 tokens listed, the rest counted', () => {
    const sentence = 'the movie was good, the film was bad. ';
    const repeats = Math.ceil(1_000_000 / sentence.length);
    const text = sentence.repeat(repeats);
    const perSentence = encodeForModel(sentence, index, 100, 100).tokens.length - 1; // less the start token
    const e = encodeForModel(text, index, 100, 100);
    expect(e.padded).toHaveLength(100);
    expect(e.tokens).toHaveLength(100 + CUT_TOKENS_SHOWN);
    expect(e.tokens.slice(0, CUT_TOKENS_SHOWN).every((t) => t.cut)).toBe(true);
    expect(e.tokens.slice(CUT_TOKENS_SHOWN).some((t) => t.cut)).toBe(false);
    // The start token and every sentence's tokens: listed or counted, none lost.
    expect(e.cutOmitted + e.tokens.length).toBe(1 + perSentence * repeats);
    expect(e.padded).toEqual(e.tokens.slice(CUT_TOKENS_SHOWN).map((t) => t.id));
  });

  it('reads the probability of positive from a sigmoid or a two-class softmax row', () => {
    expect(positiveProbability([0.8])).toBe(0.8);
    expect(positiveProbability([0.3, 0.7])).toBe(0.7);
  });
});

describe('what the classify view says about a review', () => {
  const notesFor = (text: string, numWords: number, maxlen: number, shown = 40) => {
    const e = encodeForModel(text, index, numWords, maxlen, shown);
    return {
      facts: reviewFacts({ probability: 0.5, tokens: e.tokens, cut_omitted: e.cutOmitted }),
      notes: reviewNotes({ probability: 0.5, tokens: e.tokens, cut_omitted: e.cutOmitted }),
    };
  };

  it('no words: only that', () => {
    expect(notesFor('?!', 100, 10).notes).toEqual([expect.stringMatching(/^No words found/)]);
  });

  it('one word, in the vocabulary', () => {
    expect(notesFor('good!', 100, 10).notes).toEqual([expect.stringMatching(/^Only one word/)]);
  });

  it('every word out of the vocabulary (Korean): says so and suggests English', () => {
    const { notes } = notesFor('정말 재미있는 영화', 100, 10);
    expect(notes[0]).toMatch(/^All 3 words are out of the vocabulary \(id 2\).*try writing in English\.$/);
  });

  it('some words out of the vocabulary, counted', () => {
    expect(notesFor('the film was bad', 8, 10).notes).toEqual([
      expect.stringMatching(/^2 of 4 words are out of the vocabulary/),
    ]);
  });

  it('the maxlen cut, counted over the omitted tokens too', () => {
    const { facts, notes } = notesFor(Array(50).fill('movie').join(' '), 100, 10, 5);
    // 51 tokens with the start token; 10 kept, 41 cut of which 36 not listed.
    expect(facts).toEqual({ total: 51, words: 50, oov: 0, kept: 10, cut: 41 });
    expect(notes).toEqual([
      expect.stringMatching(
        /^The review has 51 tokens with the start token; maxlen keeps the last 10 .* the first 41 tokens \(greyed\)/,
      ),
    ]);
  });
});

// ---- the trace, through the real engine ----------------------------------------------------------
const wordIndexFile = new URL('../../build/data/word-index.json', import.meta.url);

/**
 * Traces reviews through a briefly trained preset (weights away from their start): hands `check`
 * the Session and a function from a review to its encoding and its trace of the kept tokens.
 */
async function withTraces(
  presetId: string,
  check: (
    s: EngineSession,
    trace: (text: string) => {
      enc: ReturnType<typeof encodeForModel>;
      t: ReturnType<typeof traceOfKeptTokens>;
    },
  ) => void,
) {
  const words = parseWordIndex(readFileSync(wordIndexFile, 'utf8'));
  const s = await briefTraining(presets.find((p) => p.id === presetId)!.model, 500, 8);
  try {
    check(s, (text) => {
      const enc = encodeForModel(text, words, 500, 100);
      return {
        enc,
        t: traceOfKeptTokens(enc, unwrapReply<EngineTrace>(s.trace(JSON.stringify(enc.padded)))),
      };
    });
  } finally {
    s.delete();
  }
}

/** Least squares for y ≈ X·w + b (normal equations, Gaussian elimination with pivoting). */
function fitAffine(rows: number[][], y: number[]): { w: number[]; b: number } {
  const n = rows[0].length + 1;
  const a = Array.from({ length: n }, () => new Array<number>(n + 1).fill(0));
  rows.forEach((r, k) => {
    const x = [...r, 1];
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) a[i][j] += x[i] * x[j];
      a[i][n] += x[i] * y[k];
    }
  });
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[p][c])) p = r;
    [a[c], a[p]] = [a[p], a[c]];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = a[r][c] / a[c][c];
      for (let j = c; j <= n; j++) a[r][j] -= f * a[c][j];
    }
  }
  const sol = a.map((row, i) => row[n] / row[i]);
  return { w: sol.slice(0, -1), b: sol[n - 1] };
}

const logit = (p: number) => Math.log(p / (1 - p));
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

describe('the trace the classify view draws (WebAssembly in Node)', () => {
  it('has the quick pack and word index built', () => {
    expect(
      existsSync(QUICK_PACK) && existsSync(wordIndexFile),
      'build/data is missing: run npm run build',
    ).toBe(true);
  });

  it('LSTM: one step per kept token, h_t = o ⊙ tanh(c_t), and the last h_t is what Dense reads in predict', async () => {
    await withTraces('lstm', (s, trace) => {
      // A long review (every step a token) to learn the Dense layer's w, b from per-step outputs.
      const long = trace(
        'the film was great but the story was bad and boring, yet the acting was wonderful and I loved the music. '.repeat(
          6,
        ),
      );
      expect(long.t.per_step).toHaveLength(100);
      const layer = long.t.layers[0];
      expect(layer.kind).toBe('LSTM');
      expect(layer.gates.map((g) => g.name)).toEqual(['input', 'forget', 'output']);
      const out = layer.gates[2].values;
      let worst = 0;
      for (let step = 0; step < 100; step++) {
        for (let u = 0; u < 8; u++)
          worst = Math.max(
            worst,
            Math.abs(layer.hidden[step][u] - out[step][u] * Math.tanh(layer.cell![step][u])),
          );
      }
      expect(worst).toBeLessThan(1e-5);
      const { w, b } = fitAffine(layer.hidden, long.t.per_step.map(logit));
      // A short review, padded: only its kept tokens are steps; the ordinary prediction (a separate
      // forward pass) equals the Dense layer applied to the trace's last hidden state.
      const short = trace('An awful, boring movie. I hated it.');
      expect(short.t.tokens.map((x) => x.text)).toEqual([
        '<start>',
        'an',
        'awful',
        'boring',
        'movie',
        'i',
        'hated',
        'it',
      ]);
      expect(short.t.per_step).toHaveLength(8);
      expect(short.t.layers[0].hidden).toHaveLength(8);
      expect(short.t.layers[0].cell).toHaveLength(8);
      const predicted = positiveProbability(
        unwrapReply<number[][]>(s.predict(JSON.stringify([short.enc.padded])))[0],
      );
      const hLast = short.t.layers[0].hidden[7];
      const fromHidden = sigmoid(hLast.reduce((acc, h, u) => acc + h * w[u], b));
      expect(Math.abs(fromHidden - predicted)).toBeLessThan(1e-4);
      expect(Math.abs(short.t.per_step[7] - predicted)).toBeLessThan(1e-6);
      expect(short.t.probability).toBeCloseTo(predicted, 6);
    });
  });

  it('GRU: update and reset gates, no cell state, units × kept steps', async () => {
    await withTraces('gru', (_s, trace) => {
      const l = trace('Not good at all.').t.layers[0];
      expect(l.kind).toBe('GRU');
      expect(l.cell).toBeNull();
      expect(l.gates.map((g) => [g.name, g.values.length, g.values[0].length])).toEqual([
        ['update', 5, 8],
        ['reset', 5, 8],
      ]);
      // h_t = z ⊙ h_{t-1} + (1 − z) ⊙ h̃_t with h̃_t = tanh(...) in (−1, 1): recover h̃ and check its range.
      const z = l.gates[0].values;
      for (let step = 1; step < 5; step++) {
        for (let u = 0; u < 8; u++) {
          const candidate = (l.hidden[step][u] - z[step][u] * l.hidden[step - 1][u]) / (1 - z[step][u]);
          expect(Math.abs(candidate)).toBeLessThanOrEqual(1 + 1e-3);
        }
      }
    });
  });

  it('2-layer LSTM: one trace per recurrent layer, bottom to top', async () => {
    await withTraces('lstm-2layer', (_s, trace) => {
      const { t } = trace('A fine film.');
      expect(t.layers.map((l) => [l.kind, l.hidden.length, l.hidden[0].length])).toEqual([
        ['LSTM', 4, 8],
        ['LSTM', 4, 8],
      ]);
      expect(t.layers[0].name).not.toBe(t.layers[1].name);
    });
  });
});
