// npm run bench [-- --quick] [-- --json FILE] [-- --chapter]: the speed benchmark (docs/benchmarks.md).
//
// Trains the curriculum's SimpleRNN(8), LSTM(8), GRU(8) and 2-layer LSTM on the book pack (batch
// 64, maxlen 100, num_words 500, RMSprop 1e-4) and the blog's LSTM(32) and SimpleRNN(32) (batch
// 128, maxlen 500, num_words 10,000, RMSprop 1e-3) for a fixed number of batches with our engine
// (WebAssembly in Node, the native build, and, unless --quick, WebAssembly in a Chromium worker),
// with TF.js (WASM backend, SIMD, one thread; and its CPU backend for the book's models unless
// --quick) and with PyTorch on one CPU thread, all in one run on the same reviews, then predicts
// the first 5,000 validation reviews with each but PyTorch. Prints the figures, the ratios
// between engines and the issues' targets; --json FILE writes the rows. --chapter instead times
// "Run chapter 9" in the built site in Chromium (scripts/bench/chapter.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { benchChromium } from './bench/browser';
import { NATIVE_BUILD_DIR, benchNative, nativeFlags } from './bench/native';
import {
  ENGINE_LABEL,
  formatRatios,
  formatTable,
  formatTargets,
  formatTargets17,
  loadAverage,
  machineDescription,
} from './bench/report';
import { benchChapter } from './bench/chapter';
import { PYTHON, benchPytorch, torchVersion } from './bench/pytorch';
import {
  BENCH_MODELS,
  PREDICT_COUNT,
  loadBenchData,
  settingsOf,
  type BenchData,
  type BenchEngine,
  type BenchModel,
  type BenchRow,
} from './bench/setup';
import { TFJS_GRU_NOTE, backendInfo, benchTfjs } from './bench/tfjs';
import { WASM_URL, benchWasmNode, checkSameData } from './bench/wasm-node';

const USAGE = `usage: npx tsx scripts/bench.ts [--quick] [--json FILE] [--no-browser] [--no-tfjs-cpu] [--no-pytorch] [--chapter]
                                  [--models simplernn,lstm,gru,lstm2,blog-lstm,blog-simplernn] [--pack FILE] [--native-dir DIR]
  --quick        LSTM and GRU only, on our WASM, our native build and TF.js WASM (under 3 minutes)
  --chapter      only "Run chapter 9" in the built site (dist/) in Chromium: wall time to the last early stop,
                 the longest frame gap while every core trains; --dist DIR serves another build
  --no-pytorch   skip PyTorch (${PYTHON} with Debian's python3-torch)
  --json FILE    also write the rows as JSON: [{"model","engine","ms_per_batch","epoch_seconds","predictions_per_second"}]
  --no-browser   skip the Chromium worker variant
  --no-tfjs-cpu  skip TF.js' CPU backend (the slowest part of a full run)
  --pack FILE    data pack (default build/data/imdb-book.pack)
  --native-dir   CMake build directory holding rnn-playground (default build/native)`;

interface Options {
  quick: boolean;
  json: string | null;
  browser: boolean;
  tfjsCpu: boolean;
  pytorch: boolean;
  chapter: boolean;
  dist: string;
  models: BenchModel[];
  pack: string;
  nativeDir: string;
}

function parseArgs(argv: string[]): Options {
  const o: Options = {
    quick: false,
    json: null,
    browser: true,
    tfjsCpu: true,
    pytorch: true,
    chapter: false,
    dist: 'dist',
    models: [...BENCH_MODELS],
    pack: new URL('../build/data/imdb-book.pack', import.meta.url).pathname,
    nativeDir: NATIVE_BUILD_DIR,
  };
  let modelsGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value\n${USAGE}`);
      return argv[++i];
    };
    if (a === '--quick') o.quick = true;
    else if (a === '--json') o.json = value();
    else if (a === '--no-browser') o.browser = false;
    else if (a === '--no-tfjs-cpu') o.tfjsCpu = false;
    else if (a === '--no-pytorch') o.pytorch = false;
    else if (a === '--chapter') o.chapter = true;
    else if (a === '--dist') o.dist = value();
    else if (a === '--pack') o.pack = value();
    else if (a === '--native-dir') o.nativeDir = value();
    else if (a === '--models') {
      const names = value().split(',');
      for (const n of names) {
        if (!(BENCH_MODELS as readonly string[]).includes(n))
          throw new Error(`unknown model '${n}'; use ${BENCH_MODELS.join(', ')}`);
      }
      o.models = names as BenchModel[];
      modelsGiven = true;
    } else if (a === '--help' || a === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown argument '${a}'\n${USAGE}`);
  }
  if (o.quick) {
    if (!modelsGiven) o.models = ['lstm', 'gru'];
    o.browser = false;
    o.tfjsCpu = false;
    o.pytorch = false;
  }
  return o;
}

