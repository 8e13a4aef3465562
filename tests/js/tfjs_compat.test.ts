// An independent implementation of Keras' layers: TF.js (@tensorflow/tfjs, pure JS CPU backend)
// loads the model folders our native CLI saves (`rnn-playground init`) and must predict what
// `rnn-playground predict` prints, to 1e-5, for every layer type TF.js supports. A GRU with
// reset_after=True is refused by TF.js, as tfjs_compatibility_note documents.
//
// Needs the native build: build/native/rnn-playground (`npm run build`). RNN_CLI overrides the path.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import presets from '../../web/src/presets/presets.json';
import { dense, embedding, layer, sequential, type LayerJson } from './helpers/model-json';

const cli =
  process.env.RNN_CLI ?? fileURLToPath(new URL('../../build/native/rnn-playground', import.meta.url));
const tolerance = 1e-5;
let work = '';
let largestDifference = 0; // reported at the end, for the record

type Nested = number | Nested[];
interface ModelJson {
  modelTopology: { config: { layers: { class_name: string; config: Record<string, unknown> }[] } };
  weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
}

function runCli(args: string[]): string {
  try {
    return execFileSync(cli, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const err = e as { status?: number; stderr?: string };
    throw new Error(`rnn-playground ${args.join(' ')} exited with ${err.status}: ${err.stderr}`);
  }
}

// TF.js reads the folder as it reads any model.json: the manifest's files, concatenated per group.
function folderHandler(dir: string): tf.io.IOHandler {
  return {
    load: async () => {
      const modelJson = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as tf.io.ModelJSON;
      return tf.io.getModelArtifactsForJSON(modelJson, async (manifest) => {
        const specs: tf.io.WeightsManifestEntry[] = [];
        const buffers: ArrayBuffer[] = [];
        for (const group of manifest) {
          specs.push(...group.weights);
          for (const path of group.paths) {
            const bytes = readFileSync(join(dir, path));
            buffers.push(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
          }
        }
        return [specs, tf.io.concatenateArrayBuffers(buffers)];
      });
    },
  };
}

// Keras' pad_sequences(padding='pre', truncating='pre'), written here independently of the CLI.
function padPre(ids: number[], length: number): number[] {
  const kept = ids.slice(Math.max(0, ids.length - length));
  return [...new Array<number>(length - kept.length).fill(0), ...kept];
}

// A small seeded generator (mulberry32) for token ids and replacement weights.
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function maxAbsDifference(a: Nested, b: Nested, where = 'output'): number {
  if (typeof a === 'number' || typeof b === 'number') {
    if (typeof a !== 'number' || typeof b !== 'number') throw new Error(`${where}: nesting differs`);
    return Math.abs(a - b);
  }
  if (a.length !== b.length) throw new Error(`${where}: ${a.length} entries vs ${b.length}`);
  return Math.max(0, ...a.map((x, i) => maxAbsDifference(x, b[i], `${where}[${i}]`)));
}

interface Case {
  name: string;
  model: object;
  sequences: number[][];
}

// The input TF.js needs: token ids for an Embedding, one-hot vectors otherwise (built here).
function tfInput(
  first: { class_name: string },
  batchShape: (number | null)[],
  padded: number[][],
): tf.Tensor {
  if (first.class_name === 'Embedding')
    return tf.tensor2d(padded, [padded.length, padded[0].length], 'int32');
  const vocab = batchShape[2] as number;
  return tf.oneHot(tf.tensor2d(padded, [padded.length, padded[0].length], 'int32'), vocab).toFloat();
}

function batchShapeOf(model: ModelJson): (number | null)[] {
  const first = model.modelTopology.config.layers[0].config;
  return first.batch_input_shape as (number | null)[];
}

// init → (optionally new weights) → our predict vs TF.js predict. Returns the largest difference.
async function compare(c: Case, seed: number, bold: boolean): Promise<number> {
  const dir = join(work, `${c.name.replace(/\W+/g, '_')}_${seed}_${bold ? 'bold' : 'init'}`);
  const modelFile = `${dir}.json`;
  writeFileSync(modelFile, JSON.stringify(c.model));
  runCli(['init', modelFile, '--seed', String(seed), '--out', dir]);
  const saved = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as ModelJson;
  if (bold) {
    const next = generator(seed);
    const count = readFileSync(join(dir, 'weights.bin')).byteLength / 4;
    const values = Float32Array.from({ length: count }, () => (next() * 2 - 1) * 0.9);
    writeFileSync(join(dir, 'weights.bin'), Buffer.from(values.buffer));
  }
  const inputFile = `${dir}.input.json`;
  writeFileSync(inputFile, JSON.stringify({ sequences: c.sequences }));
  const ours = JSON.parse(runCli(['predict', dir, '--input', inputFile])) as Nested[];
  expect(ours.length).toBe(c.sequences.length);

  const model = await tf.loadLayersModel(folderHandler(dir));
  try {
    const batchShape = batchShapeOf(saved);
    const first = saved.modelTopology.config.layers[0];
    // A fixed input length pads every sequence; without one, each is predicted as it is.
    const groups =
      batchShape[1] == null
        ? c.sequences.map((s) => [s])
        : [c.sequences.map((s) => padPre(s, batchShape[1] as number))];
    const theirs: Nested[] = [];
    for (const group of groups) {
      const x = tfInput(first, batchShape, group);
      const y = model.predict(x) as tf.Tensor;
      theirs.push(...(y.arraySync() as Nested[]));
      tf.dispose([x, y]);
    }
    const difference = maxAbsDifference(ours, theirs);
    largestDifference = Math.max(largestDifference, difference);
    return difference;
  } finally {
    model.dispose();
  }
}

function randomSequences(seed: number, vocab: number, lengths: number[]): number[][] {
  const next = generator(seed);
  return lengths.map((n) => Array.from({ length: n }, () => Math.floor(next() * vocab)));
}

const seq = (layers: LayerJson[]) => sequential(layers, 'model');
const rnn = (config: object) => layer('SimpleRNN', { name: 'rnn', ...config });
const lstm = (config: object) => layer('LSTM', { name: 'lstm', ...config });
const gru = (config: object) => layer('GRU', { name: 'gru', reset_after: false, ...config });
const sigmoidOut = dense('out', 1, 'sigmoid');
const mixedLengths = [12, 3, 20, 1, 0, 12];

// [name, layers, the vocabulary the token ids are drawn from, the sequences' lengths]; row i draws
// its sequences with seed i + 1, and each is compared with its initial and with larger weights.
const table: [string, LayerJson[], number, number[]][] = [
  ['Embedding + SimpleRNN', [embedding(50, 6, 12), rnn({ units: 5 }), sigmoidOut], 50, mixedLengths],
  ['LSTM', [embedding(40, 5, 10), lstm({ units: 6 }), sigmoidOut], 40, mixedLengths],
  [
    'LSTM without biases, Keras 2 hard_sigmoid gates, relu Dense',
    [
      embedding(30, 4, 8),
      lstm({ units: 3, use_bias: false, recurrent_activation: 'hard_sigmoid', unit_forget_bias: false }),
      dense('hidden', 4, 'relu', { use_bias: false }),
      sigmoidOut,
    ],
    30,
    mixedLengths,
  ],
  [
    'GRU reset_after false, softmax',
    [embedding(40, 5, 9), gru({ units: 4 }), dense('out', 3, 'softmax')],
    40,
    mixedLengths,
  ],
  [
    'stacked with return_sequences',
    [
      embedding(60, 6, 15),
      lstm({ units: 5, return_sequences: true }),
      gru({ units: 4, return_sequences: true }),
      rnn({ units: 3 }),
      sigmoidOut,
    ],
    60,
    mixedLengths,
  ],
  [
    'Dense on 3-D (output per step)',
    [
      embedding(25, 4, 7),
      rnn({ units: 4, return_sequences: true }),
      dense('per_step', 3, 'tanh'),
      dense('out', 2, 'softmax'),
    ],
    25,
    [7, 2, 9],
  ],
  [
    'ending in a recurrent layer with return_sequences',
    [embedding(25, 4, 6), gru({ units: 3, return_sequences: true })],
    25,
    [6, 4, 8],
  ],
  ['ending in a recurrent layer', [embedding(25, 4, 6), lstm({ units: 3 })], 25, [6, 4, 8]],
  [
    'Dropout and recurrent dropout (off at prediction)',
    [
      embedding(40, 5, 10),
      lstm({ units: 4, dropout: 0.3, recurrent_dropout: 0.2, return_sequences: true }),
      layer('Dropout', { name: 'dropout', rate: 0.5 }),
      rnn({ units: 3, dropout: 0.25 }),
      layer('Dropout', { name: 'dropout_1', rate: 0.4 }),
      sigmoidOut,
    ],
    40,
    mixedLengths,
  ],
  [
    'one-hot input (SimpleRNN)',
    [rnn({ units: 5, batch_input_shape: [null, 10, 20] }), sigmoidOut],
    20,
    [10, 4, 13, 0],
  ],
  [
    'one-hot input (LSTM, GRU stack)',
    [
      lstm({ units: 4, return_sequences: true, batch_input_shape: [null, 8, 12] }),
      gru({ units: 3 }),
      dense('out', 2, 'softmax'),
    ],
    12,
    [8, 3, 11],
  ],
  ['no fixed input length', [embedding(30, 4, null), lstm({ units: 3 }), sigmoidOut], 30, [5, 1, 9]],
];
const cases: Case[] = table.map(([name, layers, vocab, lengths], i) => ({
  name,
  model: seq(layers),
  sequences: randomSequences(i + 1, vocab, lengths),
}));

interface Preset {
  id: string;
  model: { config: { layers: { class_name: string; config: Record<string, unknown> }[] } };
}
const usesResetAfterGru = (p: Preset) =>
  p.model.config.layers.some((l) => l.class_name === 'GRU' && l.config.reset_after !== false);
const curriculum = presets as unknown as Preset[];

beforeAll(async () => {
  if (!existsSync(cli)) {
    throw new Error(
      `The native CLI ${cli} is missing: build it first (npm run build, or cmake --build build/native).`,
    );
  }
  await tf.setBackend('cpu');
  work = mkdtempSync(join(tmpdir(), 'rnn-tfjs-compat-'));
});

afterAll(() => {
  console.info(`largest |ours - TF.js| over all compared outputs: ${largestDifference.toExponential(2)}`);
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('TF.js loads models saved by rnn-playground and predicts the same', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    expect(await compare(c, 17, false)).toBeLessThan(tolerance);
    // Also with larger random weights than the initializers draw.
    expect(await compare(c, 23, true)).toBeLessThan(tolerance);
  });

  const accepted = curriculum.filter((p) => !usesResetAfterGru(p));
  it.each(accepted.map((p) => [p.id, p] as const))('curriculum preset %s', async (id, p) => {
    const first = p.model.config.layers.find((l) => l.class_name !== 'InputLayer');
    // One-hot: ids below 200 and below the one-hot width (35 for Long memory).
    const width = (p.model.config.layers[0].config.batch_input_shape as number[] | undefined)?.[2] ?? 200;
    const vocab =
      first?.class_name === 'Embedding' ? (first.config.input_dim as number) : Math.min(200, width);
    const c: Case = { name: id, model: p.model, sequences: randomSequences(99, vocab, [150, 40, 3]) };
    expect(await compare(c, 42, false)).toBeLessThan(tolerance);
  });
});

describe('TF.js refuses a GRU with reset_after=True, as our summary says', () => {
  const refused = curriculum.filter(usesResetAfterGru);
  it('the curriculum has such presets', () => expect(refused.length).toBeGreaterThan(0));

  it('our CLI saves and predicts it; TF.js refuses to load it', async () => {
    const model = seq([embedding(20, 4, 5), layer('GRU', { name: 'gru', units: 3 }), sigmoidOut]);
    const dir = join(work, 'gru_reset_after');
    writeFileSync(`${dir}.json`, JSON.stringify(model));
    runCli(['init', `${dir}.json`, '--seed', '3', '--out', dir]);
    const saved = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as ModelJson;
    expect(saved.modelTopology.config.layers[1].config.reset_after).toBe(true);
    expect(saved.weightsManifest[0].weights.find((w) => w.name === 'gru/bias')?.shape).toEqual([2, 9]);
    writeFileSync(`${dir}.input.json`, JSON.stringify({ sequences: [[1, 2, 3]] }));
    const ours = JSON.parse(runCli(['predict', dir, '--input', `${dir}.input.json`])) as number[][];
    expect(ours[0][0]).toBeGreaterThan(0);
    await expect(tf.loadLayersModel(folderHandler(dir))).rejects.toThrow(/reset_after/);
  });
});
