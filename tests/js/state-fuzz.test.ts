// Property-based fuzzing of the link decoder (issue 13): random hashes, valid links mutated byte by
// byte, and valid base64 around random JSON set-ups never throw anything but a StateError with a
// message, never hang, and whatever they decode to passes validation and the engine's limits.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { presets } from '../../web/src/presets/presets';
import { LIMITS, withinLimit } from '../../web/src/state/limits';
// Under fuzzing: the link's decoder, and what its results must pass.
import { StateError, stateFromHash, stateToHash, validateState } from '../../web/src/state/playground-state';
// What the valid set-ups the mutations start from are made of.
import { STATE_VERSION, stateFromPreset, type PlaygroundState } from '../../web/src/state/playground-state';

/** STATE_FUZZ_SCALE=n runs n times the cases (npm test: 14,000 in a few seconds). */
const SCALE = Math.max(1, Number(process.env.STATE_FUZZ_SCALE ?? 1));

/** One decode, checked: null, a valid state, or a StateError with a message; and quick. */
function decodeChecked(hash: string): PlaygroundState | null | StateError {
  const t0 = performance.now();
  let out: PlaygroundState | null | StateError;
  try {
    out = stateFromHash(hash);
  } catch (e) {
    if (!(e instanceof StateError))
      throw new Error(`stateFromHash threw a ${(e as Error)?.name}: ${String(e)} for ${hash.slice(0, 80)}`);
    expect(e.message.length).toBeGreaterThan(10);
    expect(e.message.length).toBeLessThan(300);
    out = e;
  }
  expect(performance.now() - t0).toBeLessThan(1000);
  if (out !== null && !(out instanceof StateError)) {
    expect(() => validateState({ v: STATE_VERSION, ...out })).not.toThrow();
    expect(stateFromHash(stateToHash(out))).toEqual(out); // and it makes a link that gives it back
    for (const [key, limit] of Object.entries(LIMITS)) {
      const value =
        key in out.data
          ? out.data[key as keyof typeof out.data]
          : out.training[key as keyof typeof out.training];
      if (key === 'clipnorm' && value === undefined) continue; // optional: absent (links made before it) means no clipping
      expect(withinLimit(limit, value), `${key} = ${String(value)}`).toBe(true);
    }
  }
  return out;
}

const b64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const validHash = fc
  .record({ preset: fc.constantFrom(...presets), seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }) })
  .map(({ preset, seed }) => stateToHash(stateFromPreset(preset, seed)));
const base64urlChar = fc.constantFrom(
  ...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.split(''),
);

/** One edit of a hash: a character changed, a range cut out, text put in, or the end cut off. */
const mutation = fc.oneof(
  fc.record({
    kind: fc.constant('set' as const),
    at: fc.nat(),
    ch: fc.oneof(base64urlChar, fc.string({ minLength: 1, maxLength: 1 })),
  }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ maxLength: 16 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(hash: string, m: Mutation): string {
  const at = hash.length ? m.at % hash.length : 0;
  switch (m.kind) {
    case 'set':
      return hash.slice(0, at) + m.ch + hash.slice(at + 1);
    case 'cut':
      return hash.slice(0, at) + hash.slice(at + m.length);
    case 'insert':
      return hash.slice(0, at) + m.text + hash.slice(at);
    case 'truncate':
      return hash.slice(0, at);
  }
}

/** A set-up's fields given random JSON values, or left as the preset has them. */
const hostileValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.double(),
  fc.constantFrom(0, -1, 1e9, 1e308, 2 ** 31, 2 ** 53 + 1, 1e-300, 0.5, 10.000001, 'NaN', '1e999', ''),
);

describe('stateFromHash under fuzzing (fast-check)', () => {
  it('random text after #, #s= or nothing', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('', '#', '#s=', '#x=1&s='),
        fc.string({ maxLength: 400, unit: 'binary' }),
        (prefix, text) => {
          decodeChecked(prefix + text);
        },
      ),
      { numRuns: 3000 * SCALE },
    );
  });

  it('random base64url after #s=', () => {
    fc.assert(
      fc.property(fc.array(base64urlChar, { maxLength: 600 }), (chars) => {
        decodeChecked(`#s=${chars.join('')}`);
      }),
      { numRuns: 3000 * SCALE },
    );
  });

  it('valid links with up to four random edits', () => {
    fc.assert(
      fc.property(validHash, fc.array(mutation, { minLength: 1, maxLength: 4 }), (hash, edits) => {
        decodeChecked(edits.reduce(mutate, hash));
      }),
      { numRuns: 3000 * SCALE },
    );
  });

  it('well-encoded set-ups whose fields hold random JSON', () => {
    const fields = [
      'v',
      'preset',
      'model',
      'data',
      'training',
      'data.pack',
      'data.num_words',
      'data.maxlen',
      'training.optimizer',
      'training.learning_rate',
      'training.batch_size',
      'training.epochs',
      'training.patience',
      'training.restore_best',
      'training.seed',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...presets),
        fc.dictionary(fc.constantFrom(...fields), hostileValue),
        (preset, patch) => {
          const payload: Record<string, unknown> = JSON.parse(
            JSON.stringify({ v: STATE_VERSION, ...stateFromPreset(preset) }),
          );
          for (const [path, value] of Object.entries(patch)) {
            const [head, tail] = path.split('.');
            if (tail === undefined) payload[head] = value;
            else if (typeof payload[head] === 'object' && payload[head] !== null)
              (payload[head] as Record<string, unknown>)[tail] = value;
          }
          // JSON.stringify writes NaN and Infinity as null: what a link can carry.
          const out = decodeChecked(`#s=${b64url(JSON.stringify(payload))}`);
          if (Object.keys(patch).length === 0) expect(out).not.toBeInstanceOf(StateError);
        },
      ),
      { numRuns: 3000 * SCALE },
    );
  });

  it('any JSON at all as the set-up', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        decodeChecked(`#s=${b64url(JSON.stringify(value) ?? 'null')}`);
      }),
      { numRuns: 2000 * SCALE },
    );
  });
});
