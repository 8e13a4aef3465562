# A stand-in for the keras package (there is no Keras here), for running the page's generated
# Keras cell: it records what the cell asks for (layers, compile, fit, predict) so the test can
# compare it with the playground's set-up, and it checks what real Keras would need of the data
# (arrays of the right shapes and dtypes; a PyDataset's batches one-hot and agreeing with the ids).
# predict returns 0.5 per sample: the cell's printing path runs, no model is computed.
import atexit
import json
import types

import numpy as np

RECORD = {'layers': [], 'input': None, 'compile': None, 'fit': None, 'predict_shape': None, 'batches_checked': 0}


def _layer(kind):
    def make(*args, **kwargs):
        return {'kind': kind, 'args': list(args), 'kwargs': kwargs}
    return make


layers = types.SimpleNamespace(**{k: _layer(k) for k in ['Embedding', 'SimpleRNN', 'LSTM', 'GRU', 'Dense', 'Dropout']})


def Input(shape):
    RECORD['input'] = list(shape)
    return {'kind': 'Input', 'shape': list(shape)}


def _optimizer(kind):
    def make(learning_rate):
        return {'kind': kind, 'learning_rate': learning_rate}
    return make


optimizers = types.SimpleNamespace(RMSprop=_optimizer('RMSprop'), Adam=_optimizer('Adam'), SGD=_optimizer('SGD'))
callbacks = types.SimpleNamespace(EarlyStopping=lambda **kw: {'kind': 'EarlyStopping', **kw})


class PyDataset:
    def __init__(self, workers=1, use_multiprocessing=False, max_queue_size=10):
        pass


def to_categorical(x, num_classes):
    x = np.asarray(x)
    out = np.zeros(x.shape + (num_classes,), dtype='float32')
    np.put_along_axis(out, x[..., None].astype('int64'), 1.0, axis=-1)
    return out


utils = types.SimpleNamespace(PyDataset=PyDataset, to_categorical=to_categorical)


def _check_batches(dataset):
    total = 0
    for i in range(len(dataset)):
        x, y = dataset[i]
        assert x.ndim == 3 and x.dtype == np.float32, (x.shape, x.dtype)
        assert np.all(x.sum(axis=-1) == 1.0), 'every step one-hot'
        assert np.array_equal(x.argmax(axis=-1), dataset.seq[dataset.order[i * dataset.batch_size:(i + 1) * dataset.batch_size]])
        assert len(x) == len(y) <= dataset.batch_size
        total += len(x)
        RECORD['batches_checked'] += 1
        if i >= 2:  # a few batches prove the encoding; the rest would only take time
            break
    assert len(dataset) == -(-len(dataset.seq) // dataset.batch_size)
    return total


class Sequential:
    def add(self, layer):
        if layer.get('kind') != 'Input':
            RECORD['layers'].append(layer)

    def summary(self):
        pass

    def compile(self, optimizer, loss, metrics):
        RECORD['compile'] = {'optimizer': optimizer, 'loss': loss, 'metrics': metrics}

    def fit(self, x, y=None, batch_size=None, epochs=1, validation_data=None, callbacks=None):
        fit = {'epochs': epochs, 'batch_size': batch_size, 'callbacks': callbacks or []}
        if isinstance(x, PyDataset):
            _check_batches(x)
            _check_batches(validation_data)
            fit.update(batch_size=x.batch_size, shuffle=x.shuffle, train_count=len(x.seq), val_count=len(validation_data.seq))
        else:
            assert x.dtype == np.int32 and y.dtype == np.uint8 and len(x) == len(y)
            fit.update(train_count=len(x), val_count=len(validation_data[0]), x_shape=list(x.shape))
        RECORD['fit'] = fit
        return types.SimpleNamespace(history={})

    def evaluate(self, x, y=None):
        return [0.0, 0.0]

    def predict(self, x):
        RECORD['predict_shape'] = list(np.asarray(x).shape)
        return np.full((len(x), 1), 0.5, dtype='float32')


atexit.register(lambda: print('KERAS_STUB_RECORD ' + json.dumps(RECORD)))
