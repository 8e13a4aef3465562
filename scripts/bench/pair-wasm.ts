// Paired comparison of two builds of the WebAssembly engine (docs/benchmarks.md): the same
// training batches of a chapter model (the book's LSTM and GRU unless --models names others:
// PAIR_MODELS in setup.ts) with module A and module B in turn, A B A B ...,
// so that a machine whose speed drifts (shared cores) moves both alike; prints each round's
// ms per batch (wall and process CPU time) and last training loss (the same loss: the same
// arithmetic), the medians and the median of the per-round ratios A/B.
//   npx tsx scripts/bench/pair-wasm.ts DIR_A DIR_B [--rounds N] [--models lstm,gru,lstm-dropout,...]
// DIR_A and DIR_B each hold an rnn_engine.mjs and its rnn_engine.wasm (a copy of web/src/wasm).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { benchEngine } from './engine-bench.mjs';
import { PAIR_MODELS, loadBenchData, median, modelJson, settingsOf, type PairModel } from './setup';
import { engineSettings } from './wasm-node';

const USAGE = `usage: npx tsx scripts/bench/pair-wasm.ts DIR_A DIR_B [--rounds N] [--models ${PAIR_MODELS.join(',')}]`;

async function timeBuild(
  dir: string,
  model: PairModel,
  packPath: string,
): Promise<{ ms: number; cpuMs: number; loss: number | null }> {
  const glue = await import(pathToFileURL(resolve(dir, 'rnn_engine.mjs')).href);
  const module = await glue.default({ wasmBinary: readFileSync(resolve(dir, 'rnn_engine.wasm')) });
  const batches = 40;
  const data = loadBenchData(packPath, batches + 5, settingsOf(model));
  const result = await benchEngine(module, data.packBytes, {
    modelJson: modelJson(model),
    settings: engineSettings(data.settings),
    batches,
    warmup: 5,
    predictSequences: data.validation.slice(0, 64),
    fullEpoch: false,
  });
  return { ms: result.ms_per_batch, cpuMs: result.cpu_ms_per_batch ?? Number.NaN, loss: result.loss };
}

async function main() {
  const args = process.argv.slice(2);
  const dirs = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
  const option = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  if (dirs.length !== 2) throw new Error(USAGE);
  const rounds = Number(option('--rounds') ?? 5);
  const models = (option('--models') ?? 'lstm,gru').split(',') as PairModel[];
  for (const m of models)
    if (!(PAIR_MODELS as readonly string[]).includes(m))
      throw new Error(`unknown model '${m}'; use ${PAIR_MODELS.join(', ')}`);
  const pack = new URL('../../build/data/imdb-book.pack', import.meta.url).pathname;
  for (const model of models) {
    const a: number[] = [];
    const b: number[] = [];
    const ratios: number[] = [];
    const cpuRatios: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const ra = await timeBuild(dirs[0], model, pack);
      const rb = await timeBuild(dirs[1], model, pack);
      a.push(ra.ms);
      b.push(rb.ms);
      ratios.push(ra.ms / rb.ms);
      cpuRatios.push(ra.cpuMs / rb.cpuMs);
      console.log(
        `${model} round ${r + 1}: A ${ra.ms.toFixed(3)}  B ${rb.ms.toFixed(3)} ms/batch ` +
          `(CPU ${ra.cpuMs.toFixed(3)}, ${rb.cpuMs.toFixed(3)}); last loss A ${ra.loss} B ${rb.loss}`,
      );
    }
    const spread = (v: number[]) => `min ${Math.min(...v).toFixed(3)}, max ${Math.max(...v).toFixed(3)}`;
    // CPU time (process.cpuUsage) leaves out the time the process waited for a core: on a shared
    // machine its ratio is the steadier one.
    console.log(
      `${model}: median A ${median(a).toFixed(3)}, B ${median(b).toFixed(3)} ms/batch; ` +
        `median ratio A/B ${median(ratios).toFixed(3)} (${spread(ratios)}); ` +
        `CPU time ${median(cpuRatios).toFixed(3)} (${spread(cpuRatios)})`,
    );
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
