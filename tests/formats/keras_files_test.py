#!/usr/bin/python3
"""The CLI's Keras files (ctest keras_files; Debian's python3-numpy and python3-h5py):
- every trainable preset saved as .keras and as a TF.js folder predicts the same numbers (1e-6),
  and an independent numpy forward pass (keras_reference.py) over the .keras file agrees (1e-5);
- `train --out X.keras` and `--out DIR` from the same seed predict the same numbers;
- the .keras structure against tests/fixtures/keras3-structure.json (files Keras itself wrote);
- a .h5 file written by h5py in tf.keras 2's layout opens and predicts as its TF.js twin;
- bad files are refused with their message, exit status 1, never a crash.

usage: keras_files_test.py --cli build/native/rnn-playground"""
import io
import json
import os
import subprocess
import sys
import tempfile
import unittest
import zipfile

import h5py
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import keras_reference  # noqa: E402

CLI = None
with open(os.path.join(ROOT, 'web/src/presets/presets.json')) as _f:
    PRESETS = json.load(_f)
with open(os.path.join(ROOT, 'tests/fixtures/keras3-structure.json')) as _f:
    FIXTURE = json.load(_f)
TINY_PACK = os.path.join(ROOT, 'tests/data/tiny.pack')


def run(*args):
    done = subprocess.run([CLI, *args], capture_output=True, text=True, timeout=300)
    assert done.returncode >= 0, f'{args}: killed by signal {-done.returncode}\n{done.stderr}'
    return done


def predict(model, sequences, tmp):
    path = os.path.join(tmp, 'input.json')
    with open(path, 'w') as f:
        json.dump({'sequences': sequences}, f)
    done = run('predict', model, '--input', path)
    assert done.returncode == 0, done.stderr
    return np.array(json.loads(done.stdout), dtype=np.float64)


def input_of(model):
    layers = model['config']['layers']
    shape = layers[0]['config']['batch_input_shape']
    vocab = shape[2] if len(shape) == 3 else layers[1]['config']['input_dim']
    return shape[1], vocab


def sequences_for(time, vocab, count=4, seed=1):
    return np.random.default_rng(seed).integers(0, vocab, size=(count, time)).tolist()


class Presets(unittest.TestCase):
    def test_every_trainable_preset_round_trips_through_keras_and_tfjs(self):
        for preset in PRESETS:
            if preset['summary_only']:
                continue
            with self.subTest(preset=preset['id']), tempfile.TemporaryDirectory() as tmp:
                model = os.path.join(tmp, 'model.json')
                with open(model, 'w') as f:
                    json.dump(preset['model'], f)
                keras_file, folder = os.path.join(tmp, 'm.keras'), os.path.join(tmp, 'tfjs')
                for out in (keras_file, folder):
                    done = run('init', model, '--seed', '7', '--out', out)
                    self.assertEqual(done.returncode, 0, done.stderr)
                seqs = sequences_for(*input_of(preset['model']))
                from_keras, from_tfjs = predict(keras_file, seqs, tmp), predict(folder, seqs, tmp)
                np.testing.assert_allclose(from_keras, from_tfjs, rtol=0, atol=1e-6)
                reference = keras_reference.predict(keras_file, seqs).reshape(from_keras.shape)
                np.testing.assert_allclose(from_keras, reference, rtol=0, atol=1e-5)
                self.assertGreater(np.ptp(from_keras), 1e-4, 'predictions that do not depend on the input prove nothing')
                summary = run('summary', keras_file)
                self.assertEqual(summary.returncode, 0, summary.stderr)
                self.assertEqual(summary.stdout, run('summary', model).stdout)

    def test_gru_without_reset_after_and_softmax_agree_with_the_reference(self):
        model = {'class_name': 'Sequential', 'config': {'name': 'g', 'layers': [
            {'class_name': 'InputLayer', 'config': {'batch_input_shape': [None, 9]}},
            {'class_name': 'Embedding', 'config': {'name': 'e', 'input_dim': 30, 'output_dim': 5}},
            {'class_name': 'GRU', 'config': {'name': 'g1', 'units': 4, 'reset_after': False, 'return_sequences': True}},
            {'class_name': 'Dropout', 'config': {'name': 'd', 'rate': 0.5}},
            {'class_name': 'SimpleRNN', 'config': {'name': 's', 'units': 3, 'return_sequences': True}},
            {'class_name': 'LSTM', 'config': {'name': 'l', 'units': 3, 'recurrent_activation': 'hard_sigmoid'}},
            {'class_name': 'Dense', 'config': {'name': 'o', 'units': 3, 'activation': 'softmax'}}]}}
        model['module'] = 'keras'  # Keras 3's hard_sigmoid (x/6 + 0.5)
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, 'model.json')
            with open(path, 'w') as f:
                json.dump(model, f)
            keras_file = os.path.join(tmp, 'g.keras')
            self.assertEqual(run('init', path, '--seed', '3', '--out', keras_file).returncode, 0)
            seqs = sequences_for(9, 30)
            ours = predict(keras_file, seqs, tmp)
            np.testing.assert_allclose(ours, keras_reference.predict(keras_file, seqs), rtol=0, atol=1e-5)

    def test_train_writes_keras_when_the_path_says_so(self):
        model = {'class_name': 'Sequential', 'config': {'name': 't', 'layers': [
            {'class_name': 'Embedding', 'config': {'name': 'e', 'input_dim': 12, 'output_dim': 4, 'batch_input_shape': [None, 6]}},
            {'class_name': 'GRU', 'config': {'name': 'g', 'units': 3}},
            {'class_name': 'Dense', 'config': {'name': 'o', 'units': 1, 'activation': 'sigmoid'}}]}}
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, 'model.json')
            with open(path, 'w') as f:
                json.dump(model, f)
            outs = [os.path.join(tmp, 'trained.keras'), os.path.join(tmp, 'trained')]
            for out in outs:
                done = run('train', path, '--data', TINY_PACK, '--epochs', '3', '--optimizer', 'adam', '--lr', '0.01',
                           '--seed', '5', '--out', out)
                self.assertEqual(done.returncode, 0, done.stderr)
            self.assertTrue(os.path.isfile(outs[0]) and os.path.isdir(outs[1]))
            seqs = sequences_for(6, 12)
            np.testing.assert_allclose(predict(outs[0], seqs, tmp), predict(outs[1], seqs, tmp), rtol=0, atol=1e-6)
            with zipfile.ZipFile(outs[0]) as z:
                compile_config = json.loads(z.read('config.json'))['compile_config']
            self.assertEqual(compile_config['optimizer']['class_name'], 'Adam')
            self.assertAlmostEqual(compile_config['optimizer']['config']['learning_rate'], 0.01, places=7)


