// The files and code the page hands to a Keras notebook, checked by independent readers in
// Debian's Python (/usr/bin/python3 with numpy): the .npz read back by numpy equals the pack's
// arrays as the engine reads them; the Python encode() in the Keras cell gives the same padded ids
// as the page's TypeScript tokenizer; the Keras cell, run against a recording stand-in for keras,
// builds, compiles and fits what the set-up says (one-hot models batch by batch); and the TF.js
// zip holds model.json and weights.bin as the CLI writes them.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { parseWordIndex } from '../../web/src/data/word-index';
import { exportedData, unwrapReply } from '../../web/src/engine/engine-api';
import { encodeForModel } from '../../web/src/data/review-encoding';
import { PYTHON_ENCODE, dataFileName, kerasCode } from '../../web/src/export/keras-code';
import { dataNpz, kerasWordIndex, tfjsZip, tfjsZipName } from '../../web/src/export/notebook-files';
import { presets } from '../../web/src/presets/presets';
import { stateFromPreset } from '../../web/src/state/playground-state';
import { loadEngine } from './helpers/wasm';

const PYTHON = '/usr/bin/python3';
const quickPack = new Uint8Array(readFileSync(new URL('../../build/data/imdb-quick.pack', import.meta.url)));
const siteWordIndex = readFileSync(new URL('../../build/data/word-index.json', import.meta.url), 'utf8');
const stub = new URL('./helpers/keras_stub', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'rnn-notebook-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function python(script: string, env: Record<string, string> = {}): string {
  return execFileSync(PYTHON, ['-c', script], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 64 << 20,
  });
}

async function packData(numWords: number, maxlen: number) {
  const m = await loadEngine();
  const s = new m.Session();
  try {
    unwrapReply(s.loadPack(quickPack));
    return exportedData(s, { num_words: numWords, maxlen });
  } finally {
    s.delete();
  }
}

describe('Download data: the .npz', () => {
  it("reads back in numpy as the pack's arrays: int32 ids, uint8 labels, pad_sequences padding", async () => {
    const d = await packData(500, 100);
    writeFileSync(join(dir, 'data.npz'), dataNpz(d));
    const out = JSON.parse(
      python(`
import json, numpy as np
z = np.load('data.npz')
print(json.dumps({k: {'dtype': str(z[k].dtype), 'shape': list(z[k].shape), 'values': z[k].ravel().tolist()} for k in z.files}))`),
    );
    expect(Object.keys(out)).toEqual(['x_train', 'y_train', 'x_val', 'y_val', 'x_test', 'y_test']);
    for (const key of ['x_train', 'x_val', 'x_test'] as const) {
      expect(out[key].dtype).toBe('int32');
      expect(out[key].shape).toEqual([d[key].length / 100, 100]);
      expect(out[key].values).toEqual(Array.from(d[key]));
    }
    for (const key of ['y_train', 'y_val', 'y_test'] as const) {
      expect(out[key].dtype).toBe('uint8');
      expect(out[key].values).toEqual(Array.from(d[key]));
    }
    expect(out.x_train.shape).toEqual([2000, 100]);
    expect(out.x_test.shape).toEqual([1000, 100]);
    // pad_sequences: zeros in front of a short review, then the start token; ids below num_words.
    const rows: number[][] = [];
    for (let r = 0; r < 2000; r++) rows.push(out.x_train.values.slice(r * 100, r * 100 + 100));
    const short = rows.find((row) => row[0] === 0)!;
    expect(short[short.findIndex((v) => v !== 0)]).toBe(1);
    expect(out.x_train.values.reduce((a: number, b: number) => Math.max(a, b), 0)).toBeLessThan(500);
  });

  it('is named imdb-<pack>-<num_words>-<maxlen>.npz', () => {
    expect(dataFileName({ pack: 'book', num_words: 500, maxlen: 100 })).toBe('imdb-book-500-100.npz');
  });
});

describe('Copy Keras code: encode(text) in Python', () => {
  const texts = [
    'A wonderful film, the best I have seen this year.',
    "I didn’t like it.<br /><br />The END... “Quoted” 'words' and rock'n'roll",
    'Café CAFÉ cafe\u0301 naïve 1990s 3D 한국 영화 🎬 emoji-laden, hyphen-ated',
    "''' '' ' tom's o'neil' movies'",
    '',
    Array.from({ length: 150 }, (_, i) => `word${i} the`).join(' '),
  ];

  it('gives the same padded ids as the page for every sample text', () => {
    const index = parseWordIndex(siteWordIndex);
    writeFileSync(join(dir, 'word_index.json'), kerasWordIndex(siteWordIndex));
    for (const [numWords, maxlen] of [
      [500, 100],
      [10000, 20],
    ]) {
      const script = `import json, re, unicodedata, sys
import numpy as np
NUM_WORDS, MAXLEN = ${numWords}, ${maxlen}
with open('word_index.json', encoding='utf-8') as f:
    word_index = json.load(f)
${PYTHON_ENCODE}
texts = json.loads(sys.stdin.read())
print(json.dumps([encode(t).tolist() for t in texts]))`;
      const out = JSON.parse(
        execFileSync(PYTHON, ['-c', script], { cwd: dir, input: JSON.stringify(texts), encoding: 'utf8' }),
      );
      texts.forEach((t, i) => expect(out[i], t).toEqual(encodeForModel(t, index, numWords, maxlen).padded));
    }
  });
});

