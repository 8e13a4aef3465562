#!/usr/bin/python3
"""Writes tests/data/torch/<case>.json: small networks computed as Keras computes them, in PyTorch
(float64), as an independent reference for the C++ engine (tests/cpp/torch_reference_test.cpp).

Run with Debian's python3 (it has python3-torch 1.13):  /usr/bin/python3 scripts/make_torch_refs.py
The output is deterministic (fixed seeds); docs/references.md describes the file format.

Each recurrent cell is written from Keras' equations with torch ops, its weights held in Keras'
layout (kernel (in, k*u), recurrent_kernel (u, k*u), bias), so autograd returns gradients in that
layout too. Before any file is written, the hand-written cells are checked against PyTorch's own
nn.RNN / nn.LSTM / nn.GRU (after converting the weights) and the reset_before GRU against a plain
NumPy loop, and every case's gradients against finite differences.
"""
import json
import os
import sys

sys.dont_write_bytecode = True  # keep scripts/ free of __pycache__
import numpy as np
import torch
import torch.nn.functional as F

from torch_refs.keras_json import model_json

torch.set_default_dtype(torch.float64)
OUT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "data", "torch")


# ---------------------------------------------------------------- activations (Keras semantics)
def activation(name, keras3):
    if name == "linear":
        return lambda x: x
    if name == "relu":
        return torch.relu
    if name == "tanh":
        return torch.tanh
    if name == "sigmoid":
        return torch.sigmoid
    if name == "hard_sigmoid":
        # Keras 2 / TF.js: clip(0.2x + 0.5, 0, 1); Keras 3: clip(x/6 + 0.5, 0, 1).
        slope = 1.0 / 6.0 if keras3 else 0.2
        return lambda x: torch.clamp(slope * x + 0.5, 0.0, 1.0)
    raise ValueError(name)


# ---------------------------------------------------------------- layers, weights in Keras layout
def weight_shapes(layer, in_features):
    """Keras' weight list of a layer: (name, shape), in Keras' order."""
    kind = layer["kind"]
    if kind == "Embedding":
        return [("embeddings", (layer["input_dim"], layer["output_dim"]))]
    if kind == "Dropout":
        return []
    units = layer["units"]
    if kind == "Dense":
        shapes = [("kernel", (in_features, units))]
        return shapes + ([("bias", (units,))] if layer.get("use_bias", True) else [])
    gates = {"SimpleRNN": 1, "LSTM": 4, "GRU": 3}[kind]
    shapes = [("kernel", (in_features, gates * units)), ("recurrent_kernel", (units, gates * units))]
    if layer.get("use_bias", True):
        if kind == "GRU" and layer.get("reset_after", True):
            shapes.append(("bias", (2, 3 * units)))  # row 0: input bias, row 1: recurrent bias
        else:
            shapes.append(("bias", (gates * units,)))
    return shapes


def _record(record, **values):
    """Keeps every step's values of batch row 0 (Network::trace's view) when record is a dict."""
    if record is not None:
        for name, v in values.items():
            record.setdefault(name, []).append(v[0])


def simple_rnn(x, w, units, act, record=None):
    """h_t = act(x_t W + h_{t-1} U + b)"""
    batch, time, _ = x.shape
    projected = x @ w["kernel"] + (w["bias"] if "bias" in w else 0.0)
    h = torch.zeros(batch, units)
    steps = []
    for t in range(time):
        h = act(projected[:, t] + h @ w["recurrent_kernel"])
        _record(record, hidden=h)
        steps.append(h)
    return torch.stack(steps, dim=1)


