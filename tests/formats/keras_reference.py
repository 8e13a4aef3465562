"""An independent forward pass over Keras model files, in numpy, written from Keras' documented
cell equations (keras/src/layers/rnn/{simple_rnn,lstm,gru}.py, Dense, Embedding) and Keras'
file layouts, not from this repository's C++: it reads a .keras file (config.json + the HDF5
weights named as saving_lib names them) or a tf.keras 2 .h5 file (model_config + weight_names).

    predict(path, sequences) -> numpy array (batch, outputs)
"""
import io
import json
import re
import zipfile

import h5py
import numpy as np


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def activation(name, keras3):
    if isinstance(name, dict):
        name = name.get('config', 'linear')
    table = {
        'linear': lambda x: x, None: lambda x: x, 'tanh': np.tanh, 'sigmoid': sigmoid,
        'relu': lambda x: np.maximum(x, 0.0),
        # Keras 3: relu6(x + 3) / 6; tf.keras 2: clip(0.2 x + 0.5, 0, 1).
        'hard_sigmoid': (lambda x: np.clip(x / 6.0 + 0.5, 0, 1)) if keras3 else (lambda x: np.clip(0.2 * x + 0.5, 0, 1)),
        'softmax': lambda x: np.exp(x - x.max(-1, keepdims=True)) / np.exp(x - x.max(-1, keepdims=True)).sum(-1, keepdims=True),
    }
    return table[name]


def snake_case(name):
    # keras.src.utils.naming.to_snake_case
    name = re.sub(r'\W+', '', name)
    name = re.sub('(.)([A-Z][a-z]+)', r'\1_\2', name)
    return re.sub('([a-z])([A-Z])', r'\1_\2', name).lower()


def run_layer(cls, cfg, weights, x, keras3):
    """x: (batch, time, features) or (batch, features); weights: Keras' order."""
    if cls == 'Embedding':
        return weights[0][x]
    if cls == 'Dropout':
        return x
    if cls == 'Dense':
        y = x @ weights[0]
        if cfg.get('use_bias', True):
            y = y + weights[1]
        return activation(cfg.get('activation', 'linear'), keras3)(y)
    units = cfg['units']
    act = activation(cfg.get('activation', 'tanh'), keras3)
    rec = activation(cfg.get('recurrent_activation', 'sigmoid'), keras3)
    use_bias = cfg.get('use_bias', True)
    kernel, recurrent = weights[0], weights[1]
    bias = weights[2] if use_bias else None
    batch, steps = x.shape[0], x.shape[1]
    h = np.zeros((batch, units))
    c = np.zeros((batch, units))
    outputs = []
    for t in range(steps):
        xt = x[:, t, :]
        if cls == 'SimpleRNN':
            # h_t = activation(x_t W + b + h_{t-1} U)
            z = xt @ kernel + h @ recurrent
            h = act(z + bias if use_bias else z)
        elif cls == 'LSTM':
            # z = x W + h U + b; gates i, f, c, o; c_t = f c + i act(c~); h_t = o act(c_t)
            z = xt @ kernel + h @ recurrent + (bias if use_bias else 0)
            i, f, g, o = np.split(z, 4, axis=-1)
            c = rec(f) * c + rec(i) * act(g)
            h = rec(o) * act(c)
        elif cls == 'GRU':
            if cfg.get('reset_after', True):
                # bias (2, 3u): input bias, recurrent bias; r applied after the recurrent product
                bx, bh = (bias[0], bias[1]) if use_bias else (0, 0)
                mx = xt @ kernel + bx
                mh = h @ recurrent + bh
                xz, xr, xh = np.split(mx, 3, axis=-1)
                hz, hr, hh = np.split(mh, 3, axis=-1)
                z = rec(xz + hz)
                r = rec(xr + hr)
                cand = act(xh + r * hh)
            else:
                # bias (3u,); r applied to h before the recurrent product
                b = bias if use_bias else np.zeros(3 * units)
                wz, wr, wh = np.split(kernel, 3, axis=-1)
                uz, ur, uh = np.split(recurrent, 3, axis=-1)
                bz, br, bh = np.split(b, 3)
                z = rec(xt @ wz + bz + h @ uz)
                r = rec(xt @ wr + br + h @ ur)
                cand = act(xt @ wh + bh + (r * h) @ uh)
            h = z * h + (1 - z) * cand
        else:
            raise ValueError(cls)
        outputs.append(h)
    return np.stack(outputs, axis=1) if cfg.get('return_sequences', False) else h


def forward(layers, keras3, input_shape, weights_of, sequences):
    ids = np.asarray(sequences, dtype=np.int64)
    if layers[0][0] == 'Embedding':
        x = ids
    else:  # one-hot input of (time, vocabulary)
        x = np.eye(input_shape[-1], dtype=np.float64)[ids]
    for index, (cls, cfg) in enumerate(layers):
        x = run_layer(cls, cfg, [np.asarray(w, dtype=np.float64) for w in weights_of(index)], x, keras3)
    return x


def read_keras(path):
    with zipfile.ZipFile(path) as z:
        config = json.loads(z.read('config.json'))
        weights = h5py.File(io.BytesIO(z.read('model.weights.h5')), 'r')
    layers, input_shape = [], None
    for layer in config['config']['layers']:
        if layer['class_name'] == 'InputLayer':
            input_shape = layer['config']['batch_shape']
        else:
            layers.append((layer['class_name'], layer['config']))
    # saving_lib: layers/<snake case class>[_k], recurrent weights under cell/, datasets vars/0...
    groups, used = [], {}
    for cls, _ in layers:
        name = snake_case(cls)
        if name in used:
            used[name] += 1
            name = f'{name}_{used[name]}'
        else:
            used[name] = 0
        groups.append(f'layers/{name}/cell/vars' if cls in ('SimpleRNN', 'LSTM', 'GRU') else f'layers/{name}/vars')

    def weights_of(i):
        g = weights[groups[i]]
        return [g[str(k)][()] for k in range(len(g.keys()))]
    return layers, True, input_shape, weights_of


def read_h5(path):
    f = h5py.File(path, 'r')
    config = json.loads(f.attrs['model_config'])
    layers, input_shape = [], None
    for layer in config['config']['layers']:
        cfg = layer['config']
        if layer['class_name'] == 'InputLayer':
            input_shape = cfg['batch_input_shape']
            continue
        input_shape = input_shape or cfg.get('batch_input_shape')
        layers.append((layer['class_name'], cfg))
    mw = f['model_weights']
    decode = lambda v: v.decode() if isinstance(v, bytes) else v
    saved = [decode(n) for n in mw.attrs['layer_names'] if len(mw[decode(n)].attrs['weight_names'])]
    with_weights = [i for i, (cls, _) in enumerate(layers) if cls != 'Dropout']
    by_layer = dict(zip(with_weights, saved))

    def weights_of(i):
        if i not in by_layer:
            return []
        g = mw[by_layer[i]]
        return [g[decode(n)][()] for n in g.attrs['weight_names']]
    return layers, False, input_shape, weights_of


def predict(path, sequences):
    layers, keras3, input_shape, weights_of = read_keras(path) if str(path).endswith('.keras') else read_h5(path)
    return forward(layers, keras3, input_shape, weights_of, sequences)
