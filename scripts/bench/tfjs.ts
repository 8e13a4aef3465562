// The peer: the same models trained and run by TensorFlow.js (its WebAssembly backend with SIMD
// on one thread, and its plain-JavaScript CPU backend), on the same reviews, batch size and
// optimizer as our engine.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setThreadsCount, setWasmPaths, type BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import {
  epochSeconds,
  median,
  modelLayers,
  settingsOf,
  type BenchData,
  type BenchModel,
  type TimingResult,
} from './setup';

export type TfjsBackend = 'wasm' | 'cpu';

let wasmReady = false;

/** out[ids[r]] += x[r], row by row: the gradient of a gather (the Embedding's gradient). */
function segmentSum(values: Float32Array, ids: Int32Array, rowSize: number, sums: Float32Array): void {
  sums.fill(0);
  for (let r = 0; r < ids.length; r++) {
    const id = ids[r];
    if (id < 0 || id * rowSize >= sums.length) continue;
    const to = id * rowSize;
    const from = r * rowSize;
    for (let k = 0; k < rowSize; k++) sums[to + k] += values[from + k];
  }
}

/**
 * The Embedding's gradient needs UnsortedSegmentSum. TF.js' WASM backend has no such kernel
 * (training any Embedding model stops with "Kernel 'UnsortedSegmentSum' not registered"), and its
 * CPU backend's loops over every segment (every vocabulary id) with a full mask each time — 500
 * passes over 6,400 × 16 numbers per batch, which made one SimpleRNN batch take about 29 s. Both
 * get the same linear plain-JavaScript kernel (a small part of a batch's time), so the benchmark
 * measures TF.js' recurrent maths rather than one missing or quadratic kernel.
 */
function registerSegmentSum(backendName: 'wasm' | 'cpu'): void {
  if (tf.getKernel('UnsortedSegmentSum', backendName)) tf.unregisterKernel('UnsortedSegmentSum', backendName);
  tf.registerKernel({
    kernelName: 'UnsortedSegmentSum',
    backendName,
    kernelFunc: ({ inputs, backend, attrs }) => {
      const x = inputs.x as tf.TensorInfo;
      const segmentIds = inputs.segmentIds as tf.TensorInfo;
      const numSegments = (attrs as { numSegments: number }).numSegments;
      const b = backend as tf.KernelBackend;
      const values = b.readSync(x.dataId) as Float32Array;
      const ids = Int32Array.from(b.readSync(segmentIds.dataId) as ArrayLike<number>);
      const rowShape = x.shape.slice(segmentIds.shape.length);
      const rowSize = rowShape.reduce((p, q) => p * q, 1);
      const shape = [numSegments, ...rowShape];
      if (backendName === 'wasm') {
        const wasm = backend as BackendWasm;
        const out = wasm.makeOutput(shape, x.dtype);
        segmentSum(values, ids, rowSize, wasm.typedArrayFromHeap(out) as Float32Array);
        return out;
      }
      const sums = new Float32Array(numSegments * rowSize);
      segmentSum(values, ids, rowSize, sums);
      return (
        backend as unknown as { makeTensorInfo(s: number[], d: string, v: Float32Array): tf.TensorInfo }
      ).makeTensorInfo(shape, x.dtype, sums);
    },
  });
}

const segmentSumRegistered = new Set<TfjsBackend>();

/** A small Embedding-like gradient: d/d table of sum(gather(table, ids) ⊙ w). */
async function gatherGradient(): Promise<number[]> {
  const table = tf.variable(
    tf.tensor2d(
      [...Array(21)].map((_, i) => Math.sin(i)),
      [7, 3],
    ),
  );
  const ids = tf.tensor2d(
    [
      [1, 2, 2, 6],
      [0, 1, 6, 6],
    ],
    [2, 4],
    'int32',
  );
  const w = tf.tensor3d(
    [...Array(24)].map((_, i) => Math.cos(3 * i)),
    [2, 4, 3],
  );
  const { grads } = tf.variableGrads(() => tf.sum(tf.mul(tf.gather(table, ids), w)) as tf.Scalar, [table]);
  const values = Array.from(await grads[table.name].data());
  tf.dispose([table, ids, w, grads[table.name]]);
  return values;
}