describe('Copy Keras code: the cell', () => {
  async function runCell(presetId: string) {
    const setup = stateFromPreset(presets.find((p) => p.id === presetId)!);
    const code = kerasCode({ ...setup, title: presetId });
    expect(code).not.toBeNull();
    writeFileSync(
      join(dir, dataFileName(setup.data)),
      dataNpz(await packData(setup.data.num_words, setup.data.maxlen)),
    );
    writeFileSync(join(dir, 'word_index.json'), kerasWordIndex(siteWordIndex));
    const out = python(code!, { PYTHONPATH: stub });
    const line = out.split('\n').find((l) => l.startsWith('KERAS_STUB_RECORD '))!;
    return { setup, code: code!, out, record: JSON.parse(line.slice('KERAS_STUB_RECORD '.length)) };
  }

  it("09-3 LSTM: the book's model, RMSprop(1e-4), binary cross-entropy, batch 64, EarlyStopping(3, restore)", async () => {
    const { record, out, code } = await runCell('lstm');
    expect(record.input).toEqual([100]);
    expect(record.layers).toEqual([
      { kind: 'Embedding', args: [500, 16], kwargs: {} },
      { kind: 'LSTM', args: [8], kwargs: {} },
      { kind: 'Dense', args: [1], kwargs: { activation: 'sigmoid' } },
    ]);
    expect(record.compile).toEqual({
      optimizer: { kind: 'RMSprop', learning_rate: 0.0001 },
      loss: 'binary_crossentropy',
      metrics: ['accuracy'],
    });
    expect(record.fit).toMatchObject({
      epochs: 100,
      batch_size: 64,
      train_count: 2000,
      val_count: 500,
      x_shape: [2000, 100],
      callbacks: [{ kind: 'EarlyStopping', patience: 3, restore_best_weights: true }],
    });
    expect(record.predict_shape).toEqual([1, 100]);
    expect(out).toContain('probability of positive: 0.5');
    expect(code).toContain("data = np.load('imdb-quick-500-100.npz')");
  });

  it('one-hot SimpleRNN: encoded batch by batch in a PyDataset, never the whole array', async () => {
    const { record, code } = await runCell('onehot-simplernn-500');
    expect(record.input).toEqual([100, 500]);
    expect(record.layers[0]).toEqual({ kind: 'SimpleRNN', args: [8], kwargs: {} });
    expect(record.fit).toMatchObject({
      epochs: 100,
      batch_size: 64,
      shuffle: true,
      train_count: 2000,
      val_count: 500,
    });
    expect(record.batches_checked).toBeGreaterThanOrEqual(6);
    expect(record.predict_shape).toEqual([1, 100, 500]);
    expect(code).toContain('keras.utils.PyDataset');
    expect(code).not.toMatch(/to_categorical\(train_seq/);
  });

  it('the dropout LSTM keeps its dropout, the GRU its defaults unwritten', async () => {
    const dropout = await runCell('lstm-dropout');
    expect(dropout.record.layers[1]).toEqual({ kind: 'LSTM', args: [8], kwargs: { dropout: 0.3 } });
    const gru = await runCell('gru');
    expect(gru.record.layers[1]).toEqual({ kind: 'GRU', args: [8], kwargs: {} });
  });
});

describe('Download TF.js model: the zip', () => {
  it('holds model.json and weights.bin, stored, named after the model', () => {
    const modelJson = JSON.stringify({
      format: 'layers-model',
      modelTopology: { class_name: 'Sequential', config: { name: 'lstm', layers: [] } },
    });
    const weights = new Float32Array([1.5, -2, 3.25]);
    const files = unzipSync(tfjsZip(modelJson, weights));
    expect(Object.keys(files)).toEqual(['model.json', 'weights.bin']);
    expect(new TextDecoder().decode(files['model.json'])).toBe(modelJson);
    expect(Array.from(new Float32Array(files['weights.bin'].slice().buffer))).toEqual([1.5, -2, 3.25]);
    expect(tfjsZipName(modelJson)).toBe('lstm-tfjs.zip');
    expect(tfjsZipName('not json')).toBe('model-tfjs.zip');
  });
});
