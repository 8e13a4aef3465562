#!/usr/bin/python3
"""Records the STRUCTURE (never the weights) of model files Keras itself wrote, as the JSON fixture
tests/fixtures/keras3-structure.json: zip member order and compression, config.json's keys per
layer class, HDF5 groups (with their attributes), datasets (path, shape, dtype), and for tf.keras 2
.h5 files the root attributes and the model_weights group's name lists.

Usage: /usr/bin/python3 scripts/record_keras_structure.py OUT.json SOURCE=FILE... where SOURCE says
where the file came from (repository@commit:path). The files themselves are not committed."""
import io
import json
import sys
import zipfile

import h5py


def hdf5_structure(f):
    groups, datasets = [], []

    def visit(name, obj):
        attrs = {k: (v.decode() if isinstance(v, bytes) else [x.decode() if isinstance(x, bytes) else x for x in v.tolist()] if hasattr(v, 'tolist') and getattr(v, 'ndim', 0) else str(v)) for k, v in obj.attrs.items() if k not in ('model_config', 'training_config')}
        if isinstance(obj, h5py.Dataset):
            datasets.append({'path': name, 'shape': list(obj.shape), 'dtype': str(obj.dtype), 'chunked': obj.chunks is not None, 'compression': obj.compression})
        else:
            groups.append({'path': name, 'attrs': attrs})
    f.visititems(visit)
    return {'superblock_signature': True, 'root_attrs': sorted(f.attrs.keys()), 'groups': groups, 'datasets': datasets}


def layer_keys(config):
    out = []
    for layer in config['config']['layers']:
        out.append({'class_name': layer['class_name'], 'entry_keys': list(layer.keys()), 'config_keys': list(layer['config'].keys()),
                    'build_config': layer.get('build_config')})
    return out


def keras_file(source, path):
    z = zipfile.ZipFile(path)
    members = [{'name': i.filename, 'compress_type': i.compress_type, 'stored': i.compress_type == zipfile.ZIP_STORED} for i in z.infolist()]
    metadata = json.loads(z.read('metadata.json'))
    config = json.loads(z.read('config.json'))
    with h5py.File(io.BytesIO(z.read('model.weights.h5')), 'r') as f:
        h5 = hdf5_structure(f)
    with open(path, 'rb') as raw:
        head = raw.read(4)
    return {'source': source, 'format': 'keras', 'keras_version': metadata['keras_version'], 'metadata_keys': list(metadata.keys()),
            'zip_signature': head.hex(), 'members': members, 'config_top_keys': list(config.keys()),
            'sequential_config_keys': list(config['config'].keys()), 'layers': layer_keys(config),
            'build_config': config.get('build_config'),
            'compile_config_keys': list(config['compile_config'].keys()),
            'optimizer': {'class_name': config['compile_config']['optimizer']['class_name'], 'config_keys': list(config['compile_config']['optimizer']['config'].keys())},
            'weights_h5': h5}


def h5_file(source, path):
    with h5py.File(path, 'r') as f:
        config = json.loads(f.attrs['model_config'])
        out = {'source': source, 'format': 'h5', 'keras_version': f.attrs['keras_version'] if isinstance(f.attrs['keras_version'], str) else f.attrs['keras_version'].decode(),
               'layers': layer_keys(config), 'hdf5': hdf5_structure(f)}
    return out


def main():
    out, specs = sys.argv[1], sys.argv[2:]
    files = []
    for spec in specs:
        source, path = spec.rsplit('=', 1)
        files.append(keras_file(source, path) if path.endswith('.keras') else h5_file(source, path))
    note = ('Structure only (no weights) of model files Keras wrote, found in public repositories of the book\'s readers; '
            'recorded by scripts/record_keras_structure.py. No Keras 3.4.1 file was found: these are Keras 3.6.0 and 3.13.0 '
            '.keras files (ModelCheckpoint saves, with optimizer state) and tf.keras 2.7.0 .h5 files.')
    with open(out, 'w') as f:
        json.dump({'note': note, 'files': files}, f, indent=1)
        f.write('\n')


main()
