// HDF5 for model files: the superblock check (web/src/files/hdf5-superblock.ts) and the h5wasm
// writer and walker (web/src/files/h5-core.ts, run here on h5wasm's Node build), each held against
// Debian's h5py (/usr/bin/python3, HDF5 1.10), an independent reader and writer: what we write,
// h5py reads back with the same paths, shapes, dtype and values; what h5py writes (a tf.keras 2
// style file with its attributes), we walk and list.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as h5wasm from 'h5wasm/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileProblem } from '../../web/src/files/file-problem';
import { walkH5, writeH5, type H5Api } from '../../web/src/files/h5-core';
import { checkSuperblock } from '../../web/src/files/hdf5-superblock';

const PYTHON = '/usr/bin/python3';
const dir = mkdtempSync(join(tmpdir(), 'rnn-h5-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let api: H5Api;
beforeAll(async () => {
  const m = await h5wasm.ready;
  api = { File: h5wasm.File, FS: m.FS as unknown as H5Api['FS'] };
});

const python = (script: string) => execFileSync(PYTHON, ['-c', script], { cwd: dir, encoding: 'utf8' });

/** A tf.keras 2 style .h5 written by h5py: model_config on the root, weights under model_weights. */
function kerasTwoStyleFile(name: string, extra = ''): Uint8Array {
  python(`
import h5py, numpy as np
with h5py.File(${JSON.stringify(name)}, 'w'${extra}) as f:
    f.attrs['model_config'] = '{"class_name": "Sequential"}'
    f.attrs['keras_version'] = '2.10.0'
    w = f.create_group('model_weights')
    w.attrs['layer_names'] = np.array([b'embedding', b'dense'])
    e = w.create_group('embedding/embedding')
    e.create_dataset('embeddings:0', data=np.arange(12, dtype=np.float32).reshape(4, 3))
    d = w.create_group('dense/dense')
    d.attrs['weight_names'] = np.array([b'dense/kernel:0', b'dense/bias:0'])
    d.create_dataset('kernel:0', data=np.ones((3, 1), dtype=np.float32))
    d.create_dataset('bias:0', data=np.zeros((1,), dtype=np.float64))
`);
  return new Uint8Array(readFileSync(join(dir, name)));
}

function problemOf(work: () => unknown): string {
  try {
    work();
  } catch (e) {
    if (e instanceof FileProblem) return e.problem;
    throw e;
  }
  return 'none';
}

describe('the HDF5 superblock check', () => {
  it('accepts what h5py (superblock 0) and h5wasm (superblock 2) write, and a 512-byte user block', () => {
    expect(checkSuperblock(kerasTwoStyleFile('a.h5'), 'a.h5')).toMatchObject({
      at: 0,
      version: 0,
      sizeOfOffsets: 8,
    });
    const ours = writeH5(api, join(dir, 'w.h5'), [
      { path: 'vars/0', shape: [1], data: new Float32Array([1]) },
    ]);
    expect(checkSuperblock(ours, 'w.h5').version).toBeGreaterThanOrEqual(2);
    expect(checkSuperblock(kerasTwoStyleFile('u.h5', ', userblock_size=512'), 'u.h5').at).toBe(512);
  });

  it('refuses a wrong signature, an unknown version and a file shorter than its end-of-file address', () => {
    const good = kerasTwoStyleFile('b.h5');
    const noSig = good.slice();
    noSig[1] = 0x58;
    expect(problemOf(() => checkSuperblock(noSig, 'b.h5'))).toBe('h5NotHdf5');
    const version = good.slice();
    version[8] = 7;
    expect(problemOf(() => checkSuperblock(version, 'b.h5'))).toBe('h5Version');
    for (const keep of [5, 9, 40, good.length - 1]) {
      expect(
        problemOf(() => checkSuperblock(good.slice(0, keep), 'b.h5')),
        `cut at ${keep}`,
      ).toMatch(/^h5(Truncated|NotHdf5)$/);
    }
    expect(problemOf(() => checkSuperblock(good.slice(0, good.length - 1), 'b.h5'))).toBe('h5Truncated');
  });
});

describe('writing and walking HDF5 with h5wasm', () => {
  it('writes float32 datasets at their paths, as h5py reads them back', () => {
    const data = Float32Array.from({ length: 16 * 32 }, (_, i) => Math.sin(i) * 0.1);
    const bytes = writeH5(
      api,
      join(dir, 'x.h5'),
      [
        { path: 'layers/lstm/cell/vars/0', shape: [16, 32], data },
        { path: 'layers/dense/vars/1', shape: [1], data: new Float32Array([0.25]) },
      ],
      ['optimizer/vars', 'layers/dropout/vars'],
    );
    writeFileSync(join(dir, 'ours.h5'), bytes);
    const seen = JSON.parse(
      python(`
import h5py, json
out = {}
with h5py.File('ours.h5', 'r') as f:
    def visit(name, obj):
        out[name] = [list(obj.shape), str(obj.dtype), [float(v) for v in obj[()].ravel()[:3]]] if isinstance(obj, h5py.Dataset) else 'group'
    f.visititems(visit)
print(json.dumps(out))
`),
    );
    expect(seen['layers/lstm/cell/vars/0'].slice(0, 2)).toEqual([[16, 32], 'float32']);
    expect(seen['layers/lstm/cell/vars/0'][2]).toEqual([data[0], data[1], data[2]]);
    expect(seen['layers/dense/vars/1']).toEqual([[1], 'float32', [0.25]]);
    expect(seen['optimizer/vars']).toBe('group');
    expect(seen['layers/dropout/vars']).toBe('group');
  });

  it('walks a file h5py wrote: every dataset with shape and dtype, group attributes, float32 values', () => {
    const walk = walkH5(api, join(dir, 'y.h5'), kerasTwoStyleFile('k2.h5'));
    expect(walk.listing.datasets).toEqual([
      { path: 'model_weights/dense/dense/bias:0', shape: [1], dtype: 'float64' },
      { path: 'model_weights/dense/dense/kernel:0', shape: [3, 1], dtype: 'float32' },
      { path: 'model_weights/embedding/embedding/embeddings:0', shape: [4, 3], dtype: 'float32' },
    ]);
    expect(walk.listing.attrs['/']).toMatchObject({
      model_config: '{"class_name": "Sequential"}',
      keras_version: '2.10.0',
    });
    expect(walk.listing.attrs['/model_weights'].layer_names).toEqual(['embedding', 'dense']);
    expect(walk.listing.attrs['/model_weights/dense/dense'].weight_names).toEqual([
      'dense/kernel:0',
      'dense/bias:0',
    ]);
    expect(Array.from(walk.values['model_weights/embedding/embedding/embeddings:0'])).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
    ]);
    // A float64 dataset is listed with its dtype and not read as weights (the reader refuses it).
    expect(walk.values['model_weights/dense/dense/bias:0']).toBeUndefined();
  });

  it('reports a file whose superblock is sound but whose objects are garbage as unreadable, not a crash', () => {
    const bytes = kerasTwoStyleFile('c.h5');
    const sb = checkSuperblock(bytes, 'c.h5');
    for (let i = 200; i < bytes.length; i++) bytes[i] = (i * 31) & 0xff;
    expect(checkSuperblock(bytes, 'c.h5')).toEqual(sb);
    expect(problemOf(() => walkH5(api, join(dir, 'z.h5'), bytes))).toBe('h5Unreadable');
    // The library still works afterwards.
    expect(walkH5(api, join(dir, 'z2.h5'), kerasTwoStyleFile('d.h5')).listing.datasets).toHaveLength(3);
  });
});
