// The one serialisable set-up the editor, the trainer and the compare view share: the model (as
// the Keras JSON text the user sees), the data settings and the training settings. It round-trips
// through the page's URL (#s=...), and whatever comes in from a link is validated field by field.
import type { DataSettings, KerasVersion, TrainingSettings } from '../engine/protocol';
import { presetById, type Preset } from '../presets/presets';

export const STATE_VERSION = 1;
export const DEFAULT_PRESET = 'lstm';
export const DEFAULT_SEED = 42;
export const DEFAULT_KERAS: KerasVersion = 3;

export interface PlaygroundState {
  /** The preset this set-up started from (its book curves are drawn), or null for the user's own. */
  preset: string | null;
  /** The model as Keras / TF.js JSON text. */
  model: string;
  data: DataSettings;
  training: TrainingSettings;
}

/** Limits a link or a field may carry; the worker checks the data-dependent ones again. */
export const LIMITS = {
  num_words: { min: 10, max: 10000 },
  maxlen: { min: 1, max: 1000 },
  learning_rate: { min: 1e-7, max: 10 },
  batch_size: { min: 1, max: 4096 },
  epochs: { min: 1, max: 1000 },
  patience: { min: 0, max: 1000 },
  seed: { min: 0, max: 2 ** 31 - 1 },
} as const;

export function stateFromPreset(preset: Preset, seed = DEFAULT_SEED, keras: KerasVersion = DEFAULT_KERAS): PlaygroundState {
  return {
    preset: preset.id,
    model: JSON.stringify(preset.model, null, 2),
    data: { pack: 'quick', num_words: preset.data.num_words, maxlen: preset.data.maxlen },
    training: { ...preset.training, seed, keras },
  };
}

export function defaultState(): PlaygroundState {
  return stateFromPreset(presetById(DEFAULT_PRESET)!);
}

/** Thrown when a state (from a link) does not fit the schema; the message says which field and why. */
export class StateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StateError';
  }
}

function integerIn(value: unknown, field: string, lim: { min: number; max: number }): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < lim.min || value > lim.max) {
    throw new StateError(`${field} must be a whole number from ${lim.min} to ${lim.max}; the link has ${JSON.stringify(value)}.`);
  }
  return value;
}

function numberIn(value: unknown, field: string, lim: { min: number; max: number }): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < lim.min || value > lim.max) {
    throw new StateError(`${field} must be a number from ${lim.min} to ${lim.max}; the link has ${JSON.stringify(value)}.`);
  }
  return value;
}

function oneOf<T extends string>(value: unknown, field: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    throw new StateError(`${field} must be one of ${allowed.join(', ')}; the link has ${JSON.stringify(value)}.`);
  }
  return value as T;
}

function objectField(parent: Record<string, unknown>, field: string): Record<string, unknown> {
  const v = parent[field];
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new StateError(`The link has no ${field} settings.`);
  return v as Record<string, unknown>;
}

/** Checks an untrusted value against the schema and returns a clean state (unknown keys dropped). */
export function validateState(raw: unknown): PlaygroundState {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new StateError('The link does not hold a set-up.');
  const r = raw as Record<string, unknown>;
  if (r.v !== STATE_VERSION) throw new StateError(`The link's format version is ${JSON.stringify(r.v)}; this page reads version ${STATE_VERSION}.`);
  let preset: string | null = null;
  if (r.preset !== null && r.preset !== undefined) {
    if (typeof r.preset !== 'string' || !presetById(r.preset)) throw new StateError(`The link names an unknown preset ${JSON.stringify(r.preset)}.`);
    preset = r.preset;
  }
  if (typeof r.model !== 'string' || r.model.length === 0 || r.model.length > 200_000) {
    throw new StateError('The link has no model (or one longer than 200,000 characters).');
  }
  const d = objectField(r, 'data');
  const t = objectField(r, 'training');
  return {
    preset,
    model: r.model,
    data: {
      pack: oneOf(d.pack, 'The data pack', ['quick', 'book'] as const),
      num_words: integerIn(d.num_words, 'num_words', LIMITS.num_words),
      maxlen: integerIn(d.maxlen, 'maxlen', LIMITS.maxlen),
    },
    training: {
      optimizer: oneOf(t.optimizer, 'The optimizer', ['rmsprop', 'adam', 'sgd'] as const),
      learning_rate: numberIn(t.learning_rate, 'The learning rate', LIMITS.learning_rate),
      batch_size: integerIn(t.batch_size, 'The batch size', LIMITS.batch_size),
      epochs: integerIn(t.epochs, 'Epochs', LIMITS.epochs),
      patience: integerIn(t.patience, 'Patience', LIMITS.patience),
      restore_best: (() => {
        if (typeof t.restore_best !== 'boolean') throw new StateError(`restore_best must be true or false; the link has ${JSON.stringify(t.restore_best)}.`);
        return t.restore_best;
      })(),
      seed: integerIn(t.seed, 'The seed', LIMITS.seed),
      // Links made before the choice existed meant Keras 3.
      keras: t.keras === undefined ? DEFAULT_KERAS : (() => {
        if (t.keras !== 2 && t.keras !== 3) throw new StateError(`The Keras version must be 2 or 3; the link has ${JSON.stringify(t.keras)}.`);
        return t.keras;
      })(),
    },
  };
}

// --- URL round trip: #s=<base64url of the UTF-8 JSON> ---------------------------------------

const HASH_KEY = 's';

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new StateError('The link is damaged (it has characters a set-up link never has).');
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  let bin: string;
  try {
    bin = atob(b64);
  } catch {
    throw new StateError('The link is damaged (it was cut short or changed).');
  }
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

/** The model text in its shortest form when it is JSON (links stay short), else as typed. */
function compactModel(model: string): string {
  try {
    return JSON.stringify(JSON.parse(model));
  } catch {
    return model;
  }
}

/** The URL hash (with '#') that carries this state. */
export function stateToHash(state: PlaygroundState): string {
  const payload = { v: STATE_VERSION, ...state, model: compactModel(state.model) };
  return `#${HASH_KEY}=${toBase64Url(new TextEncoder().encode(JSON.stringify(payload)))}`;
}

/**
 * The state a URL hash carries: null when the hash carries none (open the default), the state
 * when valid; throws StateError with a message for the user when the link is bad.
 */
export function stateFromHash(hash: string): PlaygroundState | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const encoded = params.get(HASH_KEY);
  if (encoded === null) return null;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(fromBase64Url(encoded));
  } catch (e) {
    if (e instanceof StateError) throw e;
    throw new StateError('The link is damaged (its text is not UTF-8).');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new StateError('The link is damaged (its set-up is not readable JSON).');
  }
  const state = validateState(raw);
  // Show the model readably in the editor.
  return { ...state, model: prettyModel(state.model) };
}

export function prettyModel(model: string): string {
  try {
    return JSON.stringify(JSON.parse(model), null, 2);
  } catch {
    return model;
  }
}
