#!/usr/bin/env python3
"""Writes the fuzz targets' seed corpora (tests/fuzz/corpus/<target>/) from the repository's test
files: the four model-JSON spellings (tests/data/keras-json), the PyTorch reference models
(tests/data/torch), the page's presets, tests/data/tiny.pack, and TF.js folders that the native
CLI's `init` writes for those models. Run after a native build:
    python3 scripts/make_fuzz_seeds.py [path to rnn-playground, default build/native/rnn-playground]
Each seed's name is its content's SHA-1 (as libFuzzer names corpus files), so a rerun adds nothing
twice."""
import glob, hashlib, json, os, struct, subprocess, sys, tempfile

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
cli = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, 'build/native/rnn-playground')
corpus = os.path.join(root, 'tests/fuzz/corpus')


def put(target, data):
    d = os.path.join(corpus, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, hashlib.sha1(data).hexdigest()), 'wb') as f:
        f.write(data)


models = []
for path in sorted(glob.glob(os.path.join(root, 'tests/data/keras-json/*.json'))):
    models.append(open(path, 'rb').read())
for path in sorted(glob.glob(os.path.join(root, 'tests/data/torch/*.json'))):
    models.append(json.dumps(json.load(open(path))['model']).encode())
for preset in json.load(open(os.path.join(root, 'web/src/presets/presets.json'))):
    models.append(json.dumps(preset['model']).encode())
for m in models:
    put('fuzz_model_json', m)


def cli_init_outputs(out_name):
    """Runs the CLI's `init` on each of the first 8 models, writing out_name.format(i) (a TF.js
    folder, or a .keras file) in a temporary directory; yields the path of each output it wrote."""
    with tempfile.TemporaryDirectory() as tmp:
        for i, m in enumerate(models[:8]):
            src = os.path.join(tmp, f'm{i}.json')
            open(src, 'wb').write(m)
            out = os.path.join(tmp, out_name.format(i))
            if subprocess.run([cli, 'init', src, '--seed', '1', '--out', out], capture_output=True).returncode == 0:
                yield out


# TF.js folders: uint16 length of model.json, model.json, weights.bin.
for out in cli_init_outputs('out{}'):
    model_json = open(os.path.join(out, 'model.json'), 'rb').read()
    weights = open(os.path.join(out, 'weights.bin'), 'rb').read()
    if len(model_json) < 65536 and len(weights) < 200_000:
        put('fuzz_tfjs_folder', struct.pack('<H', len(model_json)) + model_json + weights)

# Packs: num_words, maxlen (uint16), flags (bit 0: reseal the CRC), the pack. tiny.pack: vocabulary
# 12, stored length 6.
tiny = open(os.path.join(root, 'tests/data/tiny.pack'), 'rb').read()
for num_words, maxlen, flags in [(12, 6, 0), (5, 3, 0), (3, 1, 1), (12, 6, 1)]:
    put('fuzz_pack', struct.pack('<HHB', num_words, maxlen, flags) + tiny)

# predict --input files: vocabulary - 1 (uint16), (length << 1) | fixed, the text.
for vocab, fixed, length, text in [
        (499, 1, 100, '{"sequences": [[1, 14, 22, 16], [1, 2, 3]]}'),
        (16, 0, 0, '{"sequences": [[1, 4, 5], [2], [15, 0, 3, 7]]}'),
        (16, 1, 3, '{"sequences": [[], [1, 2, 3, 4, 5]]}'),
        (9999, 1, 50, '{"sequences": [[1, 9999, 18446744073709551615, -1, 2.5]]}')]:
    put('fuzz_predict_input', struct.pack('<HB', vocab, (length << 1) | fixed) + text.encode())

# Keras files (fuzz_keras_config: mode byte, uint16 length of config.json, config.json, the HDF5
# listing; fuzz_keras_zip: a .keras file, or an HDF5 file): .keras files the CLI's `init` writes for
# the small models, their listings, and a tf.keras 2 listing of the book's LSTM.
import io, zipfile  # noqa: E402
import h5py  # noqa: E402  (Debian's python3-h5py: run this script with /usr/bin/python3)


def listing_of(h5_bytes):
    datasets, attrs = [], {}
    with h5py.File(io.BytesIO(h5_bytes), 'r') as f:
        def visit(name, obj):
            if isinstance(obj, h5py.Dataset):
                datasets.append({'path': name, 'shape': list(obj.shape), 'dtype': str(obj.dtype)})
        f.visititems(visit)
    return json.dumps({'datasets': datasets, 'attrs': attrs}).encode()


for out in cli_init_outputs('k{}.keras'):
    raw = open(out, 'rb').read()
    with zipfile.ZipFile(out) as z:
        config, weights = z.read('config.json'), z.read('model.weights.h5')
    if len(config) < 65536:
        put('fuzz_keras_config', bytes([0]) + struct.pack('<H', len(config)) + config + listing_of(weights))
    if len(raw) < 40_000:
        put('fuzz_keras_zip', raw)
        put('fuzz_keras_zip', weights)
lstm = next(p for p in json.load(open(os.path.join(root, 'web/src/presets/presets.json'))) if p['id'] == 'lstm')['model']
keras2 = {'datasets': [{'path': p, 'shape': s, 'dtype': 'float32'} for p, s in [
    ('model_weights/embedding/embedding/embeddings:0', [500, 16]), ('model_weights/lstm/lstm/lstm_cell/kernel:0', [16, 32]),
    ('model_weights/lstm/lstm/lstm_cell/recurrent_kernel:0', [8, 32]), ('model_weights/lstm/lstm/lstm_cell/bias:0', [32]),
    ('model_weights/dense/dense/kernel:0', [8, 1]), ('model_weights/dense/dense/bias:0', [1])]],
    'attrs': {'/': {'model_config': json.dumps(lstm)}, '/model_weights': {'layer_names': ['embedding', 'lstm', 'dense']},
              '/model_weights/embedding': {'weight_names': ['embedding/embeddings:0']},
              '/model_weights/lstm': {'weight_names0': ['lstm/lstm_cell/kernel:0', 'lstm/lstm_cell/recurrent_kernel:0'],
                                      'weight_names1': ['lstm/lstm_cell/bias:0']},
              '/model_weights/dense': {'weight_names': ['dense/kernel:0', 'dense/bias:0']}}}
put('fuzz_keras_config', bytes([1, 0, 0]) + json.dumps(keras2).encode())
