// The shared state's schema and its URL round trip; the layer editor's edits of Keras JSON.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { summarizeModel } from '../../web/src/engine/engine-api';
import { weightParts, type RecurrentCell } from '../../web/src/engine/weight-parts';
import { presets } from '../../web/src/presets/presets';
import { MAX_LINK_CHARS, MAX_MODEL_CHARS } from '../../web/src/state/limits';
import {
  StateError,
  defaultState,
  stateFromHash,
  stateFromPreset,
  stateToHash,
  validateState,
  type PlaygroundState,
} from '../../web/src/state/playground-state';
import * as editor from '../../web/src/state/model-layers';
import { setupProblem } from '../../web/src/state/setup-check';
import { loadEngine } from './helpers/wasm';

const keras3 = JSON.parse(
  readFileSync(new URL('../data/keras-json/lstm_keras3.json', import.meta.url), 'utf8'),
);
const keras2 = JSON.parse(
  readFileSync(new URL('../data/keras-json/lstm_keras2.json', import.meta.url), 'utf8'),
);
const tfjsTopology = JSON.parse(
  readFileSync(new URL('../data/keras-json/lstm_tfjs_topology.json', import.meta.url), 'utf8'),
);
const tfjsModel = JSON.parse(
  readFileSync(new URL('../data/keras-json/lstm_tfjs_converter_model.json', import.meta.url), 'utf8'),
);

function b64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

