// The one set of limits on a set-up: the engine's own, cpp/engine/limits.def, generated into
// limits.generated.ts by scripts/gen-limits.mjs (the build runs it). The engine checks them where
// they enter (cpp/engine/training_run.cpp, fit_config; num_words and maxlen also against the loaded
// pack, whose vocabulary and stored length scripts/build-data.ts fixes for both packs). The page refuses a
// value outside them wherever it comes from (a field, a link, a saved set-up) with a message naming
// the field, before anything is allocated or sent to the engine. tests/js/limits.test.ts holds the
// engine to these same numbers: change one side and that test fails until the other follows.

import { ENGINE_LIMITS } from './limits.generated';

export interface Limit {
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
  /** The minimum itself is refused (a learning rate must be above 0). */
  readonly minExclusive?: boolean;
}

/** The engine's limits (cpp/engine/limits.def), as scripts/gen-limits.mjs writes them. */
export const LIMITS = ENGINE_LIMITS satisfies Record<string, Limit>;

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
