// The Long memory data set (web/src/data/long-memory.ts): the same bytes from the same seed, the
// label rule of docs/long-memory.md checked on every sequence, the pack read back by the format's
// reader, and the presets' clipnorm reaching the Keras code.
import { describe, expect, it } from 'vitest';
import {
  FIRST_NOISE,
  LONG_MEMORY_SEED,
  LONG_MEMORY_SIZES,
  LONG_MEMORY_STEPS,
  LONG_MEMORY_VOCAB,
  SIGNAL_NEGATIVE,
  SIGNAL_POSITIVE,
  SIGNAL_WINDOW,
  longMemoryContents,
  longMemoryPack,
  longMemoryTokenName,
} from '../../web/src/data/long-memory';
import { readPack, type PackSplit } from '../../web/src/data/pack';
import { dataFileName, kerasCode } from '../../web/src/export/keras-code';
import { presetById } from '../../web/src/presets/presets';
import { stateFromPreset, validateState, STATE_VERSION } from '../../web/src/state/playground-state';

/** Where the signal of each sequence sits, with the label it implies; throws unless there is exactly one. */
function signals(split: PackSplit): { at: number; label: number }[] {
  return split.sequences.map((seq, i) => {
    const at = [...seq].flatMap((id, t) => (id === SIGNAL_POSITIVE || id === SIGNAL_NEGATIVE ? [t] : []));
    if (at.length !== 1) throw new Error(`sequence ${i} holds ${at.length} signal tokens`);
    return { at: at[0], label: seq[at[0]] === SIGNAL_POSITIVE ? 1 : 0 };
  });
}

describe('Long memory data', () => {
  const data = longMemoryContents();

  it('is the same bytes for the same seed, other bytes for another', () => {
    const a = longMemoryPack();
    expect(Buffer.from(longMemoryPack(LONG_MEMORY_SEED)).equals(Buffer.from(a))).toBe(true);
    expect(Buffer.from(longMemoryPack(LONG_MEMORY_SEED + 1)).equals(Buffer.from(a))).toBe(false);
    // 44 + 3N + 2T bytes (docs/pack-format.md): N sequences of 200 ids each.
    const n = LONG_MEMORY_SIZES.train + LONG_MEMORY_SIZES.validation + LONG_MEMORY_SIZES.test;
    expect(a.length).toBe(44 + 3 * n + 2 * n * LONG_MEMORY_STEPS);
  });

  it('reads back through the pack reader as written', () => {
    const back = readPack(longMemoryPack());
    expect(back.vocabSize).toBe(35);
    expect(back.storedLength).toBe(200);
    for (const name of ['train', 'validation', 'test'] as const) {
      expect(back[name].labels).toEqual(data[name].labels);
      expect(back[name].sequences.map((s) => [...s])).toEqual(data[name].sequences.map((s) => [...s]));
    }
  });

  it('sets each label by its one signal token, A for 1 and B for 0, the rest noise', () => {
    for (const name of ['train', 'validation', 'test'] as const) {
      const split = data[name];
      expect(split.sequences.length).toBe(LONG_MEMORY_SIZES[name]);
      signals(split).forEach((s, i) => expect(s.label, `${name} ${i}`).toBe(split.labels[i]));
      const known = (id: number) =>
        id === SIGNAL_POSITIVE || id === SIGNAL_NEGATIVE || (id >= FIRST_NOISE && id < LONG_MEMORY_VOCAB);
      split.sequences.forEach((seq, i) => {
        expect(seq.length).toBe(LONG_MEMORY_STEPS);
        expect([...seq].every(known), `${name} ${i}`).toBe(true);
      });
      // Both classes, near balance (drawn as fair coins: 200 draws stay within 0.35..0.65 but for odds of 1e-4).
      const positive = split.labels.filter((l) => l === 1).length / split.labels.length;
      expect(positive).toBeGreaterThan(0.35);
      expect(positive).toBeLessThan(0.65);
    }
  });

  it('puts the validation and test signal in the first 40 steps, the training signal anywhere', () => {
    for (const name of ['validation', 'test'] as const) {
      expect(Math.max(...signals(data[name]).map((s) => s.at))).toBeLessThan(SIGNAL_WINDOW);
    }
    const train = signals(data.train).map((s) => s.at);
    expect(Math.min(...train)).toBeLessThan(SIGNAL_WINDOW);
    expect(Math.max(...train)).toBeGreaterThanOrEqual(LONG_MEMORY_STEPS - SIGNAL_WINDOW);
    // Uniform over 200 steps: about a fifth in the first 40.
    const early = train.filter((t) => t < SIGNAL_WINDOW).length / train.length;
    expect(early).toBeGreaterThan(0.12);
    expect(early).toBeLessThan(0.28);
    // Every noise token occurs (30 of them over 100,000+ steps).
    const seen = new Set(data.train.sequences.flatMap((s) => [...s]));
    expect(seen.size).toBe(2 + 30);
  });

  it('names its tokens A, B, n1 … n30', () => {
    expect([3, 4, 5, 34, 35, 2].map(longMemoryTokenName)).toEqual(['A', 'B', 'n1', 'n30', null, null]);
  });
});

describe('Long memory presets and clipnorm', () => {
  it('carry their data set, sizes and clipping into the set-up, which survives a link', () => {
    for (const id of ['long-memory-simplernn', 'long-memory-lstm', 'long-memory-gru']) {
      const state = stateFromPreset(presetById(id)!);
      expect(state.data).toEqual({
        pack: 'long-memory',
        num_words: LONG_MEMORY_VOCAB,
        maxlen: LONG_MEMORY_STEPS,
      });
      expect(state.training.clipnorm).toBeGreaterThan(0);
      expect(validateState({ v: STATE_VERSION, ...state })).toEqual(state);
    }
  });

  it("keeps clipping off for the book's presets and for links made before the setting", () => {
    const lstm = stateFromPreset(presetById('lstm')!);
    expect(lstm.training.clipnorm).toBe(0);
    const { clipnorm: _, ...older } = lstm.training;
    expect(validateState({ v: STATE_VERSION, ...lstm, training: older }).training.clipnorm ?? 0).toBe(0);
    expect(() =>
      validateState({ v: STATE_VERSION, ...lstm, training: { ...lstm.training, clipnorm: -1 } }),
    ).toThrow(/clipnorm must be a number from 0 to 1,000; the link has -1/);
  });

  it('writes clipnorm into the Keras optimizer only when set', () => {
    const lm = stateFromPreset(presetById('long-memory-lstm')!);
    const code = kerasCode({ ...lm, title: 'Long memory LSTM' });
    expect(code).toContain(
      `keras.optimizers.Adam(learning_rate=${lm.training.learning_rate}, clipnorm=${lm.training.clipnorm})`,
    );
    expect(code).toContain(`np.load('long-memory-35-200.npz')`);
    expect(dataFileName(lm.data)).toBe('long-memory-35-200.npz');
    expect(kerasCode({ ...stateFromPreset(presetById('lstm')!), title: 'LSTM' })).not.toContain('clipnorm');
  });
});