describe('URL round trip', () => {
  it('gives back every preset state exactly (model text re-pretty-printed)', () => {
    for (const p of presets) {
      const s = stateFromPreset(p, 7);
      expect(stateFromHash(stateToHash(s))).toEqual(s);
    }
  });

  it('keeps non-ASCII model names and edited settings', () => {
    const s: PlaygroundState = {
      ...defaultState(),
      preset: null,
      model: JSON.stringify(
        { class_name: 'Sequential', config: { name: '순환 신경망', layers: [] } },
        null,
        2,
      ),
      data: { pack: 'book', num_words: 1000, maxlen: 200 },
      training: {
        optimizer: 'adam',
        learning_rate: 0.0003,
        batch_size: 32,
        epochs: 2,
        patience: 0,
        restore_best: false,
        seed: 123,
        keras: 2,
      },
    };
    const hash = stateToHash(s);
    expect(hash).toMatch(/^#s=[A-Za-z0-9_-]+$/);
    expect(stateFromHash(hash)).toEqual(s);
  });

  it('returns null for a hash without a set-up', () => {
    expect(stateFromHash('')).toBeNull();
    expect(stateFromHash('#train')).toBeNull();
  });

  it('explains a damaged link', () => {
    expect(() => stateFromHash('#s=%%%')).toThrow(StateError);
    expect(() => stateFromHash('#s=' + b64url('{not json'))).toThrow(/not readable JSON/);
    const good = JSON.parse(Buffer.from(stateToHash(defaultState()).slice(3), 'base64url').toString('utf8'));
    expect(() => stateFromHash('#s=' + b64url(JSON.stringify({ ...good, v: 99 })))).toThrow(
      /format version is 99/,
    );
  });
});

describe('state schema', () => {
  const good = () => ({ v: 1, ...defaultState() });

  it('reads a link made before the Keras version existed as Keras 3, and keeps tf.keras 2', () => {
    const { keras: _dropped, ...old } = defaultState().training;
    expect(validateState({ ...good(), training: old }).training.keras).toBe(3);
    expect(validateState({ ...good(), training: { ...old, keras: 2 } }).training.keras).toBe(2);
    expect(stateFromPreset(presets[0], 42, 2).training.keras).toBe(2);
  });

  it('accepts the default state and drops unknown keys', () => {
    const s = validateState({ ...good(), extra: 1, data: { ...good().data, junk: true } });
    expect(s).toEqual(defaultState());
  });

  it.each([
    [
      { training: { ...defaultState().training, epochs: 0 } },
      /Epochs must be a whole number from 1 to 10,000; the link has 0/,
    ],
    [{ training: { ...defaultState().training, epochs: 2.5 } }, /Epochs/],
    [{ training: { ...defaultState().training, learning_rate: -1 } }, /learning rate/],
    [{ training: { ...defaultState().training, learning_rate: 'fast' } }, /learning rate.*"fast"/],
    [
      { training: { ...defaultState().training, optimizer: 'adagrad' } },
      /optimizer must be one of rmsprop, adam, sgd; the link has "adagrad"/,
    ],
    [{ training: { ...defaultState().training, restore_best: 'yes' } }, /restore_best/],
    [{ training: { ...defaultState().training, seed: -1 } }, /seed/],
    [
      { training: { ...defaultState().training, keras: 4 } },
      /Keras version must be a whole number from 2 to 3; the link has 4/,
    ],
    [
      { training: { ...defaultState().training, keras: '3' } },
      /Keras version must be a whole number from 2 to 3/,
    ],
    [{ data: { ...defaultState().data, pack: 'full' } }, /data pack/],
    [
      { data: { ...defaultState().data, num_words: 2 } },
      /num_words must be a whole number from 3 to 10,000; the link has 2/,
    ],
    [{ data: { ...defaultState().data, maxlen: 5000 } }, /maxlen/],
    [{ preset: 'nope' }, /unknown preset "nope"/],
    [{ model: 12 }, /no model/],
    [{ data: null }, /no data settings/],
  ])('rejects %j', (patch, message) => {
    expect(() => validateState({ ...good(), ...patch })).toThrow(message);
  });
});

describe('hostile set-ups are refused before anything is built, naming the field', () => {
  const good = () => JSON.parse(JSON.stringify({ v: 1, ...defaultState() }));
  const link = (payload: unknown) => `#s=${b64url(JSON.stringify(payload))}`;
  const timed = (f: () => unknown) => {
    const t0 = performance.now();
    let error: unknown = null;
    try {
      f();
    } catch (e) {
      error = e;
    }
    return { error: error as Error, ms: performance.now() - t0 };
  };

  it.each([
    [
      'epochs 1e9',
      { training: { epochs: 1e9 } },
      'Epochs must be a whole number from 1 to 10,000; the link has 1000000000.',
    ],
    [
      'batch 0',
      { training: { batch_size: 0 } },
      'The batch size must be a whole number from 1 to 100,000; the link has 0.',
    ],
    [
      'learning rate "NaN" (a link cannot carry NaN itself)',
      { training: { learning_rate: 'NaN' } },
      'The learning rate must be a number above 0 and at most 10; the link has "NaN".',
    ],
    [
      'maxlen 1e8',
      { data: { maxlen: 1e8 } },
      'maxlen must be a whole number from 1 to 500; the link has 100000000.',
    ],
  ])('a link with %s', (_name, patch, message) => {
    const payload = good();
    for (const [group, fields] of Object.entries(patch)) Object.assign(payload[group], fields);
    expect(() => stateFromHash(link(payload))).toThrowError(
      expect.objectContaining({ name: 'StateError', message }),
    );
  });

  it('a link with a learning rate of 1e999 (Infinity once parsed) says Infinity, not null', () => {
    const text = JSON.stringify(good()).replace(/"learning_rate":[^,}]+/, '"learning_rate":1e999');
    expect(() => stateFromHash(`#s=${b64url(text)}`)).toThrowError(
      'The learning rate must be a number above 0 and at most 10; the link has Infinity.',
    );
  });

  it('a saved set-up with a NaN learning rate (storage keeps NaN) names the field and the source', () => {
    const saved = good();
    saved.training.learning_rate = NaN;
    expect(() => validateState(saved, 'saved set-up')).toThrowError(
      'The learning rate must be a number above 0 and at most 10; the saved set-up has NaN.',
    );
  });

  it("a 2 MB link (Chromium's URL limit) is refused by its length, before it is decoded", () => {
    const hash = `#s=${'A'.repeat(2 * 1024 * 1024 - 3)}`;
    const { error, ms } = timed(() => stateFromHash(hash));
    expect(error.message).toBe(
      `The link is 2,097,152 characters long; a set-up link has at most ${MAX_LINK_CHARS.toLocaleString('en-US')}.`,
    );
    expect(error).toMatchObject({ code: 'linkTooLong', params: [2_097_152, MAX_LINK_CHARS] });
    expect(ms).toBeLessThan(50);
  });

  it('the longest model a set-up may hold still makes a link the page opens', () => {
    // Worst case for the link's length: every character escaped in JSON ("\\u0001" is 6 bytes).
    const state = { ...defaultState(), model: '\u0001'.repeat(MAX_MODEL_CHARS) };
    const hash = stateToHash(state);
    expect(hash.length).toBeLessThanOrEqual(MAX_LINK_CHARS);
    expect(stateFromHash(hash)!.model).toBe(state.model);
  });

  it("a 10 MB saved set-up is refused by its model's length, naming it", () => {
    const saved = { ...good(), model: 'x'.repeat(10_000_000) };
    const { error, ms } = timed(() => validateState(saved, 'saved set-up'));
    expect(error.message).toBe(
      "The saved set-up's model is 10,000,000 characters long; a model may have at most 200,000.",
    );
    expect(error).toMatchObject({ code: 'modelTooLong', params: ['saved set-up', 10_000_000, 200_000] });
    expect(ms).toBeLessThan(50);
  });

  it('a long string value is shown cut short in the message', () => {
    const saved = good();
    saved.training.optimizer = 'a'.repeat(1_000_000);
    expect(() => validateState(saved, 'saved set-up')).toThrowError(
      `The optimizer must be one of rmsprop, adam, sgd; the saved set-up has "${'a'.repeat(40)}…".`,
    );
  });
});