/**
 * Batches per engine: enough for a stable median, few enough for the slow peers. The blog's
 * models (500 steps, batch 128) take 10-50 times longer per batch than the book's.
 */
function batchPlan(quick: boolean, model: BenchModel) {
  const blog = model.startsWith('blog-');
  return {
    ours: { batches: blog ? 16 : quick ? 40 : 80, warmup: blog ? 2 : 5 },
    tfjsWasm: {
      batches: blog ? 4 : quick ? 8 : 16,
      warmup: blog ? 1 : 2,
      predictPasses: quick || blog ? 1 : 2,
    },
    // TF.js' CPU backend predicts about 100-150 reviews per second here: 1,000 of them.
    tfjsCpu: { batches: 5, warmup: 1, predictPasses: 1, predictCount: 1000 },
    pytorch: { batches: blog ? 8 : 20, warmup: 2 },
  };
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (options.chapter) {
    await benchChapter(options.dist);
    return;
  }
  const started = performance.now();
  const loadBefore = loadAverage();
  // Each model's reviews, cut for its settings (the book's and the blog's), loaded once.
  const dataByKey = new Map<string, BenchData>();
  const dataFor = async (model: BenchModel): Promise<BenchData> => {
    const s = settingsOf(model);
    const key = `${s.numWords}/${s.maxlen}/${s.batchSize}`;
    if (!dataByKey.has(key)) {
      const p = batchPlan(options.quick, model);
      const batches = Math.max(
        p.tfjsWasm.batches + p.tfjsWasm.warmup,
        p.tfjsCpu.batches + p.tfjsCpu.warmup,
        p.pytorch.batches + p.pytorch.warmup,
      );
      const d = loadBenchData(options.pack, batches, s);
      await checkSameData(d);
      dataByKey.set(key, d);
    }
    return dataByKey.get(key)!;
  };
  const data = await dataFor(options.models[0]);
  const torch = options.pytorch ? torchVersion() : null;
  if (options.pytorch && !torch)
    throw new Error(
      `PyTorch is missing: ${PYTHON} cannot import torch (run bash scripts/setup-bench.sh, or pass --no-pytorch)`,
    );

  const wasmSize = readFileSync(WASM_URL).length;
  const wasmGzip = gzipSync(readFileSync(WASM_URL)).length;
  console.log('RNN Playground benchmark');
  for (const line of machineDescription()) console.log(`  ${line}`);
  console.log(`  load average at start: ${loadBefore} (1, 5, 15 min)`);
  console.log(
    `  data: ${options.pack}: ${data.trainCount} train / ${data.validationCount} validation reviews; ` +
      'book models: batch 64, maxlen 100, num_words 500, RMSprop lr 1e-4; blog models: batch 128, maxlen 500, num_words 10,000, RMSprop lr 1e-3',
  );
  console.log(`  native build: ${nativeFlags(options.nativeDir)} (no -march=native)`);
  console.log(
    `  .wasm: ${wasmSize.toLocaleString('en-US')} bytes (${wasmGzip.toLocaleString('en-US')} gzip)`,
  );
  for (const kind of ['lstm', 'blog-lstm'] as const) {
    const plan = batchPlan(options.quick, kind);
    console.log(
      `  timed batches (${kind === 'lstm' ? 'book' : 'blog'} models): ours ${plan.ours.batches} (+${plan.ours.warmup} warm-up), TF.js WASM ${plan.tfjsWasm.batches} ` +
        `(+${plan.tfjsWasm.warmup}), TF.js CPU ${plan.tfjsCpu.batches} (+${plan.tfjsCpu.warmup}), PyTorch ${plan.pytorch.batches} (+${plan.pytorch.warmup}); median per batch`,
    );
  }
  if (torch)
    console.log(`  PyTorch ${torch} (Debian python3-torch, ${PYTHON}), CPU, torch.set_num_threads(1)`);
  console.log('');

  const rows: BenchRow[] = [];
  const notes: Record<string, string> = {};
  const cpuMs: Record<string, number | null> = {};
  const add = (
    model: BenchModel,
    engine: BenchEngine,
    r: {
      ms_per_batch: number;
      cpu_ms_per_batch: number | null;
      epoch_seconds: number;
      predictions_per_second: number;
    },
  ) => {
    rows.push({
      model,
      engine,
      ms_per_batch: r.ms_per_batch,
      epoch_seconds: r.epoch_seconds,
      predictions_per_second: r.predictions_per_second,
    });
    cpuMs[`${model}/${engine}`] = r.cpu_ms_per_batch;
    console.log(
      `  ${model.padEnd(9)} ${ENGINE_LABEL[engine].padEnd(30)} ${r.ms_per_batch.toFixed(2).padStart(9)} ms/batch  ` +
        `${Math.round(r.predictions_per_second).toString().padStart(7)} predictions/s`,
    );
  };

  let lstmHeap: number | null = null;
  let tfjsWasmInfo = '';
  for (const model of options.models) {
    const plan = batchPlan(options.quick, model);
    const data = await dataFor(model);
    const native = benchNative(model, plan.ours.batches, plan.ours.warmup, options.pack, options.nativeDir);
    add(model, 'native', native);
    const wasm = await benchWasmNode(model, data, plan.ours.batches, plan.ours.warmup);
    add(model, 'wasm', wasm);
    if (model === 'lstm') lstmHeap = wasm.heap_after_training_bytes;
    const mb = (bytes: number | null) => `${((bytes ?? 0) / 1e6).toFixed(0)} MB`;
    notes[`${model}/wasm`] =
      `heap ${mb(wasm.heap_after_training_bytes)} after training, ${mb(wasm.heap_bytes)} after predicting`;
    const tfWasm = await benchTfjs(
      'wasm',
      model,
      data,
      plan.tfjsWasm.batches,
      plan.tfjsWasm.warmup,
      plan.tfjsWasm.predictPasses,
    );
    tfjsWasmInfo ||= await backendInfo('wasm');
    add(model, 'tfjs-wasm', tfWasm);
    if (torch) {
      const t = benchPytorch(model, data, plan.pytorch.batches, plan.pytorch.warmup, options.nativeDir);
      add(model, 'pytorch', {
        ms_per_batch: t.ms_per_batch,
        cpu_ms_per_batch: null,
        epoch_seconds: NaN,
        predictions_per_second: NaN,
      });
      notes[`${model}/pytorch`] = `torch ${t.torch}, ${t.threads} thread; training only`;
    }
    // TF.js' CPU backend takes minutes per batch of the blog's models: the book's models only.
    if (options.tfjsCpu && !model.startsWith('blog-')) {
      const tfCpu = await benchTfjs(
        'cpu',
        model,
        data,
        plan.tfjsCpu.batches,
        plan.tfjsCpu.warmup,
        plan.tfjsCpu.predictPasses,
        plan.tfjsCpu.predictCount,
      );
      add(model, 'tfjs-cpu', tfCpu);
      notes[`${model}/tfjs-cpu`] =
        `predictions timed on ${plan.tfjsCpu.predictCount.toLocaleString('en-US')} reviews`;
    }
    if (model === 'gru') {
      notes['gru/tfjs-wasm'] = 'reset_after=false, sigmoid (TF.js cannot build reset_after=true)';
      if (options.tfjsCpu) notes['gru/tfjs-cpu'] = `${notes['gru/tfjs-wasm']}; ${notes['gru/tfjs-cpu']}`;
    }
  }

  let chromiumLstmEpoch: number | null = null;
  let chromiumNote = '';
  if (options.browser) {
    const runs = [];
    for (const m of options.models) runs.push({ model: m, data: await dataFor(m), fullEpoch: m === 'lstm' });
    const book = runs.filter((r) => !r.model.startsWith('blog-'));
    const blog = runs.filter((r) => r.model.startsWith('blog-'));
    const results = [];
    let userAgent = '';
    for (const group of [book, blog].filter((g) => g.length)) {
      const plan = batchPlan(options.quick, group[0].model);
      const r = await benchChromium(group, plan.ours.batches, plan.ours.warmup);
      results.push(...r.results);
      userAgent = r.userAgent;
    }
    chromiumNote = /HeadlessChrome\/[\d.]+/.exec(userAgent)?.[0] ?? userAgent;
    for (const r of results) {
      add(r.model, 'chromium-wasm', r);
      if (r.measured_epoch_seconds !== null) {
        notes[`${r.model}/chromium-wasm`] = `a real epoch measured: ${r.measured_epoch_seconds.toFixed(2)} s`;
        if (r.model === 'lstm') chromiumLstmEpoch = r.measured_epoch_seconds;
      } else if (r.model === 'lstm') {
        chromiumLstmEpoch = r.epoch_seconds;
      }
    }
  }

  const order: BenchEngine[] = ['wasm', 'chromium-wasm', 'native', 'pytorch', 'tfjs-wasm', 'tfjs-cpu'];
  rows.sort(
    (a, b) =>
      options.models.indexOf(a.model) - options.models.indexOf(b.model) ||
      order.indexOf(a.engine) - order.indexOf(b.engine),
  );
  console.log('');
  console.log(
    `Figures (epoch s = ${data.trainCount.toLocaleString('en-US')} / batch size × ms per batch + ` +
      `${data.validationCount.toLocaleString('en-US')} validation reviews / predictions per second; ` +
      `predictions: the first ${PREDICT_COUNT.toLocaleString('en-US')} validation reviews, 256 at a time)`,
  );
  console.log(formatTable(rows, notes, cpuMs));
  console.log('');
  console.log(
    'Ratios of the medians (how many times faster than ours; for "/ native": how many times slower than native)',
  );
  console.log(formatRatios(rows, options.models, cpuMs));
  console.log('');
  console.log('Notes:');
  console.log(
    `  - ${TFJS_GRU_NOTE}; TF.js LSTM also runs with sigmoid gates (Keras 3's default; TF.js defaults to hard_sigmoid).`,
  );
  console.log(
    `  - ${tfjsWasmInfo}. The Embedding gradient's UnsortedSegmentSum is missing from TF.js' WASM backend and`,
  );
  console.log(
    "    loops over all 500 ids on its CPU backend: both use one linear JS kernel, checked against TF.js' own.",
  );
  console.log(
    '  - our WASM predictions go through Session.predictIds: ids as an Int32Array in, outputs as JSON text out.',
  );
  if (chromiumNote) console.log(`  - Chromium: ${chromiumNote}, headless, our engine in a module worker.`);
  console.log(
    `  - load average at end: ${loadAverage()}; total run ${((performance.now() - started) / 1000).toFixed(0)} s.`,
  );
  console.log('');
  console.log('Targets (issue 7):');
  for (const line of formatTargets({
    rows,
    cpuMs,
    wasmBytes: wasmSize,
    lstmHeapBytes: lstmHeap,
    chromiumLstmEpochSeconds: chromiumLstmEpoch,
  })) {
    console.log(`  ${line}`);
  }
  console.log('Targets (issue 17; the whole chapter and the frame gap: npm run bench -- --chapter):');
  for (const line of formatTargets17(rows, chromiumLstmEpoch)) console.log(`  ${line}`);
  if (options.json) {
    writeFileSync(options.json, `${JSON.stringify(rows, null, 2)}\n`);
    console.log(`\nwrote ${rows.length} rows to ${options.json}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