def fixture_files(version):
    return [f for f in FIXTURE['files'] if f['format'] == 'keras' and f['keras_version'] == version]


def preset_model(preset_id):
    return next(p for p in PRESETS if p['id'] == preset_id)['model']


def structure_of(keras_path):
    with zipfile.ZipFile(keras_path) as z:
        members = [(i.filename, i.compress_type) for i in z.infolist()]
        config = json.loads(z.read('config.json'))
        f = h5py.File(io.BytesIO(z.read('model.weights.h5')), 'r')
        groups, datasets = [], []
        f.visititems(lambda n, o: datasets.append((n, list(o.shape), str(o.dtype))) if isinstance(o, h5py.Dataset) else groups.append(n))
    return members, config, sorted(groups), sorted(datasets)


class Structure(unittest.TestCase):
    """Our files beside files Keras wrote (3.6.0 keys are 3.4.1's; 3.13.0 adds keys 3.4.1 refuses)."""

    def save(self, tmp, model):
        path = os.path.join(tmp, 'model.json')
        with open(path, 'w') as f:
            json.dump(model, f)
        out = os.path.join(tmp, 'ours.keras')
        self.assertEqual(run('init', path, '--out', out).returncode, 0)
        return structure_of(out)

    def test_layout_matches_files_keras_wrote(self):
        pairs = {'best-lstm-model.keras': 'lstm', 'best-2rnn-model.keras': 'lstm-2layer', 'best-gru-model.keras': 'gru'}
        for recorded in fixture_files('3.6.0') + fixture_files('3.13.0'):
            name = recorded['source'].rsplit(':', 1)[1]
            if name not in pairs:
                continue
            with self.subTest(file=recorded['source']), tempfile.TemporaryDirectory() as tmp:
                members, config, groups, datasets = self.save(tmp, preset_model(pairs[name]))
                self.assertEqual(members, [(m['name'], m['compress_type']) for m in recorded['members']])
                self.assertTrue(all(m['stored'] for m in recorded['members']))
                h5 = recorded['weights_h5']
                keras_datasets = sorted((d['path'], d['shape'], d['dtype']) for d in h5['datasets'] if not d['path'].startswith('optimizer'))
                self.assertEqual(datasets, keras_datasets)
                self.assertEqual(groups, sorted(g['path'] for g in h5['groups'] if not g['path'].startswith('optimizer')))
                ours = config['config']['layers']
                self.assertEqual([l['class_name'] for l in ours], [l['class_name'] for l in recorded['layers']])
                for mine, theirs in zip(ours, recorded['layers']):
                    self.assertEqual(mine.get('build_config'), theirs['build_config'])
                    self.assertEqual(list(mine.keys()), theirs['entry_keys'])
                    added_after_341 = {'quantization_config', 'ragged', 'optional'}  # 3.13's; 3.4.1 refuses them
                    expected = [k for k in theirs['config_keys'] if k not in added_after_341]
                    self.assertEqual(list(mine['config'].keys()), expected, mine['class_name'])
                self.assertEqual(list(config.keys()), recorded['config_top_keys'])
                self.assertEqual(list(config['config'].keys()), recorded['sequential_config_keys'])
                self.assertEqual(config['build_config'], recorded['build_config'])
                self.assertEqual(list(config['compile_config'].keys()), recorded['compile_config_keys'])
                self.assertEqual(list(config['compile_config']['optimizer']['config'].keys()), recorded['optimizer']['config_keys'])

    def test_one_hot_simple_rnn_matches(self):
        recorded = next(f for f in fixture_files('3.13.0') if f['source'].endswith('best-simplernn-model.keras'))
        with tempfile.TemporaryDirectory() as tmp:
            _, config, _, datasets = self.save(tmp, preset_model('onehot-simplernn-200'))
            self.assertEqual(datasets, sorted((d['path'], d['shape'], d['dtype']) for d in recorded['weights_h5']['datasets']
                                              if not d['path'].startswith('optimizer')))
            self.assertEqual(config['config']['layers'][0]['config']['batch_shape'], [None, 100, 200])