/**
 * Replaces the kernel on both backends, after checking that the replacement gives the gradient
 * TF.js' own CPU kernel gives (it must only be faster, never different).
 */
async function replaceSegmentSumChecked(): Promise<void> {
  if (segmentSumRegistered.size) return;
  if (!(await tf.setBackend('cpu'))) throw new Error('TF.js CPU backend did not start');
  const reference = await gatherGradient();
  for (const backend of ['cpu', 'wasm'] as const) {
    registerSegmentSum(backend);
    segmentSumRegistered.add(backend);
    if (!(await tf.setBackend(backend))) throw new Error(`TF.js backend ${backend} did not start`);
    const ours = await gatherGradient();
    const error = Math.max(...ours.map((v, i) => Math.abs(v - reference[i])));
    if (!(error < 1e-5))
      throw new Error(`the replacement UnsortedSegmentSum differs from TF.js' own on ${backend} by ${error}`);
  }
}

/** TF.js' CPU backend prints an advertisement for its native Node backend on first use. */
function silenceNodeBackendBanner(): void {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (
      typeof args[0] === 'string' &&
      args[0].includes('looks like you are running TensorFlow.js in Node.js')
    )
      return;
    warn(...args);
  };
}

export async function useBackend(backend: TfjsBackend): Promise<void> {
  if (!wasmReady) {
    silenceNodeBackendBanner();
    const require = createRequire(import.meta.url);
    const dist = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
    setWasmPaths(`${dist}/`);
    setThreadsCount(1);
    wasmReady = true;
  }
  await replaceSegmentSumChecked();
  if (!(await tf.setBackend(backend))) throw new Error(`TF.js backend ${backend} did not start`);
  await tf.ready();
}

/** What the backend runs with (SIMD and threads for WASM), for the table's notes. */
export async function backendInfo(backend: TfjsBackend): Promise<string> {
  if (backend === 'cpu') return 'TF.js CPU backend (plain JavaScript)';
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  const threads = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
  return `TF.js WASM backend, SIMD ${simd ? 'on' : 'off'}, ${threads ? 'multi-thread capable, ' : ''}1 thread`;
}

/**
 * TF.js cannot build Keras' default GRU (reset_after: true) and defaults recurrent layers to
 * hard_sigmoid gates: GRU runs with reset_after false, and every recurrent layer with sigmoid gates
 * as Keras 3 uses.
 */
export const TFJS_GRU_NOTE =
  'TF.js GRU: reset_after=false, sigmoid gates (TF.js cannot build reset_after=true)';

function buildModel(model: BenchModel): tf.LayersModel {
  const { maxlen: MAXLEN, learningRate } = settingsOf(model);
  const net = tf.sequential();
  let first = true;
  for (const layer of modelLayers(model)) {
    const c = layer.config;
    const shape = first ? { inputShape: [MAXLEN] } : {};
    const recurrent = {
      ...shape,
      units: c.units as number,
      returnSequences: Boolean(c.return_sequences),
      dropout: (c.dropout as number | undefined) ?? 0,
      recurrentDropout: (c.recurrent_dropout as number | undefined) ?? 0,
      recurrentActivation: 'sigmoid' as const,
    };
    switch (layer.class_name) {
      case 'Embedding':
        net.add(
          tf.layers.embedding({
            inputDim: c.input_dim as number,
            outputDim: c.output_dim as number,
            inputLength: MAXLEN,
          }),
        );
        break;
      case 'SimpleRNN':
        net.add(
          tf.layers.simpleRNN({
            ...shape,
            units: recurrent.units,
            returnSequences: recurrent.returnSequences,
            dropout: recurrent.dropout,
          }),
        );
        break;
      case 'LSTM':
        net.add(tf.layers.lstm(recurrent));
        break;
      case 'GRU':
        // TF.js' GRU is the reset_after=false variant (its only one; the option is not in its types).
        net.add(tf.layers.gru(recurrent));
        break;
      case 'Dense':
        net.add(
          tf.layers.dense({
            ...shape,
            units: c.units as number,
            activation: (c.activation as 'sigmoid') ?? 'linear',
          }),
        );
        break;
      default:
        throw new Error(`the TF.js benchmark has no mapping for ${layer.class_name}`);
    }
    first = false;
  }
  net.compile({ optimizer: tf.train.rmsprop(learningRate, 0.9, 0, 1e-7), loss: 'binaryCrossentropy' });
  return net;
}

