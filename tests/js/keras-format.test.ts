// The formats module's Keras functions (cpp/bindings/formats, docs/formats.md) as the page calls
// them: kerasSave describes the same file the CLI writes (config.json byte for byte, the datasets
// at the offsets of the engine's flat weights), kerasOpen / h5ModelOpen send coded errors the page
// translates, and tfjsOpen hands back the CLI's weights.bin bit for bit.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { EngineError, unwrapReply } from '../../web/src/engine/engine-api';
import { presets } from '../../web/src/presets/presets';
import { loadFormats } from './helpers/wasm';

const cli = new URL('../../build/native/rnn-playground', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'rnn-keras-format-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Dataset {
  path: string;
  shape: number[];
  offset: number;
}
interface Archive {
  metadata_json: string;
  config_json: string;
  members: string[];
  groups: string[];
  datasets: Dataset[];
}
interface Opened {
  model_json: string;
  weights: Dataset[];
  notes: { code: number; params: string[]; text: string }[];
}

const lstm = presets.find((p) => p.id === 'lstm')!;
const listingOf = (datasets: Dataset[], dtype = 'float32') =>
  JSON.stringify({ datasets: datasets.map(({ path, shape }) => ({ path, shape, dtype })), attrs: {} });

function codeOf(call: () => unknown): string | undefined {
  try {
    call();
  } catch (e) {
    if (e instanceof EngineError) return e.code;
    throw e;
  }
  return undefined;
}

describe('Keras files through the formats module', () => {
  it('kerasSave describes the .keras file the CLI writes', async () => {
    const formats = await loadFormats();
    const modelFile = join(dir, 'lstm.json');
    writeFileSync(modelFile, JSON.stringify(lstm.model));
    execFileSync(cli, ['init', modelFile, '--out', join(dir, 'lstm.keras')]);
    const zip = unzipSync(new Uint8Array(readFileSync(join(dir, 'lstm.keras'))));
    const archive = unwrapReply<Archive>(formats.kerasSave(JSON.stringify(lstm.model), '{}'));
    expect(archive.members).toEqual(['metadata.json', 'config.json', 'model.weights.h5']);
    expect(Object.keys(zip)).toEqual(archive.members);
    expect(archive.config_json).toBe(new TextDecoder().decode(zip['config.json']));
    // Embedding 500x16, then the LSTM's kernel (16, 32) at 8,000 ... the Dense bias last, at 8,808.
    expect(archive.datasets.map((d) => [d.path, d.offset])).toEqual([
      ['layers/embedding/vars/0', 0],
      ['layers/lstm/cell/vars/0', 8000],
      ['layers/lstm/cell/vars/1', 8512],
      ['layers/lstm/cell/vars/2', 8768],
      ['layers/dense/vars/0', 8800],
      ['layers/dense/vars/1', 8808],
    ]);
    const opened = unwrapReply<Opened>(formats.kerasOpen(archive.config_json, listingOf(archive.datasets)));
    expect(opened.weights.map((w) => w.offset)).toEqual(archive.datasets.map((d) => d.offset));
    expect(opened.notes).toEqual([]);
  });

  it('kerasOpen and h5ModelOpen refuse bad files with codes the page translates', async () => {
    const formats = await loadFormats();
    const archive = unwrapReply<Archive>(formats.kerasSave(JSON.stringify(lstm.model), '{}'));
    expect(
      codeOf(() =>
        unwrapReply(formats.kerasOpen(archive.config_json, listingOf(archive.datasets, 'float64'))),
      ),
    ).toBe('weights_dtype');
    expect(
      codeOf(() => unwrapReply(formats.kerasOpen(archive.config_json, listingOf(archive.datasets.slice(1))))),
    ).toBe('weights_missing');
    expect(
      codeOf(() => unwrapReply(formats.kerasOpen('{"class_name": "Functional", "module": "keras"}', '{}'))),
    ).toBe('keras_not_sequential');
    expect(codeOf(() => unwrapReply(formats.h5ModelOpen(listingOf(archive.datasets))))).toBe(
      'h5_no_model_config',
    );
    expect(
      codeOf(() => unwrapReply(formats.kerasSave(JSON.stringify(lstm.model), '{"optimizer": "adagrad"}'))),
    ).toBe('save_optimizer');
  });

  it('tfjsOpen hands back the weights of a TF.js folder bit for bit, and refuses a truncated one', async () => {
    const formats = await loadFormats();
    const gru = presets.find((p) => p.id === 'gru')!;
    const modelFile = join(dir, 'gru.json');
    writeFileSync(modelFile, JSON.stringify(gru.model));
    execFileSync(cli, ['init', modelFile, '--seed', '4', '--out', join(dir, 'gru')]);
    const modelJson = readFileSync(join(dir, 'gru', 'model.json'), 'utf8');
    const weights = new Uint8Array(readFileSync(join(dir, 'gru', 'weights.bin')));
    const opened = unwrapReply<{ model_json: string; weights_b64: string }>(
      formats.tfjsOpen(modelJson, weights),
    );
    expect(new Uint8Array(Buffer.from(opened.weights_b64, 'base64'))).toEqual(weights);
    expect(() => unwrapReply(formats.tfjsOpen(modelJson, weights.subarray(0, 100)))).toThrowError(
      /truncated/,
    );
  });
});
