// The peer: the same models trained and run by TensorFlow.js (its WebAssembly backend with SIMD
// on one thread, and its plain-JavaScript CPU backend), on the same reviews, batch size and
// optimizer as our engine.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setThreadsCount, setWasmPaths, type BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import {
  BATCH_SIZE, LEARNING_RATE, MAXLEN, epochSeconds, median, modelLayers,
  type BenchData, type BenchModel,
} from './setup';

export type TfjsBackend = 'wasm' | 'cpu';

let wasmReady = false;

/**
 * TF.js' WASM backend has no UnsortedSegmentSum kernel, which the Embedding's gradient (the
 * gradient of a gather) needs, so training any Embedding model stops with "Kernel
 * 'UnsortedSegmentSum' not registered". This registers a plain JavaScript one: out[ids[r]] += x[r]
 * row by row (6,400 rows of 16 floats per batch here, a small part of a batch's time).
 */
function registerMissingWasmKernels(): void {
  if (tf.getKernel('UnsortedSegmentSum', 'wasm')) return;
  tf.registerKernel({
    kernelName: 'UnsortedSegmentSum',
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend, attrs }) => {
      const wasm = backend as BackendWasm;
      const x = inputs.x as tf.TensorInfo;
      const segmentIds = inputs.segmentIds as tf.TensorInfo;
      const numSegments = (attrs as { numSegments: number }).numSegments;
      const values = wasm.readSync(x.dataId) as Float32Array;
      const ids = wasm.readSync(segmentIds.dataId) as Int32Array;
      const rowShape = x.shape.slice(segmentIds.shape.length);
      const rowSize = rowShape.reduce((a, b) => a * b, 1);
      const out = wasm.makeOutput([numSegments, ...rowShape], x.dtype);
      const sums = wasm.typedArrayFromHeap(out) as Float32Array;
      sums.fill(0);
      for (let r = 0; r < ids.length; r++) {
        const id = ids[r];
        if (id < 0 || id >= numSegments) continue;
        const to = id * rowSize;
        const from = r * rowSize;
        for (let k = 0; k < rowSize; k++) sums[to + k] += values[from + k];
      }
      return out;
    },
  });
}

/** Selects a backend; for WASM: its binaries from node_modules, one thread (SIMD is detected). */
export async function useBackend(backend: TfjsBackend): Promise<void> {
  if (backend === 'wasm' && !wasmReady) {
    const require = createRequire(import.meta.url);
    const dist = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
    setWasmPaths(`${dist}/`);
    setThreadsCount(1);
    registerMissingWasmKernels();
    wasmReady = true;
  }
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
export const TFJS_GRU_NOTE = 'TF.js GRU: reset_after=false, sigmoid gates (TF.js cannot build reset_after=true)';

function buildModel(model: BenchModel): tf.LayersModel {
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
        net.add(tf.layers.embedding({ inputDim: c.input_dim as number, outputDim: c.output_dim as number, inputLength: MAXLEN }));
        break;
      case 'SimpleRNN':
        net.add(tf.layers.simpleRNN({ ...shape, units: recurrent.units, returnSequences: recurrent.returnSequences, dropout: recurrent.dropout }));
        break;
      case 'LSTM':
        net.add(tf.layers.lstm(recurrent));
        break;
      case 'GRU':
        // TF.js' GRU is the reset_after=false variant (its only one; the option is not in its types).
        net.add(tf.layers.gru(recurrent));
        break;
      case 'Dense':
        net.add(tf.layers.dense({ ...shape, units: c.units as number, activation: (c.activation as 'sigmoid') ?? 'linear' }));
        break;
      default:
        throw new Error(`the TF.js benchmark has no mapping for ${layer.class_name}`);
    }
    first = false;
  }
  net.compile({ optimizer: tf.train.rmsprop(LEARNING_RATE, 0.9, 0, 1e-7), loss: 'binaryCrossentropy' });
  return net;
}

export interface TfjsResult {
  ms_per_batch: number;
  ms_per_batch_mean: number;
  cpu_ms_per_batch: number;
  predictions_per_second: number;
  epoch_seconds: number;
  loss: number;
  prediction_mean: number;
}

/**
 * warmup untimed then `batches` timed trainOnBatch calls over consecutive batches of the training
 * reviews; then one predict of the validation reviews (256 at a time, as our engine), timed from
 * the ids to the numbers read back, best of `predictPasses`.
 */
export async function benchTfjs(
  backend: TfjsBackend, model: BenchModel, data: BenchData, batches: number, warmup: number, predictPasses = 2,
): Promise<TfjsResult> {
  await useBackend(backend);
  if (data.train.x.length < (warmup + batches) * BATCH_SIZE) throw new Error('not enough training reviews loaded');
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
    for (let pass = 0; pass < predictPasses; pass++) {
      const t0 = performance.now();
      const xs = tf.tensor2d(data.validation, [data.validation.length, MAXLEN], 'int32');
      const out = net.predict(xs, { batchSize: 256 }) as tf.Tensor;
      const values = (await out.data()) as Float32Array;
      predictMs = Math.min(predictMs, performance.now() - t0);
      xs.dispose();
      out.dispose();
      predictionMean = values.reduce((a, b) => a + b, 0) / values.length;
    }
    const msPerBatch = median(batchMs);
    const pps = data.validation.length / (predictMs / 1000);
    return {
      ms_per_batch: msPerBatch,
      ms_per_batch_mean: batchMs.reduce((a, b) => a + b, 0) / batchMs.length,
      cpu_ms_per_batch: median(batchCpuMs),
      predictions_per_second: pps,
      epoch_seconds: epochSeconds(msPerBatch, pps, data.trainCount, data.validationCount),
      loss,
      prediction_mean: predictionMean,
    };
  } finally {
    net.dispose();
  }
}