def lstm(x, w, units, act, rec_act, record=None):
    """z = x_t W + h_{t-1} U + b, split i, f, c, o:
    i = σ(z_i), f = σ(z_f), c_t = f ⊙ c_{t-1} + i ⊙ act(z_c), o = σ(z_o), h_t = o ⊙ act(c_t)"""
    batch, time, _ = x.shape
    projected = x @ w["kernel"] + (w["bias"] if "bias" in w else 0.0)
    h = torch.zeros(batch, units)
    c = torch.zeros(batch, units)
    steps = []
    for t in range(time):
        z = projected[:, t] + h @ w["recurrent_kernel"]
        i, f, g, o = (z[:, k * units:(k + 1) * units] for k in range(4))
        c = rec_act(f) * c + rec_act(i) * act(g)
        h = rec_act(o) * act(c)
        _record(record, hidden=h, cell=c, input=rec_act(i), forget=rec_act(f), output=rec_act(o))
        steps.append(h)
    return torch.stack(steps, dim=1)


def gru(x, w, units, act, rec_act, reset_after, record=None):
    """Gates z, r, h (Keras' column order).
    reset_after:  z = σ(x W_z + b_z + h U_z + b'_z), r likewise,
                  h̃ = act(x W_h + b_h + r ⊙ (h U_h + b'_h))
    reset_before: z = σ(x W_z + h U_z + b_z), r likewise, h̃ = act(x W_h + b_h + (r ⊙ h) U_h)
    h_t = z ⊙ h_{t-1} + (1 − z) ⊙ h̃"""
    batch, time, _ = x.shape
    bias = w.get("bias")
    input_bias = 0.0 if bias is None else (bias[0] if reset_after else bias)
    recurrent_bias = 0.0 if (bias is None or not reset_after) else bias[1]
    projected = x @ w["kernel"] + input_bias
    kernel_rec = w["recurrent_kernel"]
    h = torch.zeros(batch, units)
    steps = []
    for t in range(time):
        xz, xr, xh = (projected[:, t, k * units:(k + 1) * units] for k in range(3))
        if reset_after:
            inner = h @ kernel_rec + recurrent_bias
            hz, hr, hh = (inner[:, k * units:(k + 1) * units] for k in range(3))
            z = rec_act(xz + hz)
            r = rec_act(xr + hr)
            candidate = act(xh + r * hh)
        else:
            inner = h @ kernel_rec[:, :2 * units]
            z = rec_act(xz + inner[:, :units])
            r = rec_act(xr + inner[:, units:])
            candidate = act(xh + (r * h) @ kernel_rec[:, 2 * units:])
        h = z * h + (1.0 - z) * candidate
        _record(record, hidden=h, update=z, reset=r)
        steps.append(h)
    return torch.stack(steps, dim=1)


def run_layer(layer, x, w, keras3, record=None):
    """x is (batch, time, features), or (batch, features) after a last-step recurrent layer."""
    kind = layer["kind"]
    if kind == "Dropout":
        return x, x  # inference: identity
    if kind == "Dense":  # on 3-D input it applies to every step (matmul broadcasts)
        logits = x @ w["kernel"] + (w["bias"] if "bias" in w else 0.0)
        if layer["activation"] == "softmax":
            return torch.softmax(logits, dim=-1), logits
        return activation(layer["activation"], keras3)(logits), logits
    act = activation(layer.get("activation", "tanh"), keras3)
    rec_act = activation(layer.get("recurrent_activation", "sigmoid"), keras3)
    if kind == "SimpleRNN":
        seq = simple_rnn(x, w, layer["units"], act, record)
    elif kind == "LSTM":
        seq = lstm(x, w, layer["units"], act, rec_act, record)
    else:
        seq = gru(x, w, layer["units"], act, rec_act, layer.get("reset_after", True), record)
    out = seq if layer.get("return_sequences", False) else seq[:, -1]
    return out, out


def forward(case, weights, ids, records=None):
    """Model output and the last layer's pre-activation values. With a list `records`, appends
    one dict per recurrent layer holding every step's values of batch row 0."""
    layers = case["layers"]
    if layers[0]["kind"] == "Embedding":
        x = weights[0]["embeddings"][ids]
        rest = list(zip(layers[1:], weights[1:]))
    else:  # one-hot input: the first layer reads one-hot vectors of the vocabulary
        x = F.one_hot(ids, case["vocab"]).double()
        rest = list(zip(layers, weights))
    out = logits = x
    for layer, w in rest:
        record = None
        if records is not None and layer["kind"] in ("SimpleRNN", "LSTM", "GRU"):
            record = {"layer": layer["name"]}
            records.append(record)
        out, logits = run_layer(layer, out, w, case.get("keras3", False), record)
    return out, logits


