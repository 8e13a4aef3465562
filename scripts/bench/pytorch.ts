// PyTorch on the CPU, one thread (torch_bench.py under Debian's /usr/bin/python3 with
// python3-torch): the same model, the same initial weights (our CLI's `init` with the benchmark's
// seed, read back by the script), the same first training reviews batch after batch as TF.js, the
// same batch size and RMSprop rate.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NATIVE_BUILD_DIR } from './native';
import { SEED, modelJson, type BenchData, type BenchModel } from './setup';

export const PYTHON = '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('./torch_bench.py', import.meta.url));

export interface PytorchResult {
  ms_per_batch: number;
  ms_per_batch_mean: number;
  torch: string;
  threads: number;
  first_loss: number;
  last_loss: number;
}

/** "1.13.0a0", or null when Debian's python3-torch is missing (scripts/setup-bench.sh installs it). */
export function torchVersion(): string | null {
  if (!existsSync(PYTHON)) return null;
  try {
    return execFileSync(PYTHON, ['-c', 'import torch; print(torch.__version__)'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return null;
  }
}

export function benchPytorch(
  model: BenchModel,
  data: BenchData,
  batches: number,
  warmup: number,
  buildDir = NATIVE_BUILD_DIR,
): PytorchResult {
  const dir = mkdtempSync(join(tmpdir(), 'rnn-bench-torch-'));
  try {
    const modelPath = join(dir, 'model.json');
    writeFileSync(modelPath, modelJson(model));
    execFileSync(
      join(buildDir, 'rnn-playground'),
      ['init', modelPath, '--seed', String(SEED), '--out', join(dir, 'init')],
      { stdio: 'ignore' },
    );
    const need = (warmup + batches) * data.settings.batchSize;
    if (data.train.x.length < need)
      throw new Error(`PyTorch needs ${need} training reviews; ${data.train.x.length} loaded`);
    writeFileSync(
      join(dir, 'data.json'),
      JSON.stringify({
        x: data.train.x.slice(0, need),
        y: data.train.y.slice(0, need),
        batch_size: data.settings.batchSize,
      }),
    );
    const out = execFileSync(
      PYTHON,
      [
        SCRIPT,
        join(dir, 'init'),
        join(dir, 'data.json'),
        '--batches',
        String(batches),
        '--warmup',
        String(warmup),
        '--lr',
        String(data.settings.learningRate),
      ],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
        env: { ...process.env, OMP_NUM_THREADS: '1' },
      },
    );
    return JSON.parse(out.trim().split('\n').pop()!) as PytorchResult;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
