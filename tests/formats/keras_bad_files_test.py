"""Bad .keras / .h5 files for the CLI (run by keras_files_test.py): each refused with exit status
1 and an `error:` line naming the problem; never a crash or a hang."""
import io
import json
import os
import struct
import subprocess
import tempfile
import unittest
import zipfile

import h5py
import numpy as np

CLI = None
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
with open(os.path.join(ROOT, 'web/src/presets/presets.json')) as _f:
    LSTM = next(p for p in json.load(_f) if p['id'] == 'lstm')['model']


def members_of(path):
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def zip_bytes(members, method=zipfile.ZIP_STORED):
    out = io.BytesIO()
    with zipfile.ZipFile(out, 'w', compression=method) as z:
        for name, data in members:
            z.writestr(name, data)
    return out.getvalue()


def h5_bytes(edit):
    """model.weights.h5 of the LSTM preset (zero weights) after edit(file)."""
    out = io.BytesIO()
    with h5py.File(out, 'w') as f:
        shapes = {'layers/embedding/vars': [(500, 16)], 'layers/lstm/cell/vars': [(16, 32), (8, 32), (32,)],
                  'layers/dense/vars': [(8, 1), (1,)]}
        f.create_group('vars')
        for group, list_ in shapes.items():
            g = f.create_group(group)
            for i, shape in enumerate(list_):
                g.create_dataset(str(i), data=np.full(shape, 0.01, dtype='<f4'))
        edit(f)
    return out.getvalue()


class BadFiles(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        model = os.path.join(cls.tmp.name, 'model.json')
        with open(model, 'w') as f:
            json.dump(LSTM, f)
        cls.good = os.path.join(cls.tmp.name, 'good.keras')
        assert subprocess.run([CLI, 'init', model, '--out', cls.good], capture_output=True).returncode == 0
        cls.members = members_of(cls.good)
        with open(cls.good, 'rb') as f:
            cls.raw = f.read()

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def refused(self, data, expected, name='bad.keras'):
        path = os.path.join(self.tmp.name, name)
        with open(path, 'wb') as f:
            f.write(data)
        for command in ('summary', 'predict'):
            args = [CLI, command, path] + (['--input', os.devnull] if command == 'predict' else [])
            done = subprocess.run(args, capture_output=True, text=True, timeout=60)
            self.assertEqual(done.returncode, 1, f'{command}: {done.stderr}')
            self.assertTrue(done.stderr.startswith('error: '), done.stderr)
            self.assertIn(expected, done.stderr)

    def with_members(self, **changes):
        members = dict(self.members)
        members.update(changes)
        return zip_bytes([(n, d) for n, d in members.items() if d is not None])

    def test_truncated_zip(self):
        self.refused(self.raw[: len(self.raw) // 2], 'no zip directory at its end')

    def test_corrupt_zip_directory(self):
        data = bytearray(self.raw)
        cd = data.rfind(b'PK\x01\x02')
        data[cd:cd + 4] = b'XXXX'
        self.refused(bytes(data), 'directory is damaged')

    def test_corrupt_member_data(self):
        data = bytearray(self.raw)
        at = data.find(b'"keras_version"')
        data[at + 2] ^= 0xFF
        self.refused(bytes(data), 'damaged')

    def test_missing_and_extra_members(self):
        self.refused(self.with_members(**{'model.weights.h5': None}), 'must hold exactly metadata.json, config.json and model.weights.h5')
        self.refused(self.with_members(**{'assets/vocab.txt': b'x'}), "'assets/vocab.txt'")

    def test_names_leaving_the_folder(self):
        self.refused(self.with_members(**{'../evil': b'x'}), "contains '..'")
        self.refused(self.with_members(**{'/etc/evil': b'x'}), 'absolute path')

    def test_zip_bomb_sizes(self):
        data = bytearray(zip_bytes(list(self.members.items()), zipfile.ZIP_DEFLATED))
        cd = data.rfind(b'PK\x01\x02')
        struct.pack_into('<I', data, cd + 24, 3_000_000_000)  # declared uncompressed size
        self.refused(bytes(data), 'a zip bomb')

    def test_hdf5_without_expected_datasets(self):
        weights = h5_bytes(lambda f: f['layers/lstm/cell/vars'].__delitem__('2'))
        self.refused(self.with_members(**{'model.weights.h5': weights}), "has no dataset 'layers/lstm/cell/vars/2'")

    def test_wrong_shape_and_dtype(self):
        def reshape(f):
            del f['layers/dense/vars/0']
            f['layers/dense/vars'].create_dataset('0', data=np.zeros((1, 8), dtype='<f4'))
        self.refused(self.with_members(**{'model.weights.h5': h5_bytes(reshape)}), 'has shape [1, 8] but the model needs [8, 1]')

        def widen(f):
            del f['layers/dense/vars/1']
            f['layers/dense/vars'].create_dataset('1', data=np.zeros((1,), dtype='<f8'))
        self.refused(self.with_members(**{'model.weights.h5': h5_bytes(widen)}), 'holds float64 values')

    def test_non_finite_weights(self):
        def poison(f):
            f['layers/lstm/cell/vars/1'][3, 4] = np.inf
        self.refused(self.with_members(**{'model.weights.h5': h5_bytes(poison)}), "'layers/lstm/cell/vars/1' holds a non-finite value")

    def test_unsupported_layer(self):
        config = json.loads(self.members['config.json'])
        config['config']['layers'][2]['class_name'] = 'Conv1D'
        self.refused(self.with_members(**{'config.json': json.dumps(config).encode()}), 'Conv1D, which is not supported')

    def test_not_hdf5_and_truncated_hdf5(self):
        self.refused(self.with_members(**{'model.weights.h5': b'not hdf5 at all'}), "does not start with HDF5's signature")
        weights = self.members['model.weights.h5']
        self.refused(self.with_members(**{'model.weights.h5': weights[: len(weights) - 4000]}), '(truncated)')

    def test_h5_files(self):
        self.refused(b'\x00' * 64, "does not start with HDF5's signature", name='bad.h5')
        self.refused(h5_bytes(lambda f: None), 'no model_config attribute', name='weights-only.h5')