def sequence_trace(case, weights, ids):
    """Network::trace of one sequence: every recurrent layer's hidden state (LSTM: and cell state)
    and gate activations after every step, and the layers above the last recurrent layer applied
    to its h_t at every step (output_per_step)."""
    records = []
    output = forward(case, weights, ids[None], records)[0][0]
    layers = []
    for r in records:
        entry = {"layer": r["layer"], "hidden": torch.stack(r["hidden"]).tolist()}
        if "cell" in r:
            entry["cell"] = torch.stack(r["cell"]).tolist()
        gate_names = [g for g in ("input", "forget", "output", "update", "reset") if g in r]
        entry["gates"] = {g: torch.stack(r[g]).tolist() for g in gate_names}
        layers.append(entry)
    last = max(i for i, l in enumerate(case["layers"]) if l["kind"] in ("SimpleRNN", "LSTM", "GRU"))
    per_step = torch.stack(records[-1]["hidden"])  # (time, units) rows through the layers above
    for layer, w in zip(case["layers"][last + 1:], weights[last + 1:]):
        per_step = run_layer(layer, per_step, w, case.get("keras3", False))[0]
    # The last step of output_per_step is the ordinary prediction of the whole sequence.
    assert (per_step[-1] - output).abs().max() < 1e-12, case["name"]
    return {"ids": ids.tolist(), "layers": layers, "output_per_step": per_step.tolist(),
            "output": output.tolist()}


def loss_of(case, logits, labels):
    """Keras' mean loss over the batch, from logits: BCE on sigmoid, sparse CCE on softmax."""
    if case["layers"][-1]["activation"] == "sigmoid":
        return F.binary_cross_entropy_with_logits(logits[:, 0], labels.double())
    return F.cross_entropy(logits, labels)


def accuracy_of(case, outputs, labels):
    if case["layers"][-1]["activation"] == "sigmoid":  # Keras' binary_accuracy: threshold 0.5
        return float(((outputs[:, 0] > 0.5).long() == labels).double().mean())
    return float((outputs.argmax(dim=1) == labels).double().mean())


# ---------------------------------------------------------------- building a case
def make_weights(case, gen):
    """Random weights in Keras' layout, scaled so that no unit saturates everywhere."""
    gain = case.get("weight_gain", 1.0)  # larger for hard_sigmoid cases, so that some gates clip
    scale = {"embeddings": 1.0, "kernel": 0.8 * gain, "recurrent_kernel": 0.6 * gain,
             "bias": 0.4 * gain}
    weights, layout, offset = [], [], 0
    features = case["vocab"]
    for layer in case["layers"]:
        w = {}
        for name, shape in weight_shapes(layer, features):
            values = (torch.rand(shape, generator=gen) * 2.0 - 1.0) * scale[name]
            w[name] = values.requires_grad_()
            size = int(np.prod(shape))
            layout.append({"layer": layer["name"], "weight": name, "shape": list(shape),
                           "offset": offset, "size": size})
            offset += size
        weights.append(w)
        if layer["kind"] == "Embedding":
            features = layer["output_dim"]
        elif layer["kind"] != "Dropout":
            features = layer["units"]
    return weights, layout


def make_inputs(case, gen):
    """Token ids with some pre-padding (id 0), as pad_sequences leaves them, and every sequence
    different; ids reach vocab - 1."""
    batch, time, vocab = case["batch"], case["time"], case["vocab"]
    ids = torch.randint(1, vocab, (batch, time), generator=gen)
    for b in range(1, batch, 2):
        ids[b, : b % time] = 0
    ids[0, -1] = vocab - 1
    return ids


