// Measures the Long memory experiment natively (docs/long-memory.md): the page's data set
// (web/src/data/long-memory.ts) and the three presets' models, trained by the CLI for each seed
// with one optimizer recipe; prints one JSON line per run and a summary per cell.
//   npx tsx scripts/measure-long-memory.ts [--optimizer adam] [--lr 0.003] [--clipnorm 1]
//     [--batch 32] [--epochs 40] [--seeds 1,2,...] [--cli build/native/rnn-playground]
// Needs the native build (bash scripts/build.sh, or cmake --build build/native --target rnn-playground).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { longMemoryPack } from '../web/src/data/long-memory';
import { presetById } from '../web/src/presets/presets';

const args = new Map<string, string>();
for (let i = 2; i + 1 < process.argv.length; i += 2)
  args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1]);
const opt = args.get('optimizer') ?? 'adam';
const lr = args.get('lr') ?? '0.003';
const clipnorm = Number(args.get('clipnorm') ?? '1');
const batch = args.get('batch') ?? '32';
const epochs = args.get('epochs') ?? '40';
const seeds = (args.get('seeds') ?? '1,2,3,4,5,6,7,8,9,10,11,12,42').split(',').map(Number);
const cli = args.get('cli') ?? 'build/native/rnn-playground';

const dir = mkdtempSync(join(tmpdir(), 'long-memory-'));
const pack = join(dir, 'long-memory.pack');
writeFileSync(pack, longMemoryPack());

interface Line {
  epoch?: number;
  val_accuracy?: number | null;
  test_accuracy?: number | null;
  seconds?: number;
}
for (const cell of ['simplernn', 'lstm', 'gru']) {
  const model = join(dir, `${cell}.json`);
  writeFileSync(model, JSON.stringify(presetById(`long-memory-${cell}`)!.model));
  const tests: number[] = [];
  for (const seed of seeds) {
    const out = execFileSync(
      cli,
      [
        'train',
        model,
        '--data',
        pack,
        '--epochs',
        epochs,
        '--batch-size',
        batch,
        '--optimizer',
        opt,
        '--lr',
        lr,
        '--seed',
        String(seed),
        ...(clipnorm > 0 ? ['--clipnorm', String(clipnorm)] : []),
      ],
      { encoding: 'utf8' },
    );
    const lines = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Line);
    const logs = lines.filter((l) => l.epoch !== undefined);
    const first90 = logs.find((l) => (l.val_accuracy ?? 0) >= 0.9)?.epoch ?? null;
    const test = lines[lines.length - 1].test_accuracy ?? 0;
    tests.push(test);
    const seconds = logs.reduce((a, l) => a + (l.seconds ?? 0), 0);
    console.log(
      JSON.stringify({
        cell,
        seed,
        test_accuracy: test,
        first_epoch_val_090: first90,
        seconds: Number(seconds.toFixed(2)),
      }),
    );
  }
  console.log(
    `${cell}: test accuracy >= 0.9 for ${tests.filter((t) => t >= 0.9).length} of ${tests.length} seeds (${tests.map((t) => t.toFixed(3)).join(' ')})`,
  );
}
