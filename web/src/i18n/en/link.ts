// Why a set-up from a link (or from storage) was refused (web/src/state/playground-state.ts throws
// StateError with one of these codes and its parameters). Parameters are plain values so that the
// text follows a change of language: `source` is 'link' | 'saved set-up', `field` a key of `fields`
// (a range message: of LIMITS), `value` the received value as shown() in state/playground-state.ts writes it.
import { LIMITS, type LimitedField } from '../../state/limits';

const n = (v: number) => v.toLocaleString('en-US');

export const fields = {
  pack: 'The data pack',
  num_words: 'num_words',
  maxlen: 'maxlen',
  optimizer: 'The optimizer',
  learning_rate: 'The learning rate',
  batch_size: 'The batch size',
  epochs: 'Epochs',
  patience: 'Patience',
  seed: 'The seed',
  keras: 'The Keras version',
  restore_best: 'restore_best',
  clipnorm: 'clipnorm',
  data: 'data',
  training: 'training',
};
export type StateField = keyof typeof fields;

const sources = { link: 'link', 'saved set-up': 'saved set-up' };
export type StateSource = keyof typeof sources;

/** A received value: its own text (a number, a quoted string, null, true), or what kind it is. */
const kinds: Record<string, string> = { list: 'a list', object: 'an object', undefined: 'undefined' };
const value = (v: string) => kinds[v] ?? v;

/** "a whole number from 1 to 10,000", "a number above 0 and at most 10". */
export function range(field: LimitedField): string {
  const limit: { min: number; max: number; integer: boolean; minExclusive?: boolean } = LIMITS[field];
  const kind = limit.integer ? 'a whole number' : 'a number';
  return limit.minExclusive
    ? `${kind} above ${n(limit.min)} and at most ${n(limit.max)}`
    : `${kind} from ${n(limit.min)} to ${n(limit.max)}`;
}

export const link = {
  outOfRange: (source: StateSource, field: LimitedField, received: string) =>
    `${fields[field]} must be ${range(field)}; the ${sources[source]} has ${value(received)}.`,
  notOneOf: (source: StateSource, field: StateField, allowed: string, received: string) =>
    `${fields[field]} must be one of ${allowed}; the ${sources[source]} has ${value(received)}.`,
  notBoolean: (source: StateSource, field: StateField, received: string) =>
    `${fields[field]} must be true or false; the ${sources[source]} has ${value(received)}.`,
  noSettings: (source: StateSource, field: StateField) =>
    `The ${sources[source]} has no ${fields[field]} settings.`,
  noSetup: (source: StateSource) => `The ${sources[source]} does not hold a set-up.`,
  formatVersion: (source: StateSource, received: string, readable: number) =>
    `The ${sources[source]}'s format version is ${value(received)}; this page reads version ${readable}.`,
  unknownPreset: (source: StateSource, received: string) =>
    `The ${sources[source]} names an unknown preset ${value(received)}.`,
  noModel: (source: StateSource) => `The ${sources[source]} has no model.`,
  modelTooLong: (source: StateSource, chars: number, max: number) =>
    `The ${sources[source]}'s model is ${n(chars)} characters long; a model may have at most ${n(max)}.`,
  linkTooLong: (chars: number, max: number) =>
    `The link is ${n(chars)} characters long; a set-up link has at most ${n(max)}.`,
  damagedCharacters: 'The link is damaged (it has characters a set-up link never has).',
  damagedBase64: 'The link is damaged (it was cut short or changed).',
  damagedUtf8: 'The link is damaged (its text is not UTF-8).',
  damagedJson: 'The link is damaged (its set-up is not readable JSON).',
};
