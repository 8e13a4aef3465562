// Download TF.js model: model.json written by the page's formats module (a second, on-demand
// WebAssembly module) is byte for byte what the CLI writes; weights.bin is the engine's weights;
// the downloaded files, reopened by the CLI (an independent reader of the files: the native build
// reads them from disk) predict what the engine predicted, for every trainable preset trained one
// epoch on the quick pack.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { unwrapReply } from '../../web/src/engine/engine-api';
import { tfjsZip } from '../../web/src/export/notebook-files';
import { presets } from '../../web/src/presets/presets';
import { loadEngine, loadFormats } from './helpers/wasm';

const cli = new URL('../../build/native/rnn-playground', import.meta.url).pathname;
const quickPack = new Uint8Array(readFileSync(new URL('../../build/data/imdb-quick.pack', import.meta.url)));
const dir = mkdtempSync(join(tmpdir(), 'rnn-tfjs-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('Download TF.js model', () => {
  it('the formats module refuses a bad model with a message', async () => {
    const formats = await loadFormats();
    expect(() => unwrapReply(formats.tfjsModelJson('{"class_name": "Sequential"'))).toThrowError(/JSON/i);
    expect(() =>
      unwrapReply(
        formats.tfjsModelJson(
          JSON.stringify({
            class_name: 'Sequential',
            config: { layers: [{ class_name: 'Conv1D', config: {} }] },
          }),
        ),
      ),
    ).toThrowError(/Conv1D/);
  });

  for (const preset of presets.filter((p) => !p.summary_only)) {
    it(`${preset.id}: model.json as the CLI writes it; the CLI reopens the zip and predicts as the engine`, async () => {
      const model = JSON.stringify(preset.model);
      const modelFile = join(dir, `${preset.id}.json`);
      writeFileSync(modelFile, model);
      const cliDir = join(dir, `cli-${preset.id}`);
      execFileSync(cli, ['init', modelFile, '--seed', '3', '--out', cliDir]);
      const formats = await loadFormats();
      const { model_json: modelJson } = unwrapReply<{ model_json: string }>(formats.tfjsModelJson(model));
      expect(modelJson).toBe(readFileSync(join(cliDir, 'model.json'), 'utf8').trimEnd());

      const m = await loadEngine();
      const s = new m.Session();
      try {
        unwrapReply(s.loadPack(quickPack));
        unwrapReply(
          s.startTraining(
            model,
            JSON.stringify({
              optimizer: 'rmsprop',
              learning_rate: 0.01,
              batch_size: 500,
              epochs: 1,
              seed: 5,
              num_words: preset.data.num_words,
              maxlen: preset.data.maxlen,
            }),
          ),
        );
        while (!unwrapReply<{ finished: boolean }>(s.runSlice(16)).finished) {
          /* next slice */
        }
        const files = unzipSync(tfjsZip(modelJson, s.stateView(0)!.slice()));
        const out = join(dir, `zip-${preset.id}`);
        mkdirSync(out);
        for (const [name, bytes] of Object.entries(files)) writeFileSync(join(out, name), bytes);
        const sequences = [0, 1, 2].map((k) =>
          Array.from({ length: preset.data.maxlen }, (_, t) => (t * (7 + k) + k) % preset.data.num_words),
        );
        writeFileSync(join(out, 'input.json'), JSON.stringify({ sequences }));
        const fromCli = JSON.parse(
          execFileSync(cli, ['predict', out, '--input', join(out, 'input.json')], { encoding: 'utf8' }),
        ) as number[][];
        const fromEngine = unwrapReply<number[][]>(s.predict(JSON.stringify(sequences)));
        expect(fromCli.length).toBe(3);
        fromCli.forEach((row, i) =>
          row.forEach((v, j) => expect(Math.abs(v - fromEngine[i][j])).toBeLessThan(1e-6)),
        );
      } finally {
        s.delete();
      }
    });
  }
});
