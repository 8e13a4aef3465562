// The one serialisable set-up the editor, the trainer and the compare view share: the model (as
// the Keras JSON text the user sees), the data settings and the training settings. It round-trips
// through the page's URL (#s=...), and whatever comes in from a link or from storage is validated
// field by field against the engine's limits (limits.ts) before anything is built from it.
import {
  DATA_PACK_IDS,
  type DataSettings,
  type KerasVersion,
  type TrainingSettings,
} from '../engine/protocol';
import { presetById, type Preset } from '../presets/presets';
import { link as linkMessages, type StateField, type StateSource } from '../i18n/en/link';
import { LIMITS, MAX_LINK_CHARS, MAX_MODEL_CHARS, withinLimit, type LimitedField } from './limits';

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

export function stateFromPreset(
  preset: Preset,
  seed = DEFAULT_SEED,
  keras: KerasVersion = DEFAULT_KERAS,
): PlaygroundState {
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

/**
 * Thrown when a state (from a link) does not fit the schema: a code of i18n/en/link.ts and its
 * parameters (which field, the value received), so that the page says it in the reader's language;
 * its message is the English text.
 */
export class StateError<C extends LinkCode = LinkCode> extends Error {
  readonly params: LinkParams<C>;
  constructor(
    readonly code: C,
    ...params: LinkParams<C>
  ) {
    const text = linkMessages[code] as string | ((...a: unknown[]) => string);
    super(typeof text === 'function' ? text(...params) : text);
    this.name = 'StateError';
    this.params = params;
  }
}
export type LinkCode = keyof typeof linkMessages;
type LinkParams<C extends LinkCode> = (typeof linkMessages)[C] extends (...a: infer A) => string ? A : [];

/** Where an untrusted set-up comes from: named in every message ("the link has 0"). */
export type { StateSource };

/**
 * A received value as a message shows it, never longer than a few dozen characters: a number or
 * a quoted string as it is, null/true/false, or the kind of value ('list', 'object', 'undefined'),
 * which the message tables put in words.
 */
function shown(value: unknown): string {
  if (typeof value === 'number') return String(value); // NaN and Infinity too (JSON.stringify says null)
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return 'list';
  if (value === null || typeof value === 'boolean' || value === undefined) return String(value);
  return typeof value === 'object' ? 'object' : typeof value;
}

function limited(value: unknown, field: LimitedField, source: StateSource): number {
  if (!withinLimit(LIMITS[field], value)) throw new StateError('outOfRange', source, field, shown(value));
  return value;
}

function oneOf<T extends string>(
  value: unknown,
  field: StateField,
  allowed: readonly T[],
  source: StateSource,
): T {
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    throw new StateError('notOneOf', source, field, allowed.join(', '), shown(value));
  }
  return value as T;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function objectField(
  parent: Record<string, unknown>,
  field: 'data' | 'training',
  source: StateSource,
): Record<string, unknown> {
  const v = parent[field];
  if (!isRecord(v)) throw new StateError('noSettings', source, field);
  return v;
}

/**
 * Checks an untrusted set-up (a link's, or one read back from storage) against the schema and the
 * engine's limits, and returns a clean state (unknown keys dropped). Every size is checked before
 * anything is built from it; the message names the field, the value and what is allowed. Whatever
 * restores a set-up from storage passes it through here with source 'saved set-up'.
 */
export function validateState(raw: unknown, source: StateSource = 'link'): PlaygroundState {
  if (!isRecord(raw)) throw new StateError('noSetup', source);
  const r = raw;
  if (r.v !== STATE_VERSION) throw new StateError('formatVersion', source, shown(r.v), STATE_VERSION);
  let preset: string | null = null;
  if (r.preset !== null && r.preset !== undefined) {
    if (typeof r.preset !== 'string' || !presetById(r.preset))
      throw new StateError('unknownPreset', source, shown(r.preset));
    preset = r.preset;
  }
  if (typeof r.model !== 'string' || r.model.length === 0) throw new StateError('noModel', source);
  if (r.model.length > MAX_MODEL_CHARS) {
    throw new StateError('modelTooLong', source, r.model.length, MAX_MODEL_CHARS);
  }
  const d = objectField(r, 'data', source);
  const t = objectField(r, 'training', source);
  if (typeof t.restore_best !== 'boolean')
    throw new StateError('notBoolean', source, 'restore_best', shown(t.restore_best));
  return {
    preset,
    model: r.model,
    data: {
      pack: oneOf(d.pack, 'pack', DATA_PACK_IDS, source),
      num_words: limited(d.num_words, 'num_words', source),
      maxlen: limited(d.maxlen, 'maxlen', source),
    },
    training: {
      optimizer: oneOf(t.optimizer, 'optimizer', ['rmsprop', 'adam', 'sgd'] as const, source),
      learning_rate: limited(t.learning_rate, 'learning_rate', source),
      batch_size: limited(t.batch_size, 'batch_size', source),
      epochs: limited(t.epochs, 'epochs', source),
      patience: limited(t.patience, 'patience', source),
      restore_best: t.restore_best,
      seed: limited(t.seed, 'seed', source),
      // Links and saved set-ups made before the choice existed meant Keras 3.
      keras: t.keras === undefined ? DEFAULT_KERAS : (limited(t.keras, 'keras', source) as KerasVersion),
      // Absent in links and saved set-ups made before the setting existed: no clipping (as 0).
      ...(t.clipnorm === undefined ? {} : { clipnorm: limited(t.clipnorm, 'clipnorm', source) }),
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
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new StateError('damagedCharacters');
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  let bin: string;
  try {
    bin = atob(b64);
  } catch {
    throw new StateError('damagedBase64');
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
    throw new StateError('linkTooLong', hash.length, MAX_LINK_CHARS);
  }
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const encoded = params.get(HASH_KEY);
  if (encoded === null) return null;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(fromBase64Url(encoded));
  } catch (e) {
    if (e instanceof StateError) throw e;
    throw new StateError('damagedUtf8');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new StateError('damagedJson');
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
