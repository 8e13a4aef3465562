// Opening model files (web/src/files/open-model.ts) and writing .keras archives (keras-file.ts),
// with HDF5 through h5wasm's Node build. The formats module's part (which datasets a config needs)
// is stood in for here by the datasets the archive was written with, so these tests hold the
// page's own plumbing: routing by file kind, the size limit before reading, the zip and HDF5
// checks, gathering float32 weights (missing, dtype, shape, non-finite), TF.js model.json +
// weights.bin; and the archive layout as Python's zipfile and h5py read it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as h5wasm from 'h5wasm/node';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileProblem, MAX_UPLOAD_BYTES } from '../../web/src/files/file-problem';
import type { KerasArchive } from '../../web/src/files/formats-api';
import { walkH5, writeH5, type H5Api } from '../../web/src/files/h5-core';
import { archiveDatasets, kerasFile, kerasFileName, kerasZip } from '../../web/src/files/keras-file';
import { openModelFiles, type OpenDeps, type PickedFile } from '../../web/src/files/open-model';
import { tfjsOpened, type TfjsOpenValue } from '../../web/src/files/tfjs-opened';
import { unwrapReply } from '../../web/src/engine/engine-api';
import { presetById } from '../../web/src/presets/presets';
import { loadFormats } from './helpers/wasm';
import { tfjsZip } from '../../web/src/export/notebook-files';

