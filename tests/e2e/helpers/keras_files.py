#!/usr/bin/python3
"""Writes model files laid out as Keras itself writes them, with h5py (Debian's python3-h5py), for
the Open a model tests: no Keras involved, the layouts from Keras' saving code (Keras 3's
saving_lib: groups layers/<class in snake case>/vars and .../cell/vars for recurrent layers,
datasets 0, 1, ... in float32, optimizer/vars beside them; tf.keras 2's model.save('x.h5'): the
root attribute model_config, model_weights/<layer> groups with layer_names / weight_names).

  keras_files.py keras3 OUT.keras CONFIG.json FLAT.bin [--optimizer] [--drop PATH] [--shape PATH] [--float64 PATH]
  keras_files.py keras2 OUT.h5 CONFIG.json FLAT.bin

CONFIG.json is a Sequential Embedding -> LSTM -> Dense model.to_json(); the weights are seeded
random float32, and FLAT.bin gets them concatenated in Keras' weight order (embeddings; kernel,
recurrent_kernel, bias; kernel, bias), the order TF.js' weights.bin keeps.
"""
import io
import json
import sys
import zipfile

import h5py
import numpy as np


def weights(config):
    layers = [l for l in config["config"]["layers"] if l["class_name"] != "InputLayer"]
    emb, lstm, dense = layers
    n, d = emb["config"]["input_dim"], emb["config"]["output_dim"]
    u, k = lstm["config"]["units"], dense["config"]["units"]
    rng = np.random.default_rng(7)
    w = lambda *s: (rng.standard_normal(s) * 0.2).astype(np.float32)
    return layers, [[w(n, d)], [w(d, 4 * u), w(u, 4 * u), w(4 * u)], [w(u, k), w(k)]]


def flat(groups):
    return np.concatenate([a.ravel() for g in groups for a in g]).astype("<f4").tobytes()


def keras3(out, config, flat_out, options):
    layers, groups = weights(config)
    config = dict(config)
    # As the book's keras.Input(shape=(100,)) writes it (the recorded config's input is int32).
    for layer in config["config"]["layers"]:
        if layer["class_name"] == "InputLayer":
            layer["config"]["dtype"] = "float32"
    config.setdefault("compile_config", {
        "optimizer": {"module": "keras.optimizers", "class_name": "RMSprop", "config": {"name": "rmsprop", "learning_rate": 1e-4}, "registered_name": None},
        "loss": "binary_crossentropy", "loss_weights": None, "metrics": ["accuracy"], "weighted_metrics": None,
        "run_eagerly": False, "steps_per_execution": 1, "jit_compile": False})
    h5 = io.BytesIO()
    with h5py.File(h5, "w") as f:
        f.create_group("vars")
        names = {}
        for layer, values in zip(layers, groups):
            snake = {"Embedding": "embedding", "LSTM": "lstm", "Dense": "dense"}[layer["class_name"]]
            names[snake] = names.get(snake, -1) + 1
            group = snake + ("" if names[snake] == 0 else f"_{names[snake]}")
            where = f"layers/{group}/cell/vars" if layer["class_name"] == "LSTM" else f"layers/{group}/vars"
            if layer["class_name"] == "LSTM":
                f.create_group(f"layers/{group}/vars")
            g = f.create_group(where)
            for i, a in enumerate(values):
                path = f"{where}/{i}"
                if path in options.get("drop", []):
                    continue
                if path in options.get("shape", []):
                    a = np.zeros((a.shape[0] + 1,) + a.shape[1:], dtype=np.float32)
                g.create_dataset(str(i), data=a.astype(np.float64) if path in options.get("float64", []) else a)
        if options.get("optimizer"):
            o = f.create_group("optimizer/vars")
            o.create_dataset("0", data=np.int64(120))
            o.create_dataset("1", data=np.float32(1e-4))
            for i, a in enumerate([a for g in groups for a in g]):
                o.create_dataset(str(i + 2), data=np.abs(a) * 0.01)
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("metadata.json", json.dumps({"keras_version": "3.13.0", "date_saved": "2026-12-05@04:00:00"}))
        z.writestr("config.json", json.dumps(config))
        z.writestr("model.weights.h5", h5.getvalue())
    open(flat_out, "wb").write(flat(groups))


def keras2(out, config, flat_out):
    layers, groups = weights(config)
    with h5py.File(out, "w") as f:
        f.attrs["keras_version"] = "2.15.0"
        f.attrs["backend"] = "tensorflow"
        f.attrs["model_config"] = json.dumps(config)
        mw = f.create_group("model_weights")
        mw.attrs["layer_names"] = np.array([l["config"]["name"].encode() for l in layers])
        mw.attrs["backend"] = "tensorflow"
        mw.attrs["keras_version"] = "2.15.0"
        for layer, values in zip(layers, groups):
            name = layer["config"]["name"]
            kind = layer["class_name"]
            short = {"Embedding": ["embeddings"], "LSTM": ["kernel", "recurrent_kernel", "bias"], "Dense": ["kernel", "bias"]}[kind]
            prefix = f"{name}/lstm_cell" if kind == "LSTM" else name
            weight_names = [f"{prefix}/{s}:0" for s in short]
            g = mw.create_group(name)
            g.attrs["weight_names"] = np.array([w.encode() for w in weight_names])
            for w, a in zip(weight_names, values):
                g.create_dataset(w, data=a)
    open(flat_out, "wb").write(flat(groups))


def main(argv):
    kind, out, config_path, flat_out = argv[:4]
    config = json.load(open(config_path))
    options = {"optimizer": "--optimizer" in argv}
    for flag in ("drop", "shape", "float64"):
        options[flag] = [argv[i + 1] for i, a in enumerate(argv) if a == f"--{flag}"]
    if kind == "keras3":
        keras3(out, config, flat_out, options)
    else:
        keras2(out, config, flat_out)


if __name__ == "__main__":
    main(sys.argv[1:])
