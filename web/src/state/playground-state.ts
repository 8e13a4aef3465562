// The one serialisable set-up the editor, the trainer and the compare view share: the model (as
// the Keras JSON text the user sees), the data settings and the training settings. It round-trips
// through the page's URL (#s=...), and whatever comes in from a link or from storage is validated
// field by field against the engine's limits (limits.ts) before anything is built from it.
import { DATA_PACK_IDS, type DataSettings, type KerasVersion, type TrainingSettings } from '../engine/protocol';
import { presetById, type Preset } from '../presets/presets';
import { LIMITS, MAX_LINK_CHARS, MAX_MODEL_CHARS, describeLimit, withinLimit, type Limit } from './limits';

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

export function stateFromPreset(preset: Preset, seed = DEFAULT_SEED, keras: KerasVersion = DEFAULT_KERAS): PlaygroundState {
  return {
    preset: preset.id,
    model: JSON.stringify(preset.model, null, 2),
    data: { pack: preset.data.pack ?? 'quick', num_words: preset.data.num_words, maxlen: preset.data.maxlen },
    training: { ...preset.training, clipnorm: preset.training.clipnorm ?? 0, seed, keras },
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

/** Where an untrusted set-up comes from: named in every message ("the link has 0"). */
export type StateSource = 'link' | 'saved set-up';

/** A received value as a message shows it, never longer than a few dozen characters. */
function shown(value: unknown): string {
  if (typeof value === 'number') return String(value); // NaN and Infinity too (JSON.stringify says null)
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return 'a list';
  if (value === null || typeof value === 'boolean' || value === undefined) return String(value);
  return typeof value === 'object' ? 'an object' : typeof value;
}

function limited(value: unknown, field: string, limit: Limit, source: StateSource): number {
  if (!withinLimit(limit, value)) throw new StateError(`${field} must be ${describeLimit(limit)}; the ${source} has ${shown(value)}.`);
  return value;
}

function oneOf<T extends string>(value: unknown, field: string, allowed: readonly T[], source: StateSource): T {
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    throw new StateError(`${field} must be one of ${allowed.join(', ')}; the ${source} has ${shown(value)}.`);
  }
  return value as T;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function objectField(parent: Record<string, unknown>, field: string, source: StateSource): Record<string, unknown> {
  const v = parent[field];
  if (!isRecord(v)) throw new StateError(`The ${source} has no ${field} settings.`);
  return v;
}

/**
 * Checks an untrusted set-up (a link's, or one read back from storage) against the schema and the
 * engine's limits, and returns a clean state (unknown keys dropped). Every size is checked before
 * anything is built from it; the message names the field, the value and what is allowed. Whatever
 * restores a set-up from storage passes it through here with source 'saved set-up'.
 */
export function validateState(raw: unknown, source: StateSource = 'link'): PlaygroundState {
  if (!isRecord(raw)) throw new StateError(`The ${source} does not hold a set-up.`);
  const r = raw;
  if (r.v !== STATE_VERSION) throw new StateError(`The ${source}'s format version is ${shown(r.v)}; this page reads version ${STATE_VERSION}.`);
  let preset: string | null = null;
  if (r.preset !== null && r.preset !== undefined) {
    if (typeof r.preset !== 'string' || !presetById(r.preset)) throw new StateError(`The ${source} names an unknown preset ${shown(r.preset)}.`);
    preset = r.preset;
  }
  if (typeof r.model !== 'string' || r.model.length === 0) throw new StateError(`The ${source} has no model.`);
  if (r.model.length > MAX_MODEL_CHARS) {
    throw new StateError(`The ${source}'s model is ${r.model.length.toLocaleString('en-US')} characters long; a model may have at most ${MAX_MODEL_CHARS.toLocaleString('en-US')}.`);
  }
  const d = objectField(r, 'data', source);
  const t = objectField(r, 'training', source);
  if (typeof t.restore_best !== 'boolean') throw new StateError(`restore_best must be true or false; the ${source} has ${shown(t.restore_best)}.`);
  return {
    preset,
    model: r.model,
    data: {
      pack: oneOf(d.pack, 'The data pack', DATA_PACK_IDS, source),
      num_words: limited(d.num_words, 'num_words', LIMITS.num_words, source),
      maxlen: limited(d.maxlen, 'maxlen', LIMITS.maxlen, source),
    },
    training: {
      optimizer: oneOf(t.optimizer, 'The optimizer', ['rmsprop', 'adam', 'sgd'] as const, source),
      learning_rate: limited(t.learning_rate, 'The learning rate', LIMITS.learning_rate, source),
      batch_size: limited(t.batch_size, 'The batch size', LIMITS.batch_size, source),
      epochs: limited(t.epochs, 'Epochs', LIMITS.epochs, source),
      patience: limited(t.patience, 'Patience', LIMITS.patience, source),
      restore_best: t.restore_best,
      seed: limited(t.seed, 'The seed', LIMITS.seed, source),
      // Links and saved set-ups made before the choice existed meant Keras 3.
      keras: t.keras === undefined ? DEFAULT_KERAS : limited(t.keras, 'The Keras version', LIMITS.keras, source) as KerasVersion,
      // Absent in links and saved set-ups made before the setting existed: no clipping (as 0).
      ...(t.clipnorm === undefined ? {} : { clipnorm: limited(t.clipnorm, 'clipnorm', LIMITS.clipnorm, source) }),
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
  // Measured before anything is decoded: a link up to Chromium's 2 MB would otherwise be copied
  // and decoded several times over before the model's own limit could refuse it.
  if (hash.length > MAX_LINK_CHARS) {
    throw new StateError(`The link is ${hash.length.toLocaleString('en-US')} characters long; a set-up link has at most ${MAX_LINK_CHARS.toLocaleString('en-US')}.`);
  }
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

/** The same model text up to JSON formatting. */
export function sameModel(a: string, b: string): boolean {
  return compactModel(a) === compactModel(b);
}

export function sameData(a: DataSettings, b: DataSettings): boolean {
  return a.pack === b.pack && a.num_words === b.num_words && a.maxlen === b.maxlen;
}

export function prettyModel(model: string): string {
  try {
    return JSON.stringify(JSON.parse(model), null, 2);
  } catch {
    return model;
  }
}