const dir = mkdtempSync(join(tmpdir(), 'rnn-open-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let api: H5Api;
let scratch = 0;
beforeAll(async () => {
  const m = await h5wasm.ready;
  api = { File: h5wasm.File, FS: m.FS as unknown as H5Api['FS'] };
});

const MODEL = { class_name: 'Sequential', config: { name: 'my model', layers: [] } };
/** Embedding(4, 2) → Dense(1): 8 + 2 + 1 weights, at Keras 3's paths. */
function archive(weights = Float32Array.from({ length: 11 }, (_, i) => i / 10)): KerasArchive {
  return {
    metadata_json: '{"keras_version": "3.4.1"}',
    config_json: JSON.stringify(MODEL),
    groups: ['vars', 'layers/dropout/vars', 'optimizer/vars'],
    datasets: [
      { path: 'layers/embedding/vars/0', shape: [4, 2], offset: 0 },
      { path: 'layers/dense/vars/0', shape: [2, 1], offset: 8 },
      { path: 'layers/dense/vars/1', shape: [1], offset: 10 },
    ],
    weights,
  };
}
const writer = async (d: Parameters<typeof writeH5>[2], g: string[]) =>
  writeH5(api, join(dir, `w${++scratch}.h5`), d, g);
/** The formats module's answer for archive(), whatever the listing (the engine tests hold the real one). */
const deps = (needed = archive().datasets): OpenDeps => ({
  describe: async () => ({
    model_json: JSON.stringify(MODEL),
    weights: needed,
    notes: [{ code: 1, params: [], text: 'n' }],
  }),
  walkH5: async (bytes) => walkH5(api, join(dir, `r${++scratch}.h5`), bytes),
  // The formats module's TF.js loader itself, as the engine worker calls it.
  openTfjs: async ({ modelJson, weightsBin }) =>
    tfjsOpened(unwrapReply<TfjsOpenValue>((await loadFormats()).tfjsOpen(modelJson, weightsBin))),
});
const picked = (name: string, bytes: Uint8Array): PickedFile => ({
  name,
  size: bytes.length,
  arrayBuffer: async () => bytes.slice().buffer,
});

async function problem(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (e) {
    if (e instanceof FileProblem) return e.problem;
    throw e;
  }
  return 'none';
}

describe('a .keras archive', () => {
  it('holds metadata.json, config.json and model.weights.h5, stored, in that order (Python zipfile and h5py read it)', async () => {
    const bytes = await kerasFile(archive(), writer);
    writeFileSync(join(dir, 'm.keras'), bytes);
    const out = JSON.parse(
      execFileSync(
        '/usr/bin/python3',
        [
          '-c',
          `
import zipfile, h5py, io, json
z = zipfile.ZipFile('m.keras')
f = h5py.File(io.BytesIO(z.read('model.weights.h5')), 'r')
print(json.dumps({'names': z.namelist(), 'stored': [i.compress_type == zipfile.ZIP_STORED for i in z.infolist()],
  'dense': f['layers/dense/vars/0'][()].ravel().tolist(), 'dtype': str(f['layers/dense/vars/0'].dtype), 'groups': sorted(f.keys())}))
`,
        ],
        { cwd: dir, encoding: 'utf8' },
      ),
    );
    expect(out.names).toEqual(['metadata.json', 'config.json', 'model.weights.h5']);
    expect(out.stored).toEqual([true, true, true]);
    expect(out.dense.map((v: number) => Math.fround(v))).toEqual([Math.fround(0.8), Math.fround(0.9)]);
    expect(out.dtype).toBe('float32');
    expect(out.groups).toEqual(['layers', 'optimizer', 'vars']);
    expect(kerasFileName(JSON.stringify(MODEL))).toBe('my_model.keras');
  });

  it('opens again with the same weights, bit for bit', async () => {
    const w = Float32Array.from({ length: 11 }, () => Math.random() - 0.5);
    const opened = await openModelFiles([picked('m.keras', await kerasFile(archive(w), writer))], deps());
    expect(opened.format).toBe('keras');
    expect(opened.weights).toEqual(w);
    expect(opened.notes.map((n) => n.text)).toEqual(['n']);
  });

  it('refuses a missing dataset, a wrong shape, float64 values and a non-finite weight, naming the dataset', async () => {
    const keras = await kerasFile(archive(), writer);
    const more = [...archive().datasets, { path: 'layers/lstm/cell/vars/0', shape: [1], offset: 11 }];
    expect(await problem(openModelFiles([picked('m.keras', keras)], deps(more)))).toBe('h5Missing');
    // Same count, other shape: (4, 2) is not (2, 4).
    const turned = archive().datasets.map((d, i) => (i === 0 ? { ...d, shape: [2, 4] } : d));
    expect(await problem(openModelFiles([picked('m.keras', keras)], deps(turned)))).toBe('h5Shape');
    const short = archive().datasets.map((d, i) => (i === 1 ? { ...d, shape: [3, 1] } : d));
    expect(await problem(openModelFiles([picked('m.keras', keras)], deps(short)))).toBe('h5Shape');
    const nan = archive(Float32Array.from({ length: 11 }, (_, i) => (i === 9 ? NaN : 0)));
    expect(await problem(openModelFiles([picked('m.keras', await kerasFile(nan, writer))], deps()))).toBe(
      'nonFinite',
    );
    // float64 datasets, written by h5py as a Keras file in float64 would be.
    writeFileSync(
      join(dir, 'f64.py'),
      `
import h5py, numpy as np, zipfile
with h5py.File('w64.h5', 'w') as f:
    f['layers/embedding/vars/0'] = np.zeros((4, 2)); f['layers/dense/vars/0'] = np.zeros((2, 1)); f['layers/dense/vars/1'] = np.zeros((1,))
with zipfile.ZipFile('f64.keras', 'w') as z:
    z.writestr('metadata.json', '{}'); z.writestr('config.json', '{}'); z.write('w64.h5', 'model.weights.h5')
`,
    );
    execFileSync('/usr/bin/python3', ['f64.py'], { cwd: dir });
    const f64 = new Uint8Array(readFileSync(join(dir, 'f64.keras')));
    expect(await problem(openModelFiles([picked('f64.keras', f64)], deps()))).toBe('h5Dtype');
  });

  it('refuses a .keras whose model.weights.h5 is not HDF5 or is cut short, before h5wasm sees it', async () => {
    const walkNever: OpenDeps = {
      ...deps(),
      walkH5: async () => {
        throw new Error('h5wasm was reached');
      },
    };
    const text = (s: string) => new TextEncoder().encode(s);
    const notH5 = kerasZip(archive(), text('not an HDF5 file at all, just text'));
    expect(await problem(openModelFiles([picked('m.keras', notH5)], walkNever))).toBe('h5NotHdf5');
    const h5 = await writer(archiveDatasets(archive()), []);
    const cut = kerasZip(archive(), h5.slice(0, h5.length - 100));
    expect(await problem(openModelFiles([picked('m.keras', cut)], walkNever))).toBe('h5Truncated');
    const badMeta = kerasZip({ ...archive(), metadata_json: '{"keras_version": ' }, h5);
    expect(await problem(openModelFiles([picked('m.keras', badMeta)], walkNever))).toBe('badJson');
  });
});

describe('routing the picked files', () => {
  it('refuses a file over the limit by its size, without reading it', async () => {
    const huge: PickedFile = {
      name: 'big.keras',
      size: 200 * 1024 * 1024,
      arrayBuffer: async () => {
        throw new Error('read');
      },
    };
    expect(200 * 1024 * 1024).toBeGreaterThan(MAX_UPLOAD_BYTES);
    expect(await problem(openModelFiles([huge], deps()))).toBe('tooLarge');
  });

  it('names unknown kinds, empty files, a lone model.json and mixed selections', async () => {
    const b = new Uint8Array([1, 2, 3]);
    expect(await problem(openModelFiles([picked('notes.txt', b)], deps()))).toBe('unknownType');
    expect(await problem(openModelFiles([picked('m.keras', new Uint8Array(0))], deps()))).toBe('empty');
    expect(await problem(openModelFiles([picked('model.json', b)], deps()))).toBe('tfjsNoWeights');
    expect(await problem(openModelFiles([picked('a.keras', b), picked('b.h5', b)], deps()))).toBe(
      'mixedSelection',
    );
  });

  it('opens TF.js model.json + weights.bin (one file or shards) and our TF.js zip, through the formats module', async () => {
    const formats = await loadFormats();
    const lstm = JSON.stringify(presetById('lstm')!.model);
    const { model_json: modelJson } = unwrapReply<{ model_json: string }>(formats.tfjsModelJson(lstm));
    const w = Float32Array.from({ length: 8809 }, (_, i) => Math.sin(i) / 4);
    const bin = new Uint8Array(w.buffer);
    const text = new TextEncoder().encode(modelJson);
    const loose = await openModelFiles([picked('model.json', text), picked('weights.bin', bin)], deps());
    expect(loose.weights).toEqual(w);
    expect(JSON.parse(loose.modelJson).class_name).toBe('Sequential');
    expect((await openModelFiles([picked('lstm-tfjs.zip', tfjsZip(modelJson, w))], deps())).weights).toEqual(
      w,
    );
    // tfjs-converter's shards: the manifest names two files, read one after the other.
    const doc = JSON.parse(modelJson);
    doc.weightsManifest[0].paths = ['group1-shard1of2.bin', 'group1-shard2of2.bin'];
    const sharded = new TextEncoder().encode(JSON.stringify(doc));
    const shards = [
      picked('group1-shard2of2.bin', bin.slice(20_000)),
      picked('group1-shard1of2.bin', bin.slice(0, 20_000)),
    ];
    expect((await openModelFiles([picked('model.json', sharded), ...shards], deps())).weights).toEqual(w);
    expect(await problem(openModelFiles([picked('model.json', sharded), shards[0]], deps()))).toBe(
      'missingMember',
    );
    // The loader's own refusals (coded engine messages): a short weights file, a NaN.
    await expect(
      openModelFiles([picked('model.json', text), picked('weights.bin', bin.slice(0, 400))], deps()),
    ).rejects.toThrow(/bytes|size|short/i);
    const nan = w.slice();
    nan[5000] = NaN;
    expect(
      await problem(
        openModelFiles(
          [picked('model.json', text), picked('weights.bin', new Uint8Array(nan.buffer))],
          deps(),
        ),
      ),
    ).toBe('nonFinite');
    const extra = zipSync({ 'model.json': text, 'weights.bin': bin, '../evil': bin }, { level: 0 });
    expect(await problem(openModelFiles([picked('t-tfjs.zip', extra)], deps()))).toBe('zipUnsafeName');
  });
});
