// The benchmark's printed report: the machine, the table of figures, the ratios between engines
// and the issue's targets, each with the figure measured in this run.
import { execSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import type { BenchEngine, BenchModel, BenchRow } from './setup';

export const ENGINE_LABEL: Record<BenchEngine, string> = {
  native: 'ours, native',
  wasm: 'ours, WASM (Node)',
  'chromium-wasm': 'ours, WASM (Chromium worker)',
  'tfjs-wasm': 'TF.js WASM',
  'tfjs-cpu': 'TF.js CPU',
  pytorch: 'PyTorch CPU, 1 thread',
};

function shell(command: string): string {
  try {
    return execSync(command, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

export function machineDescription(): string[] {
  const lscpu = shell('lscpu | head -n 20');
  const model = /Model name:\s*(.*)/.exec(lscpu)?.[1] ?? cpus()[0]?.model ?? 'unknown CPU';
  const nproc = shell('nproc') || String(cpus().length);
  const chromium =
    shell('/usr/bin/chromium --version 2>/dev/null | grep -i chromium').split('\n').pop() ?? '';
  return [
    `date: ${new Date().toISOString()}`,
    `machine: ${model}, nproc ${nproc}, ${shell('uname -sr')}`,
    `node ${process.version}${chromium ? `; ${chromium}` : ''}`,
  ];
}

export function loadAverage(): string {
  return loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
}

const fmt = (x: number | undefined, digits: number) =>
  x === undefined || !Number.isFinite(x)
    ? '-'
    : x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/**
 * One line per model and engine. `cpuMs` holds the median process CPU time per batch where it was
 * measured (not in Chromium): on a shared machine it shows what the wall-clock figure owes to
 * other processes.
 */
export function formatTable(
  rows: BenchRow[],
  notes: Partial<Record<string, string>>,
  cpuMs: Partial<Record<string, number | null>>,
): string {
  const header = ['model', 'engine', 'ms / batch', 'CPU ms / batch', 'epoch s', 'predictions / s', 'notes'];
  const numeric = (i: number) => i >= 2 && i <= 5;
  const body = rows.map((r) => [
    r.model,
    ENGINE_LABEL[r.engine],
    fmt(r.ms_per_batch, r.ms_per_batch < 10 ? 2 : 1),
    fmt(cpuMs[`${r.model}/${r.engine}`] ?? undefined, (cpuMs[`${r.model}/${r.engine}`] ?? 0) < 10 ? 2 : 1),
    fmt(r.epoch_seconds, r.epoch_seconds < 10 ? 2 : 1),
    fmt(r.predictions_per_second, 0),
    notes[`${r.model}/${r.engine}`] ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (numeric(i) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (numeric(i) ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(header), rule, ...body.map(line)].join('\n');
}

function find(rows: BenchRow[], model: BenchModel, engine: BenchEngine): BenchRow | undefined {
  return rows.find((r) => r.model === model && r.engine === engine);
}

/**
 * Per model: how many times faster our WASM trains and predicts than TF.js, and WASM vs native;
 * the same two training ratios on CPU time beside them.
 */
export function formatRatios(
  rows: BenchRow[],
  models: readonly BenchModel[],
  cpuMs: Partial<Record<string, number | null>>,
): string {
  const header = [
    'model',
    'train: TF.js WASM / ours WASM',
    '(CPU time)',
    'train: TF.js CPU / ours WASM',
    'train: WASM / native',
    '(CPU time)',
    'train: Chromium / native',
    'predict: ours WASM / TF.js WASM',
    'predict: native / WASM',
  ];
  const cpu = (m: BenchModel, e: BenchEngine) => cpuMs[`${m}/${e}`] ?? undefined;
  const ratio = (a?: number, b?: number, digits = 1) =>
    a !== undefined && b !== undefined && b > 0 ? `${fmt(a / b, digits)}×` : '-';
  const body = models
    .filter((m) => rows.some((r) => r.model === m))
    .map((m) => {
      const wasm = find(rows, m, 'wasm');
      const native = find(rows, m, 'native');
      return [
        m,
        ratio(find(rows, m, 'tfjs-wasm')?.ms_per_batch, wasm?.ms_per_batch),
        ratio(cpu(m, 'tfjs-wasm'), cpu(m, 'wasm')),
        ratio(find(rows, m, 'tfjs-cpu')?.ms_per_batch, wasm?.ms_per_batch),
        ratio(wasm?.ms_per_batch, native?.ms_per_batch, 2),
        ratio(cpu(m, 'wasm'), cpu(m, 'native'), 2),
        ratio(find(rows, m, 'chromium-wasm')?.ms_per_batch, native?.ms_per_batch, 2),
        ratio(wasm?.predictions_per_second, find(rows, m, 'tfjs-wasm')?.predictions_per_second),
        ratio(native?.predictions_per_second, wasm?.predictions_per_second, 2),
      ];
    });
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(header), rule, ...body.map(line)].join('\n');
}

export interface TargetInputs {
  rows: BenchRow[];
  cpuMs: Partial<Record<string, number | null>>;
  wasmBytes: number;
  lstmHeapBytes: number | null;
  chromiumLstmEpochSeconds: number | null;
}

/** The issue's targets with this run's figure; "-" when the run did not measure it. */
export function formatTargets(t: TargetInputs): string[] {
  const out: string[] = [];
  const mark = (ok: boolean | null) => (ok === null ? 'not measured' : ok ? 'met' : 'NOT met');
  for (const m of ['lstm', 'gru'] as const) {
    const wasm = find(t.rows, m, 'wasm');
    const tf = find(t.rows, m, 'tfjs-wasm');
    const native = find(t.rows, m, 'native');
    const cpu = (e: BenchEngine) => t.cpuMs[`${m}/${e}`] ?? null;
    const cpuRatio = (a: number | null, b: number | null, digits: number) =>
      a !== null && b !== null && b > 0 ? `; on CPU time ${(a / b).toFixed(digits)}x` : '';
    const speedup = wasm && tf ? tf.ms_per_batch / wasm.ms_per_batch : null;
    out.push(
      `${m}: ours WASM >= 50x faster per batch than TF.js WASM: ${speedup === null ? '-' : `${speedup.toFixed(1)}x`} ` +
        `(${mark(speedup === null ? null : speedup >= 50)}${cpuRatio(cpu('tfjs-wasm'), cpu('wasm'), 1)})`,
    );
    const slow = wasm && native ? wasm.ms_per_batch / native.ms_per_batch : null;
    out.push(
      `${m}: ours WASM within 1.6x of native: ${slow === null ? '-' : `${slow.toFixed(2)}x`} ` +
        `(${mark(slow === null ? null : slow <= 1.6)}${cpuRatio(cpu('wasm'), cpu('native'), 2)})`,
    );
  }
  const epoch = t.chromiumLstmEpochSeconds;
  out.push(
    `lstm: one epoch (20,000 + 5,000 validation) in Chromium under 1.5 s: ${epoch === null ? '-' : `${epoch.toFixed(2)} s`} (${mark(epoch === null ? null : epoch < 1.5)})`,
  );
  const pps = find(t.rows, 'lstm', 'wasm')?.predictions_per_second ?? null;
  out.push(
    `lstm: WASM predictions >= 50,000 / s: ${pps === null ? '-' : Math.round(pps).toLocaleString('en-US')} (${mark(pps === null ? null : pps >= 50000)})`,
  );
  // Both size bars read in the stricter decimal units: 300 KB = 300,000 bytes, 64 MB = 64,000,000 bytes.
  out.push(
    `.wasm under 300 KB (300,000 bytes): ${t.wasmBytes.toLocaleString('en-US')} bytes (${mark(t.wasmBytes < 300_000)})`,
  );
  const heap = t.lstmHeapBytes;
  out.push(
    `WASM memory under 64 MB (64,000,000 bytes) after training the LSTM on the book pack: ${heap === null ? '-' : `${(heap / 1e6).toFixed(1)} MB`} (${mark(heap === null ? null : heap < 64e6)})`,
  );
  return out;
}

/**
 * Issue 17's per-batch targets, each judged on the Chromium worker and on Node: the book's LSTM
 * epoch in Chromium under 0.6 s and Chromium within 1.5x of native; the blog's LSTM(32) and
 * SimpleRNN(32) at least 3x faster than PyTorch on one thread and 8x faster than TF.js WASM.
 */
export function formatTargets17(rows: BenchRow[], chromiumLstmEpochSeconds: number | null): string[] {
  const out: string[] = [];
  const mark = (ok: boolean | null) => (ok === null ? 'not measured' : ok ? 'met' : 'NOT met');
  const ratio = (a?: BenchRow, b?: BenchRow) =>
    a && b && b.ms_per_batch > 0 ? a.ms_per_batch / b.ms_per_batch : null;
  const show = (x: number | null, digits: number) => (x === null ? '-' : `${x.toFixed(digits)}x`);
  const e = chromiumLstmEpochSeconds;
  out.push(
    `lstm: one epoch (20,000 + 5,000 validation) in Chromium under 0.6 s: ${e === null ? '-' : `${e.toFixed(2)} s`} (${mark(e === null ? null : e < 0.6)})`,
  );
  const slow = ratio(find(rows, 'lstm', 'chromium-wasm'), find(rows, 'lstm', 'native'));
  out.push(
    `lstm: Chromium within 1.5x of native per batch: ${show(slow, 2)} (${mark(slow === null ? null : slow <= 1.5)})`,
  );
  for (const m of ['blog-lstm', 'blog-simplernn'] as const) {
    for (const engine of ['chromium-wasm', 'wasm'] as const) {
      const ours = find(rows, m, engine);
      const torch = ratio(find(rows, m, 'pytorch'), ours);
      const tf = ratio(find(rows, m, 'tfjs-wasm'), ours);
      out.push(
        `${m}: ${ENGINE_LABEL[engine]} >= 3x faster per batch than PyTorch (1 thread): ${show(torch, 1)} (${mark(torch === null ? null : torch >= 3)}); ` +
          `>= 8x faster than TF.js WASM: ${show(tf, 1)} (${mark(tf === null ? null : tf >= 8)})`,
      );
    }
  }
  return out;
}
