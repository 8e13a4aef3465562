// Timing of our WebAssembly engine through its Session (the same calls the page's worker makes).
// Plain JavaScript so that one copy runs in Node (scripts/bench.ts) and inside a module worker in
// Chromium (scripts/bench/browser-worker.mjs): the two measure exactly the same code path.

// Types: engine-bench.d.mts (what TypeScript callers see); the JSDoc below checks this file against it.
/** @typedef {import('./engine-bench.mjs').EngineBenchOptions} EngineBenchOptions */
/** @typedef {import('./engine-bench.mjs').EngineBenchResult} EngineBenchResult */
/** @typedef {Parameters<typeof import('./engine-bench.mjs').benchEngine>[0]} BenchModule */

/**
 * Unwraps a Session reply {"ok": true, "value"} | {"ok": false, "error"}.
 * @param {string} text
 * @returns {any} the reply's value (its shape depends on the call)
 */
function reply(text) {
  const r = JSON.parse(text);
  if (!r.ok) throw new Error(`engine: ${r.error}`);
  return r.value;
}

/** Process CPU milliseconds where the host tells (Node), else null (a browser worker). */
function cpuMs() {
  const usage = globalThis.process?.cpuUsage?.();
  return usage ? (usage.user + usage.system) / 1000 : null;
}

/**
 * The module's whole linear memory (it only grows), or null if the glue does not expose it.
 * @param {BenchModule} module
 */
function heapBytes(module) {
  return module.HEAP8 ? module.HEAP8.length : null;
}

/** The median of `values` (the mean of the middle two for an even count). @param {number[]} values */
export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
}

/**
 * Trains `modelJson` on the pack for `warmup` untimed batches then `batches` timed ones, one batch
 * per runSlice call (each timed on its own; the median is the figure), then predicts
 * `predictSequences` (ids already cut to maxlen) through Session.predictIds, best of three passes.
 * The prediction time covers the engine's call as the worker makes it: the ids, already one
 * Int32Array (packed before the clock starts), copied into the engine, the forward passes and
 * the reply's parse.
 * With `fullEpoch`, training then continues to the end of the first epoch and the engine's own
 * epoch time (training and validation) is reported as measured_epoch_seconds.
 * heap_after_training_bytes is the module's memory after the timed training batches, heap_bytes
 * after the predictions too (the WASM memory a tab holds).
 * @param {BenchModule} module
 * @param {Uint8Array} packBytes
 * @param {EngineBenchOptions} options
 * @returns {EngineBenchResult}
 */
export function benchEngine(module, packBytes, options) {
  const { modelJson, settings, batches, warmup, predictSequences, fullEpoch = false } = options;
  const session = new module.Session();
  try {
    reply(session.loadPack(packBytes));
    const start = reply(session.startTraining(modelJson, JSON.stringify({ ...settings, epochs: 1 })));
    if (warmup + batches >= start.batches_per_epoch) {
      throw new Error(
        `warm-up + batches (${warmup + batches}) must stay below one epoch (${start.batches_per_epoch})`,
      );
    }
    for (let i = 0; i < warmup; i++) reply(session.runSlice(1));
    const batchMs = [];
    const batchCpuMs = [];
    let last = null;
    const trainStart = performance.now();
    for (let i = 0; i < batches; i++) {
      const c0 = cpuMs();
      const t0 = performance.now();
      last = reply(session.runSlice(1));
      batchMs.push(performance.now() - t0);
      const c1 = cpuMs();
      if (c0 !== null && c1 !== null) batchCpuMs.push(c1 - c0);
    }
    const trainMs = performance.now() - trainStart;
    const loss = last.batches.length ? last.batches[last.batches.length - 1].loss : null;
    const heapAfterTraining = heapBytes(module);

    const passes = [];
    let predictionMean = 0;
    // The ids as the worker holds them (one Int32Array), packed before the clock starts: packing
    // 5,000 nested JS arrays costs about as much as the forward passes and measures V8, not us.
    const predictIds = Int32Array.from(predictSequences.flat());
    for (let pass = 0; pass < 3; pass++) {
      const t0 = performance.now();
      const outputs = reply(session.predictIds(predictIds, predictSequences.length));
      passes.push(performance.now() - t0);
      predictionMean =
        outputs.reduce((/** @type {number} */ sum, /** @type {number[]} */ row) => sum + row[0], 0) /
        outputs.length;
    }
    const predictMs = Math.min(...passes);

    let measuredEpochSeconds = null;
    if (fullEpoch) {
      for (;;) {
        const r = reply(session.runSlice(64));
        if (r.epochs.length) {
          measuredEpochSeconds = r.epochs[0].seconds;
          break;
        }
        if (r.finished) break;
      }
    }

    const msPerBatch = median(batchMs);
    const predictionsPerSecond = predictSequences.length / (predictMs / 1000);
    return {
      ms_per_batch: msPerBatch,
      ms_per_batch_mean: trainMs / batches,
      cpu_ms_per_batch: batchCpuMs.length ? median(batchCpuMs) : null,
      predictions_per_second: predictionsPerSecond,
      epoch_seconds:
        ((start.train_count / settings.batch_size) * msPerBatch) / 1000 +
        start.validation_count / predictionsPerSecond,
      measured_epoch_seconds: measuredEpochSeconds,
      train_count: start.train_count,
      validation_count: start.validation_count,
      loss,
      prediction_mean: predictionMean,
      heap_after_training_bytes: heapAfterTraining,
      heap_bytes: heapBytes(module),
    };
  } finally {
    session.delete();
  }
}
