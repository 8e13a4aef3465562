// The pure rules behind issue 16's messages: which number a field's text is, when a run is "not
// learning", when a model is still its preset, how the set-up differs from the book's run, how
// engine messages group large numbers, and which caches the service worker may delete.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EpochLog } from '../../web/src/engine/protocol';
import { presetById } from '../../web/src/presets/presets';
import { buildId, isOldCache } from '../../web/src/pwa/cache-names';
import { LIMITS } from '../../web/src/state/limits';
import { parseField } from '../../web/src/state/number-input';
import { stateFromPreset } from '../../web/src/state/playground-state';
import { differencesFromBook, presetOfModel, sameLayers } from '../../web/src/state/preset-match';
import { diagnoseRun } from '../../web/src/state/run-diagnosis';
import { groupLargeNumbers } from '../../web/src/i18n/format';

describe('parseField', () => {
  it('takes plain decimals within the limits and nothing else', () => {
    expect(parseField('0.001', { min: 1e-7, max: 10, integer: false })).toBe(0.001);
    expect(parseField(' 1e-3 ', { min: 1e-7, max: 10, integer: false })).toBe(0.001);
    expect(parseField('64', { min: 1, max: 4096, integer: true })).toBe(64);
    for (const bad of ['0', '-1', '1e9', 'NaN', 'Infinity', 'ten', '', ' ', '0x10', '1,5', '2.5'.repeat(2)]) {
      expect(parseField(bad, { min: 1e-7, max: 10, integer: false }), bad).toBeNull();
    }
    expect(parseField('2.5', { min: 1, max: 4096, integer: true })).toBeNull(); // not whole
    expect(parseField('0', { min: 0, max: 1000, integer: true })).toBe(0); // patience 0 = off is allowed
    expect(parseField('0', LIMITS.learning_rate)).toBeNull(); // the engine refuses a learning rate of 0
    expect(parseField('1e-9', LIMITS.learning_rate)).toBe(1e-9);
  });
});

const log = (val_accuracy: number, loss = 0.69, epoch = 1): EpochLog => ({
  epoch,
  loss,
  accuracy: 0.5,
  val_loss: loss,
  val_accuracy,
  seconds: 1,
});

describe('diagnoseRun', () => {
  const adam10 = { optimizer: 'adam', learning_rate: 10 } as const;
  it('says nothing for one epoch at chance, or when the last epoch left the band', () => {
    expect(diagnoseRun([log(0.5)], adam10)).toBeNull();
    expect(diagnoseRun([log(0.5), log(0.5), log(0.53)], adam10)).toBeNull();
  });
  it('counts the trailing epochs within 0.5 ± 0.02 (0.48 and 0.52 included) and advises by the rate', () => {
    expect(diagnoseRun([log(0.7), log(0.48), log(0.52)], adam10)).toEqual({
      kind: 'chance',
      epochs: 2,
      advice: 'lower',
      suggested: 0.001,
    });
    expect(
      diagnoseRun([log(0.5), log(0.514), log(0.48), log(0.494)], {
        optimizer: 'rmsprop',
        learning_rate: 1e-4,
      }),
    ).toEqual({ kind: 'chance', epochs: 4, advice: 'higher', suggested: 0.001 });
    expect(diagnoseRun([log(0.5), log(0.5)], { optimizer: 'sgd', learning_rate: 0.01 })?.advice).toBe(
      'other',
    );
    expect(diagnoseRun([log(0.5), log(0.479)], adam10)).toBeNull();
  });
  it('reports a non-finite loss with the epoch it happened in, and always advises a lower rate then', () => {
    expect(
      diagnoseRun([log(0.6, 0.6, 1), log(0.5, Number.NaN, 2)], { optimizer: 'sgd', learning_rate: 0.01 }),
    ).toEqual({ kind: 'non_finite', epoch: 2, advice: 'lower', suggested: 0.01 });
    expect(diagnoseRun([log(0.6, 0.6, 1)], { optimizer: 'sgd', learning_rate: 10 }, true)).toEqual({
      kind: 'non_finite',
      epoch: 2,
      advice: 'lower',
      suggested: 0.01,
    });
  });
});

