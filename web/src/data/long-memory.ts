// The `Long memory` data set: synthetic sequences that only a cell with a long memory can
// classify (issue 19, point 4). The page generates it here, in the worker, from a fixed seed, as
// a data pack (docs/pack-format.md) that the engine reads like the IMDB packs; so it costs the
// WebAssembly module nothing, and the same seed gives the same bytes everywhere.
//
// Each sequence has LONG_MEMORY_STEPS tokens. Exactly one of them is a signal token, A (id 3,
// label 1) or B (id 4, label 0); every other step holds one of the NOISE_TOKENS noise tokens
// (ids 5 … 34), drawn uniformly. Ids 0 (padding), 1 (start) and 2 (out of vocabulary) keep their
// IMDB meaning and never occur, so a typed review's padding and unknown words are never read as
// a signal. Where the signal sits:
//   - test and validation: within the first SIGNAL_WINDOW steps, so the label has to be carried
//     through at least 160 steps of noise: the task this data set is for;
//   - training: anywhere in the sequence, so that short gaps give every cell a first foothold
//     (with the signal always far away, even an LSTM rarely starts to learn; docs/long-memory.md).
// Drawn as tests/cpp/long_memory_test.cpp draws its data (label, then position, then each step's
// token), with the engine's generator (rng.ts).
import { writePack, type PackContents, type PackSplit } from './pack';
import { SeededRng } from './rng';

export const LONG_MEMORY_STEPS = 200;
/** The signal of a validation or test sequence sits in steps 0 … SIGNAL_WINDOW − 1. */
export const SIGNAL_WINDOW = 40;
export const SIGNAL_POSITIVE = 3; // label 1
export const SIGNAL_NEGATIVE = 4; // label 0
export const FIRST_NOISE = 5;
export const NOISE_TOKENS = 30;
/** Every id is below this: the vocabulary (num_words) and one-hot width of the presets. */
export const LONG_MEMORY_VOCAB = FIRST_NOISE + NOISE_TOKENS;
/** The seed the page's data set is drawn from (a link or a run names `long-memory` and means these bytes). */
export const LONG_MEMORY_SEED = 11;
export const LONG_MEMORY_SIZES = { train: 512, validation: 200, test: 200 } as const;

/** `count` sequences whose signal sits at a position drawn uniformly from [first, last). */
export function signalInNoise(rng: SeededRng, count: number, first: number, last: number): PackSplit {
  const sequences: Uint16Array[] = [];
  const labels: number[] = [];
  for (let i = 0; i < count; i++) {
    const label = rng.below(2);
    const at = first + rng.below(last - first);
    const ids = new Uint16Array(LONG_MEMORY_STEPS);
    for (let t = 0; t < LONG_MEMORY_STEPS; t++) {
      ids[t] = t === at ? (label ? SIGNAL_POSITIVE : SIGNAL_NEGATIVE) : FIRST_NOISE + rng.below(NOISE_TOKENS);
    }
    sequences.push(ids);
    labels.push(label);
  }
  return { sequences, labels };
}

/** The three splits drawn from one seed: train, then validation, then test. */
export function longMemoryContents(seed = LONG_MEMORY_SEED, sizes = LONG_MEMORY_SIZES): PackContents {
  const rng = new SeededRng(seed);
  const train = signalInNoise(rng, sizes.train, 0, LONG_MEMORY_STEPS);
  const validation = signalInNoise(rng, sizes.validation, 0, SIGNAL_WINDOW);
  const test = signalInNoise(rng, sizes.test, 0, SIGNAL_WINDOW);
  return {
    vocabSize: LONG_MEMORY_VOCAB,
    storedLength: LONG_MEMORY_STEPS,
    numClasses: 2,
    train,
    validation,
    test,
  };
}

/** The data set as the engine loads it. */
export function longMemoryPack(seed = LONG_MEMORY_SEED): Uint8Array {
  return writePack(longMemoryContents(seed));
}

/** How a token of this data set is shown: `A`, `B`, `n1` … `n30` (ids 0–2 as the IMDB words say). */
export function longMemoryTokenName(id: number): string | null {
  if (id === SIGNAL_POSITIVE) return 'A';
  if (id === SIGNAL_NEGATIVE) return 'B';
  if (id >= FIRST_NOISE && id < LONG_MEMORY_VOCAB) return `n${id - FIRST_NOISE + 1}`;
  return null;
}
