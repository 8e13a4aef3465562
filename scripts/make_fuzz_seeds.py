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

# TF.js folders: uint16 length of model.json, model.json, weights.bin.
with tempfile.TemporaryDirectory() as tmp:
    for i, m in enumerate(models[:8]):
        src = os.path.join(tmp, f'm{i}.json')
        open(src, 'wb').write(m)
        out = os.path.join(tmp, f'out{i}')
        if subprocess.run([cli, 'init', src, '--seed', '1', '--out', out], capture_output=True).returncode != 0:
            continue
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