export type TfjsResult = TimingResult;

/**
 * warmup untimed then `batches` timed trainOnBatch calls over consecutive batches of the training
 * reviews; then one predict of the first predictCount validation reviews (256 at a time, as our
 * engine), timed from the ids (one Int32Array, packed before the clock starts, as for our engine)
 * to the numbers read back, best of `predictPasses`.
 */
export async function benchTfjs(
  backend: TfjsBackend,
  model: BenchModel,
  data: BenchData,
  batches: number,
  warmup: number,
  predictPasses = 2,
  predictCount = data.validation.length,
): Promise<TfjsResult> {
  await useBackend(backend);
  const { batchSize: BATCH_SIZE, maxlen: MAXLEN } = data.settings;
  if (data.train.x.length < (warmup + batches) * BATCH_SIZE)
    throw new Error('not enough training reviews loaded');
  const net = buildModel(model);
  const batchMs: number[] = [];
  const batchCpuMs: number[] = [];
  let loss = NaN;
  try {
    for (let i = 0; i < warmup + batches; i++) {
      const from = i * BATCH_SIZE;
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const xs = tf.tensor2d(data.train.x.slice(from, from + BATCH_SIZE), [BATCH_SIZE, MAXLEN], 'int32');
      const ys = tf.tensor2d(data.train.y.slice(from, from + BATCH_SIZE), [BATCH_SIZE, 1], 'float32');
      const l = await net.trainOnBatch(xs, ys);
      xs.dispose();
      ys.dispose();
      if (i >= warmup) {
        batchMs.push(performance.now() - t0);
        const c = process.cpuUsage(c0);
        batchCpuMs.push((c.user + c.system) / 1000);
      }
      loss = Array.isArray(l) ? l[0] : l;
    }
    let predictMs = Infinity;
    let predictionMean = 0;
    const reviews = data.validation.slice(0, predictCount);
    const flatIds = Int32Array.from(reviews.flat());
    for (let pass = 0; pass < predictPasses; pass++) {
      const t0 = performance.now();
      const xs = tf.tensor2d(flatIds, [reviews.length, MAXLEN], 'int32');
      const out = net.predict(xs, { batchSize: 256 }) as tf.Tensor;
      const values = (await out.data()) as Float32Array;
      predictMs = Math.min(predictMs, performance.now() - t0);
      xs.dispose();
      out.dispose();
      predictionMean = values.reduce((a, b) => a + b, 0) / values.length;
    }
    const msPerBatch = median(batchMs);
    const pps = Math.min(predictCount, data.validation.length) / (predictMs / 1000);
    return {
      ms_per_batch: msPerBatch,
      ms_per_batch_mean: batchMs.reduce((a, b) => a + b, 0) / batchMs.length,
      cpu_ms_per_batch: median(batchCpuMs),
      predictions_per_second: pps,
      epoch_seconds: epochSeconds(msPerBatch, pps, data.trainCount, data.validationCount, BATCH_SIZE),
      loss,
      prediction_mean: predictionMean,
    };
  } finally {
    net.dispose();
  }
}
