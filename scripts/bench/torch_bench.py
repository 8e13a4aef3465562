"""PyTorch on the CPU, one thread: the native peer a learner would otherwise use (npm run bench).

Builds the same model as our engine from the preset's Keras JSON (Embedding, SimpleRNN, LSTM, GRU,
Dense; Keras' gate layouts mapped onto torch's), loads the same initial weights (the TF.js folder
our CLI's `init` wrote), trains on the same reviews batch after batch with binary cross-entropy
on the logits and RMSprop, and prints one JSON object with the median milliseconds per batch.

usage: /usr/bin/python3 torch_bench.py MODEL_DIR DATA.json --batches N --warmup W --lr X
DATA.json: {"x": [[ids...], ...], "y": [0/1, ...], "batch_size": B}
"""
import argparse
import json
import os
import statistics
import time

import numpy as np
import torch


def keras_layers(topology):
    return [l for l in topology["config"]["layers"] if l["class_name"] != "InputLayer"]


def read_weights(model_dir):
    with open(os.path.join(model_dir, "model.json")) as f:
        model = json.load(f)
    values = {}
    for group in model["weightsManifest"]:
        data = b"".join(open(os.path.join(model_dir, p), "rb").read() for p in group["paths"])
        offset = 0
        for w in group["weights"]:
            count = int(np.prod(w["shape"])) if w["shape"] else 1
            values[w["name"]] = np.frombuffer(data, dtype=np.float32, count=count, offset=offset).reshape(w["shape"])
            offset += 4 * count
    return model["modelTopology"], values


def gate_blocks(matrix, order, units):
    """Keras' gate blocks (last axis) re-ordered for torch, e.g. GRU z, r, h -> r, z, n."""
    blocks = [matrix[..., i * units:(i + 1) * units] for i in range(len(order))]
    return np.concatenate([blocks[i] for i in order], axis=-1)


class Model(torch.nn.Module):
    def __init__(self, topology, weights):
        super().__init__()
        self.steps = torch.nn.ModuleList()
        self.kinds = []
        for layer in keras_layers(topology):
            kind, cfg = layer["class_name"], layer["config"]
            name = cfg["name"]
            w = lambda key: torch.tensor(np.array(weights[f"{name}/{key}"]))
            if kind == "Embedding":
                m = torch.nn.Embedding(cfg["input_dim"], cfg["output_dim"])
                m.weight.data = w("embeddings")
            elif kind in ("SimpleRNN", "LSTM", "GRU"):
                if cfg.get("activation", "tanh") != "tanh" or cfg.get("recurrent_activation", "sigmoid") not in ("sigmoid",):
                    raise SystemExit(f"{name}: only tanh / sigmoid cells are benchmarked")
                units = cfg["units"]
                kernel, recurrent = weights[f"{name}/kernel"], weights[f"{name}/recurrent_kernel"]
                bias = weights[f"{name}/bias"]
                cls = {"SimpleRNN": torch.nn.RNN, "LSTM": torch.nn.LSTM, "GRU": torch.nn.GRU}[kind]
                m = cls(kernel.shape[0], units, batch_first=True)
                # LSTM: Keras i, f, c, o = torch i, f, g, o. GRU (reset_after): Keras z, r, h -> torch r, z, n,
                # the recurrent bias inside r's product as torch's b_hn.
                order = [1, 0, 2] if kind == "GRU" else list(range(kernel.shape[1] // units))
                if kind == "GRU" and not cfg.get("reset_after", True):
                    raise SystemExit(f"{name}: torch's GRU is the reset_after=True form")
                m.weight_ih_l0.data = torch.tensor(gate_blocks(kernel, order, units).T.copy())
                m.weight_hh_l0.data = torch.tensor(gate_blocks(recurrent, order, units).T.copy())
                if kind == "GRU":
                    m.bias_ih_l0.data = torch.tensor(gate_blocks(bias[0], order, units).copy())
                    m.bias_hh_l0.data = torch.tensor(gate_blocks(bias[1], order, units).copy())
                else:
                    m.bias_ih_l0.data = torch.tensor(gate_blocks(bias, order, units).copy())
                    m.bias_hh_l0.data.zero_()
                m.return_sequences = cfg.get("return_sequences", False)
            elif kind == "Dense":
                m = torch.nn.Linear(*weights[f"{name}/kernel"].shape)
                m.weight.data = w("kernel").T.contiguous()
                m.bias.data = w("bias")
                if cfg.get("activation") != "sigmoid":
                    raise SystemExit(f"{name}: the benchmark trains a sigmoid output")
            elif kind == "Dropout":
                m = torch.nn.Dropout(cfg["rate"])
            else:
                raise SystemExit(f"{kind} is not benchmarked")
            self.steps.append(m)
            self.kinds.append(kind)

    def forward(self, ids):
        x = ids
        for kind, m in zip(self.kinds, self.steps):
            if kind in ("SimpleRNN", "LSTM", "GRU"):
                out, _ = m(x)
                x = out if m.return_sequences else out[:, -1, :]
            else:
                x = m(x)
        return x.squeeze(-1)  # logits: the sigmoid is inside the loss


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("model_dir")
    parser.add_argument("data")
    parser.add_argument("--batches", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--lr", type=float, default=1e-3)
    args = parser.parse_args()
    torch.set_num_threads(1)
    torch.manual_seed(0)
    topology, weights = read_weights(args.model_dir)
    model = Model(topology, weights)
    with open(args.data) as f:
        data = json.load(f)
    x = torch.tensor(data["x"], dtype=torch.long)
    y = torch.tensor(data["y"], dtype=torch.float32)
    b = data["batch_size"]
    optimizer = torch.optim.RMSprop(model.parameters(), lr=args.lr, alpha=0.9, eps=1e-7)
    loss_fn = torch.nn.BCEWithLogitsLoss()
    times, losses = [], []
    for i in range(args.warmup + args.batches):
        first = (i * b) % (len(x) - b + 1)
        xb, yb = x[first:first + b], y[first:first + b]
        t0 = time.perf_counter()
        optimizer.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        optimizer.step()
        elapsed = (time.perf_counter() - t0) * 1000
        if i >= args.warmup:
            times.append(elapsed)
            losses.append(float(loss))
    print(json.dumps({
        "engine": "pytorch", "torch": torch.__version__, "threads": torch.get_num_threads(),
        "ms_per_batch": statistics.median(times), "ms_per_batch_mean": statistics.fmean(times),
        "batches": args.batches, "first_loss": losses[0], "last_loss": losses[-1],
    }))


if __name__ == "__main__":
    main()