describe('layer editor on Keras JSON', () => {
  it('reads every spelling of the 09-3 LSTM', () => {
    for (const doc of [keras3, keras2, tfjsTopology, tfjsModel]) {
      const m = editor.readModel(doc)!;
      expect(m.inputLength).toBe(100);
      expect(m.oneHotFeatures).toBeNull();
      expect(m.layers.map((l) => l.kind)).toEqual(['Embedding', 'LSTM', 'Dense']);
    }
  });

  it('reads a one-hot input as (time, features)', () => {
    const m = editor.readModel(presets.find((p) => p.id === 'onehot-simplernn-500')!.model)!;
    expect([m.inputLength, m.oneHotFeatures]).toEqual([100, 500]);
    expect(m.layers.map((l) => l.kind)).toEqual(['SimpleRNN', 'Dense']);
  });

  it('adds, moves and removes layers with Keras names, keeping unknown keys', () => {
    let doc = editor.addLayer(keras3, 'LSTM', 2);
    let m = editor.readModel(doc)!;
    expect(m.layers.map((l) => l.name)).toEqual(['embedding', 'lstm', 'lstm_1', 'dense']);
    expect((doc as { config: { layers: { module?: string }[] } }).config.layers[3].module).toBe(
      'keras.layers',
    );
    doc = editor.moveLayer(doc, 2, -1);
    expect(editor.readModel(doc)!.layers.map((l) => l.name)).toEqual([
      'embedding',
      'lstm_1',
      'lstm',
      'dense',
    ]);
    doc = editor.removeLayer(doc, 1);
    m = editor.readModel(doc)!;
    expect(m.layers.map((l) => l.name)).toEqual(['embedding', 'lstm', 'dense']);
    expect(m.layers[1].config.recurrent_initializer).toEqual(
      keras3.config.layers[2].config.recurrent_initializer,
    );
    expect(keras3.config.layers).toHaveLength(4); // the input document is not changed
  });

  it('lifts an input shape held by the first layer before moving it', () => {
    const doc = editor.moveLayer(tfjsTopology, 0, 1);
    const m = editor.readModel(doc)!;
    expect(m.inputLength).toBe(100);
    expect(m.layers.map((l) => l.kind)).toEqual(['LSTM', 'Embedding', 'Dense']);
  });

  it('sets options and the input length in the spelling used', () => {
    let doc = editor.setLayerOption(keras2, 1, 'return_sequences', true);
    expect(editor.readModel(doc)!.layers[1].config.return_sequences).toBe(true);
    doc = editor.setInputShape(doc, 80, null);
    expect(editor.readModel(doc)!.inputLength).toBe(80);
    expect(editor.readModel(editor.setInputShape(keras3, 120, null))!.inputLength).toBe(120);
    expect(editor.readModel(editor.setInputShape(tfjsTopology, 60, null))!.inputLength).toBe(60);
  });

  it('names as Keras does', () => {
    expect(editor.uniqueName('SimpleRNN', new Set())).toBe('simple_rnn');
    expect(editor.uniqueName('LSTM', new Set(['lstm', 'lstm_1']))).toBe('lstm_2');
  });

  // The compare panel's bars take their counts from the engine (engine/weight-parts.ts): here
  // through the real .wasm, against the shapes of the weights Keras builds for n = 16, u = 8:
  // SimpleRNN kernel (16, 8), recurrent_kernel (8, 8), bias (8,); LSTM (16, 32), (8, 32), (32,);
  // GRU (16, 24), (8, 24) and bias (2, 24) with reset_after, (24,) without.
  it("splits the compare panel's bars as Keras' weights (u = 8, n = 16), from the engine", async () => {
    const module = await loadEngine();
    const summarize = async (modelJson: string) => summarizeModel(module, modelJson);
    const parts = (cell: RecurrentCell, resetAfter = true) => weightParts(summarize, cell, 16, 8, resetAfter);
    expect(await parts('SimpleRNN')).toEqual({ gates: 1, kernel: 128, recurrent: 64, bias: 8, total: 200 });
    expect(await parts('LSTM')).toEqual({ gates: 4, kernel: 512, recurrent: 256, bias: 32, total: 800 });
    expect(await parts('GRU')).toEqual({ gates: 3, kernel: 384, recurrent: 192, bias: 48, total: 624 });
    expect(await parts('GRU', false)).toEqual({
      gates: 3,
      kernel: 384,
      recurrent: 192,
      bias: 24,
      total: 600,
    });
  });
});

describe('set-up check', () => {
  it('says when maxlen and the model input length differ, or num_words exceeds the vocabulary', () => {
    expect(setupProblem(defaultState())).toBeNull();
    expect(
      setupProblem({ ...defaultState(), data: { pack: 'quick', num_words: 500, maxlen: 80 } })?.message,
    ).toMatch(/100 steps but maxlen is 80/);
    expect(
      setupProblem({ ...defaultState(), data: { pack: 'quick', num_words: 1000, maxlen: 100 } })?.message,
    ).toMatch(/num_words is 1000.*only 500/);
  });
});