def write_keras2_h5(folder, path):
    """A tf.keras 2 model.save('x.h5') file of a TF.js folder's model, as tf-keras' hdf5_format
    lays it out: model_config, model_weights/<layer>/<weight name>, layer_names / weight_names."""
    with open(os.path.join(folder, 'model.json')) as f:
        model_json = json.load(f)
    values = np.fromfile(os.path.join(folder, 'weights.bin'), dtype='<f4')
    topology = model_json['modelTopology']
    with h5py.File(path, 'w') as f:
        f.attrs['model_config'] = json.dumps(topology)
        f.attrs['keras_version'] = '2.7.0'
        f.attrs['backend'] = 'tensorflow'
        mw = f.create_group('model_weights')
        names = [l['config']['name'] for l in topology['config']['layers']]
        mw.attrs['layer_names'] = np.array([n.encode() for n in names])
        offset = 0
        by_layer = {}
        for w in model_json['weightsManifest'][0]['weights']:
            layer, weight = w['name'].split('/')
            by_layer.setdefault(layer, []).append((weight, w['shape']))
        classes = {l['config']['name']: l['class_name'] for l in topology['config']['layers']}
        for name in names:
            g = mw.create_group(name)
            weight_names = []
            for weight, shape in by_layer.get(name, []):
                cell = {'LSTM': 'lstm_cell', 'GRU': 'gru_cell', 'SimpleRNN': 'simple_rnn_cell'}.get(classes[name])
                full = f'{name}/{cell}/{weight}:0' if cell else f'{name}/{weight}:0'
                count = int(np.prod(shape))
                g.create_dataset(full, data=values[offset:offset + count].reshape(shape))
                offset += count
                weight_names.append(full.encode())
            g.attrs['weight_names'] = np.array(weight_names, dtype='S') if weight_names else np.array([], dtype='S1')
        f.create_group('optimizer_weights').create_dataset('RMSprop/iter:0', data=np.int64(12))


class Keras2H5(unittest.TestCase):
    def test_h5_in_tf_keras_2_layout_predicts_as_its_tfjs_twin(self):
        for preset_id in ('lstm-2layer', 'gru', 'onehot-simplernn-200'):
            with self.subTest(preset=preset_id), tempfile.TemporaryDirectory() as tmp:
                model = os.path.join(tmp, 'model.json')
                with open(model, 'w') as f:
                    json.dump(preset_model(preset_id), f)
                folder, h5 = os.path.join(tmp, 'tfjs'), os.path.join(tmp, 'model.h5')
                self.assertEqual(run('init', model, '--seed', '11', '--out', folder).returncode, 0)
                write_keras2_h5(folder, h5)
                seqs = sequences_for(*input_of(preset_model(preset_id)))
                ours = predict(h5, seqs, tmp)
                np.testing.assert_allclose(ours, predict(folder, seqs, tmp), rtol=0, atol=1e-6)
                np.testing.assert_allclose(ours, keras_reference.predict(h5, seqs).reshape(ours.shape), rtol=0, atol=1e-5)


if __name__ == '__main__':
    CLI = sys.argv[sys.argv.index('--cli') + 1]
    sys.argv = [sys.argv[0]] + [a for a in sys.argv[1:] if a not in ('--cli', CLI)]
    import keras_bad_files_test  # noqa: E402  (the bad files, against the same CLI)
    from keras_bad_files_test import BadFiles  # noqa: E402,F401
    keras_bad_files_test.CLI = CLI
    unittest.main(verbosity=1)
