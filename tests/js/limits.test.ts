// The page's limits on a set-up (web/src/state/limits.ts) are the engine's: they are generated from
// the engine's cpp/engine/limits.def (and the committed file is not stale), and with the real .wasm
// in Node and the quick pack loaded, the engine accepts every limit's ends and refuses just beyond
// them, naming the setting. If either side changes a number alone, this fails.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineError, summarizeModel, unwrapReply } from '../../web/src/engine/engine-api';
import type { EngineSession, RnnEngineModule } from '../../web/src/wasm/rnn_engine.mjs';
import { presets } from '../../web/src/presets/presets';
import { range } from '../../web/src/i18n/en/link';
import { LIMITS, withinLimit, type LimitedField } from '../../web/src/state/limits';
import { setInputShape, setLayerOption } from '../../web/src/state/model-layers';
import { loadEngine } from './helpers/wasm';
import { generate, OUT, readLimits } from '../../scripts/gen-limits.mjs';

const quickPack = new URL('../../build/data/imdb-quick.pack', import.meta.url);
const base = presets.find((p) => p.id === 'embedding-simplernn-500')!;

/** The preset's model reading `vocab` words and `maxlen` steps. */
function model(vocab: number, maxlen: number): string {
  return JSON.stringify(setLayerOption(setInputShape(base.model, maxlen, null), 0, 'input_dim', vocab));
}

const baseSettings = {
  num_words: 500,
  maxlen: 100,
  epochs: 1,
  batch_size: 64,
  optimizer: 'rmsprop',
  learning_rate: 1e-3,
  patience: 0,
  seed: 1,
};

let m: RnnEngineModule;
let s: EngineSession;
beforeAll(async () => {
  m = await loadEngine();
  s = new m.Session();
  unwrapReply(s.loadPack(new Uint8Array(readFileSync(quickPack))));
});
afterAll(() => s.delete());

/** What the engine says to a training run with one setting changed: null when it starts. */
function engineAnswer(field: LimitedField, value: number): string | null {
  const settings = { ...baseSettings, [field]: value };
  const vocab = field === 'num_words' ? Math.max(value, 3) : 500;
  const length = field === 'maxlen' ? Math.max(value, 1) : 100;
  try {
    unwrapReply(s.startTraining(model(vocab, length), JSON.stringify(settings)));
    return null;
  } catch (e) {
    if (!(e instanceof EngineError)) throw e;
    return e.message;
  }
}

describe('the page takes its limits from the engine', () => {
  it('limits.generated.ts is what scripts/gen-limits.mjs writes from limits.def today', () => {
    expect(readFileSync(OUT, 'utf8')).toBe(generate());
  });

  it('LIMITS holds every limit of limits.def, number for number, and nothing else', () => {
    const fromDef = Object.fromEntries(
      readLimits().map((l) => [
        l.setting,
        { min: l.min, max: l.max, integer: l.integer, ...(l.minExclusive ? { minExclusive: true } : {}) },
      ]),
    );
    expect(LIMITS).toEqual(fromDef);
    // Hand-checked against the engine's messages and README: a learning rate above 0 and at most 10.
    expect(fromDef.learning_rate).toEqual({ min: 0, max: 10, integer: false, minExclusive: true });
  });
});

describe('one set of limits: the engine agrees with the page at every end', () => {
  const cases: [LimitedField, number, number, number, number][] = Object.entries(LIMITS).map(
    ([field, lim]) => {
      const step = lim.integer ? 1 : 1e-6;
      const lowestIn = 'minExclusive' in lim && lim.minExclusive ? lim.min + 1e-9 : lim.min;
      const highestOut = lim.max + step;
      const lowestOut = 'minExclusive' in lim && lim.minExclusive ? lim.min : lim.min - step;
      return [field as LimitedField, lowestOut, lowestIn, lim.max, highestOut];
    },
  );

  it.each(cases)('%s: refuses %d, accepts %d and %d, refuses %d', (field, lowOut, lowIn, highIn, highOut) => {
    const lim = LIMITS[field];
    expect([
      withinLimit(lim, lowOut),
      withinLimit(lim, lowIn),
      withinLimit(lim, highIn),
      withinLimit(lim, highOut),
    ]).toEqual([false, true, true, false]);
    expect(engineAnswer(field, lowIn)).toBeNull();
    expect(engineAnswer(field, highIn)).toBeNull();
    for (const out of [lowOut, highOut]) {
      const refused = engineAnswer(field, out);
      expect(refused, `${field} = ${out}`).not.toBeNull();
      expect(refused!).toContain(field === 'learning_rate' ? 'learning rate' : field); // the engine names the setting
    }
  });

  it('describes each limit for a message', () => {
    expect(range('epochs')).toBe('a whole number from 1 to 10,000');
    expect(range('learning_rate')).toBe('a number above 0 and at most 10');
  });

  // The model's sizes have no limit of their own on the page: the engine's model check (parameters
  // per layer) is the one place, and it runs before anything is allocated.
  it('refuses a layer of 100,000,000 units in the model check, before any weight exists', () => {
    const doc = setLayerOption(base.model, 1, 'units', 1e8);
    expect(() => summarizeModel(m, JSON.stringify(doc))).toThrowError(/SimpleRNN layer 'simple_rnn'.*units/);
  });
});