describe("presets and the book's run", () => {
  const lstm = presetById('lstm')!;
  const doc = () => JSON.parse(JSON.stringify(lstm.model));
  it('a model is its preset with other names, whitespace, an explicit default or another input length', () => {
    const renamed = doc();
    renamed.config.name = 'mine';
    renamed.config.layers[2].config.name = 'memory';
    renamed.config.layers[2].config.activation = 'tanh';
    renamed.config.layers[0].config.batch_input_shape = [null, 200];
    expect(sameLayers(JSON.stringify(renamed, null, 9), lstm.model)).toBe(true);
  });
  it("the book's own Keras 3 and Keras 2 JSON of the LSTM (every option spelled out) is the preset", () => {
    for (const f of ['lstm_keras3.json', 'lstm_keras2.json', 'lstm_tfjs_topology.json']) {
      const json = readFileSync(new URL(`../data/keras-json/${f}`, import.meta.url), 'utf8');
      expect(sameLayers(json, lstm.model), f).toBe(true);
    }
  });
  it('but not with other units, dropout, activation, an extra layer, or another one-hot width', () => {
    for (const edit of [
      (d: any) => (d.config.layers[2].config.units = 64),
      (d: any) => (d.config.layers[2].config.dropout = 0.3),
      (d: any) => (d.config.layers[3].config.activation = 'linear'),
      (d: any) => d.config.layers.push({ class_name: 'Dense', config: { name: 'd2', units: 1 } }),
    ]) {
      const d = doc();
      edit(d);
      expect(sameLayers(d, lstm.model)).toBe(false);
    }
    const onehot = presetById('onehot-simplernn-500')!.model as any;
    const narrower = JSON.parse(JSON.stringify(onehot));
    narrower.config.layers[0].config.batch_input_shape = [null, 100, 200];
    expect(sameLayers(narrower, onehot)).toBe(false);
  });
  it('presetOfModel names the preset only while the model is still it', () => {
    const s = stateFromPreset(lstm);
    expect(presetOfModel(s)?.id).toBe('lstm');
    const d = doc();
    d.config.layers[2].config.units = 64;
    expect(presetOfModel({ ...s, model: JSON.stringify(d) })).toBeUndefined();
    expect(presetOfModel({ ...s, model: '{not json' })).toBeUndefined();
  });
  it("differencesFromBook lists every way the set-up differs from the book's run", () => {
    const s = stateFromPreset(lstm);
    expect(differencesFromBook(s, lstm)).toEqual(['pack']); // the quick subset is the default
    const book = { ...s, data: { ...s.data, pack: 'book' as const } };
    expect(differencesFromBook(book, lstm)).toEqual([]);
    expect(
      differencesFromBook(
        {
          ...book,
          data: { pack: 'book', num_words: 300, maxlen: 80 },
          training: {
            ...book.training,
            optimizer: 'adam',
            learning_rate: 0.001,
            batch_size: 32,
            epochs: 3,
            seed: 1,
          },
        },
        lstm,
      ),
    ).toEqual(['num_words', 'maxlen', 'optimizer', 'learning_rate', 'batch_size']); // epochs and seed are not part of it
  });
});

describe('groupLargeNumbers', () => {
  it('groups free-standing whole numbers of 4 digits or more, as Keras prints counts', () => {
    expect(
      groupLargeNumbers("LSTM 'lstm' would have 40006800000 parameters; the limit is 50000000 per layer."),
    ).toBe("LSTM 'lstm' would have 40,006,800,000 parameters; the limit is 50,000,000 per layer.");
    expect(groupLargeNumbers('batch 4096 of 123456789012345678901')).toBe(
      'batch 4,096 of 123,456,789,012,345,678,901',
    );
  });
  it('leaves names, decimals, short numbers and grouped numbers alone', () => {
    for (const m of [
      'layer lstm_12345',
      'loss 0.123456',
      'epoch 12, batch 999',
      'already 1,234,567',
      'x1234y',
      '12345.5',
    ]) {
      expect(groupLargeNumbers(m)).toBe(m);
    }
  });
});

describe('service worker caches', () => {
  const scope = 'http://127.0.0.1:4173/rnn-playground/';
  it('the build id follows the precache list', () => {
    const a = buildId([
      { url: 'index.html', revision: '1' },
      { url: 'assets/index-abc.js', revision: null },
    ]);
    expect(a).toMatch(/^[0-9a-f]{8}$/);
    expect(
      buildId([
        { url: 'index.html', revision: '1' },
        { url: 'assets/index-abc.js', revision: null },
      ]),
    ).toBe(a);
    expect(
      buildId([
        { url: 'index.html', revision: '2' },
        { url: 'assets/index-abc.js', revision: null },
      ]),
    ).not.toBe(a);
  });
  it('deletes only its own caches of other builds for the same scope', () => {
    expect(isOldCache(`rnn-playground-precache-0000aaaa-${scope}`, '1111bbbb', scope)).toBe(true);
    expect(isOldCache(`rnn-playground-runtime-0000aaaa-${scope}`, '1111bbbb', scope)).toBe(true);
    expect(isOldCache(`rnn-playground-precache-1111bbbb-${scope}`, '1111bbbb', scope)).toBe(false);
    expect(
      isOldCache(`rnn-playground-runtime-0000aaaa-http://127.0.0.1:4173/other/`, '1111bbbb', scope),
    ).toBe(false);
    expect(isOldCache('someone-elses-cache', '1111bbbb', scope)).toBe(false);
  });
});
