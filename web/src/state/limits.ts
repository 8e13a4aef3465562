// The one set of limits on a set-up: the engine's own. The engine checks them where they enter
// (cpp/bindings/session.cpp, start_training; num_words and maxlen against the loaded pack, whose
// vocabulary and stored length scripts/build-data.ts fixes for both packs). The page refuses a
// value outside them wherever it comes from (a field, a link, a saved set-up) with a message naming
// the field, before anything is allocated or sent to the engine. tests/js/limits.test.ts holds the
// engine to these same numbers: change one side and that test fails until the other follows.

export interface Limit {
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
  /** The minimum itself is refused (a learning rate must be above 0). */
  readonly minExclusive?: boolean;
}

export const LIMITS = {
  /** 3 (padding, start and out-of-vocabulary ids) up to the packs' vocabulary. */
  num_words: { min: 3, max: 10_000, integer: true },
  /** Up to the ids each review keeps in the packs. */
  maxlen: { min: 1, max: 500, integer: true },
  learning_rate: { min: 0, max: 10, integer: false, minExclusive: true },
  /** Keras' clipnorm: 0 turns clipping off. */
  clipnorm: { min: 0, max: 1_000, integer: false },
  batch_size: { min: 1, max: 100_000, integer: true },
  epochs: { min: 1, max: 10_000, integer: true },
  patience: { min: 0, max: 1_000, integer: true },
  seed: { min: 0, max: 2 ** 31 - 1, integer: true },
  /** The Keras generation whose arithmetic the engine follows: 2 (tf.keras 2) or 3 (Keras 3). */
  keras: { min: 2, max: 3, integer: true },
} as const satisfies Record<string, Limit>;

export type LimitedField = keyof typeof LIMITS;

/** The model text a set-up may carry (Keras JSON of the curriculum's models is 2-10 kB). */
export const MAX_MODEL_CHARS = 200_000;

/**
 * The longest link the page reads: a set-up at the limits above encodes to at most this many
 * characters (each model character at most 6 bytes once escaped in JSON, plus 4 kB of settings,
 * base64: 4 characters per 3 bytes). Chromium accepts URLs of 2 MB; a longer hash is refused
 * before it is decoded.
 */
export const MAX_LINK_CHARS = Math.ceil(((MAX_MODEL_CHARS * 6 + 4096) * 4) / 3);

export function withinLimit(limit: Limit, value: unknown): value is number {
  return (
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (!limit.integer || Number.isInteger(value)) &&
    (limit.minExclusive ? value > limit.min : value >= limit.min) &&
    value <= limit.max
  );
}
