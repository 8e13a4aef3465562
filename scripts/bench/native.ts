// Our native build: the CLI's bench sub-command (cpp/cli/bench.cpp), which prints one JSON object.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PREDICT_COUNT, SEED, modelJson, settingsOf, type BenchModel, type TimingResult } from './setup';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The project's ordinary native build (scripts/build.sh: CMake Release in build/native). */
export const NATIVE_BUILD_DIR = join(ROOT, 'build/native');

export interface NativeResult extends TimingResult {
  build: { compiler: string; ndebug: boolean; optimized: boolean; simd: string[]; eigen_simd: string };
}

/** The flags CMake compiled the native build with (from its cache), e.g. "Release: -O3 -DNDEBUG". */
export function nativeFlags(buildDir = NATIVE_BUILD_DIR): string {
  const cache = join(buildDir, 'CMakeCache.txt');
  if (!existsSync(cache)) return `unknown (no ${cache})`;
  const text = readFileSync(cache, 'utf8');
  const value = (key: string) => new RegExp(`^${key}:[A-Z]+=(.*)$`, 'm').exec(text)?.[1]?.trim() ?? '';
  const type = value('CMAKE_BUILD_TYPE') || 'Release';
  const flags = [value('CMAKE_CXX_FLAGS'), value(`CMAKE_CXX_FLAGS_${type.toUpperCase()}`)]
    .filter(Boolean)
    .join(' ');
  return `${type}: -std=c++17 ${flags}`;
}

export function benchNative(
  model: BenchModel,
  batches: number,
  warmup: number,
  packPath: string,
  buildDir = NATIVE_BUILD_DIR,
): NativeResult {
  const cli = join(buildDir, 'rnn-playground');
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run npm run build`);
  const s = settingsOf(model);
  const dir = mkdtempSync(join(tmpdir(), 'rnn-bench-'));
  try {
    const modelPath = join(dir, `${model}.json`);
    writeFileSync(modelPath, modelJson(model));
    const out = execFileSync(
      cli,
      [
        'bench',
        modelPath,
        '--data',
        packPath,
        '--num-words',
        String(s.numWords),
        '--maxlen',
        String(s.maxlen),
        '--batch-size',
        String(s.batchSize),
        '--batches',
        String(batches),
        '--warmup',
        String(warmup),
        '--predict',
        String(PREDICT_COUNT),
        '--lr',
        String(s.learningRate),
        '--seed',
        String(SEED),
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    );
    return JSON.parse(out.trim().split('\n').pop()!) as NativeResult;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