def make_labels(case, gen):
    classes = case["layers"][-1]["units"]
    classes = 2 if classes == 1 else classes
    labels = torch.arange(case["batch"]) % classes  # every class present
    return labels[torch.randperm(case["batch"], generator=gen)]


def flat(tensors):
    return [float(v) for t in tensors for v in t.detach().reshape(-1)]


def compute_case(case):
    gen = torch.Generator().manual_seed(case["seed"])
    weights, layout = make_weights(case, gen)
    ids = make_inputs(case, gen)
    labels = make_labels(case, gen)
    leaves = [t for w in weights for t in w.values()]

    outputs, logits = forward(case, weights, ids)
    loss = loss_of(case, logits, labels)
    d_logits = torch.autograd.grad(loss, logits, retain_graph=True)[0]
    grads = torch.autograd.grad(loss, leaves)

    # Autograd against central differences, in double, for every weight.
    def loss_from(*values):
        rebuilt, k = [], 0
        for w in weights:
            rebuilt.append({name: values[k + j] for j, name in enumerate(w)})
            k += len(w)
        return loss_of(case, forward(case, rebuilt, ids)[1], labels)
    if not torch.autograd.gradcheck(loss_from, tuple(t.detach().requires_grad_() for t in leaves),
                                    eps=1e-6, atol=1e-7, rtol=1e-5):
        raise AssertionError(f"{case['name']}: autograd disagrees with finite differences")

    return {
        "case": case["name"],
        "description": case["description"],
        "generator": "scripts/make_torch_refs.py (PyTorch %s, float64)" % torch.__version__,
        "model": model_json(case),
        "loss_kind": ("binary_crossentropy" if case["layers"][-1]["activation"] == "sigmoid"
                      else "sparse_categorical_crossentropy"),
        "weight_layout": layout,
        "weights": flat(leaves),
        "inputs": ids.tolist(),
        "labels": labels.tolist(),
        "logits": logits.detach().tolist(),
        "outputs": outputs.detach().tolist(),
        "loss": float(loss),
        "accuracy": accuracy_of(case, outputs, labels),
        "d_logits": d_logits.tolist(),
        "grads": flat(grads),
        "trace": sequence_trace(case, [{k: v.detach() for k, v in w.items()} for w in weights],
                                ids[0]),
    }


# ---------------------------------------------------------------- output: 17 significant digits
def dumps(value, indent=0, digits=17):
    """JSON with every number of the reference data printed to 17 significant digits (the model's
    own options keep their short spelling: 0.25, not 0.25000000000000000)."""
    pad = " " * indent
    if isinstance(value, float):
        return "%.*g" % (digits, value) if digits else repr(value)
    if isinstance(value, (bool, str, int)) or value is None:
        return json.dumps(value)
    if isinstance(value, list):
        if all(not isinstance(v, (dict, list)) for v in value):
            return "[" + ", ".join(dumps(v, 0, digits) for v in value) + "]"
        return ("[\n" + ",\n".join(pad + "  " + dumps(v, indent + 2, digits) for v in value) +
                "\n" + pad + "]")
    items = [pad + "  " + json.dumps(k) + ": " + dumps(v, indent + 2, 0 if k == "model" else digits)
             for k, v in value.items()]
    return "{\n" + ",\n".join(items) + "\n" + pad + "}"


def main():
    from torch_refs.cases import CASES
    from torch_refs.crosscheck import crosscheck_cells
    crosscheck_cells()
    os.makedirs(OUT_DIR, exist_ok=True)
    for case in CASES:
        result = compute_case(case)
        path = os.path.join(OUT_DIR, case["name"] + ".json")
        with open(path, "w") as f:
            f.write(dumps(result) + "\n")
        print("%-36s loss %.6f  %d weights  %d bytes" %
              (case["name"], result["loss"], len(result["weights"]), os.path.getsize(path)))


if __name__ == "__main__":
    sys.exit(main())
