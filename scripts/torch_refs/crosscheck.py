"""Checks the hand-written Keras cells of make_torch_refs.py against independent code before any
reference file is written: PyTorch's nn.RNN, nn.LSTM and nn.GRU (outputs and weight gradients,
weights converted from Keras' layout) and, for the reset_before GRU that PyTorch lacks, a plain
NumPy loop over Keras' per-gate equations."""
import numpy as np
import torch

TOLERANCE = 1e-12


def _keras_weights(gen, features, units, gates, bias_rows=1):
    def uniform(*shape):
        return ((torch.rand(shape, generator=gen) * 2 - 1) * 0.7).requires_grad_()
    bias = uniform(bias_rows, gates * units) if bias_rows == 2 else uniform(gates * units)
    return {"kernel": uniform(features, gates * units),
            "recurrent_kernel": uniform(units, gates * units), "bias": bias}


def _torch_gate_rows(matrix, units, order):
    """Keras columns (in, k*u) -> PyTorch rows (k*u, in), gate blocks taken in `order`."""
    return torch.cat([matrix[..., g * units:(g + 1) * units] for g in order], dim=-1).T


def _compare(name, ours, theirs):
    error = (ours - theirs).abs().max().item()
    if error > TOLERANCE:
        raise AssertionError(f"cross-check {name}: max difference {error:g}")


def _check_against_module(name, cell, module, w, order, units, bias_of):
    """Runs our cell and the PyTorch module on the same input; compares outputs and gradients."""
    gen = torch.Generator().manual_seed(7)
    x = torch.randn(3, 6, w["kernel"].shape[0], generator=gen)
    ours = cell(x, w)
    with torch.no_grad():
        module.weight_ih_l0.copy_(_torch_gate_rows(w["kernel"], units, order))
        module.weight_hh_l0.copy_(_torch_gate_rows(w["recurrent_kernel"], units, order))
        input_bias, recurrent_bias = bias_of(w["bias"])
        module.bias_ih_l0.copy_(_torch_gate_rows(input_bias[None], units, order)[:, 0])
        module.bias_hh_l0.copy_(_torch_gate_rows(recurrent_bias[None], units, order)[:, 0])
    theirs = module(x)[0]
    _compare(name + " outputs", ours, theirs)
    # Gradients of the same scalar: PyTorch's, mapped back into Keras' layout, against ours.
    probe = torch.randn(ours.shape, generator=gen)
    ours_grads = torch.autograd.grad((ours * probe).sum(), [w["kernel"], w["recurrent_kernel"]])
    theirs_grads = torch.autograd.grad((theirs * probe).sum(),
                                       [module.weight_ih_l0, module.weight_hh_l0])
    inverse = [order.index(g) for g in range(len(order))]
    for ours_g, theirs_g in zip(ours_grads, theirs_grads):
        _compare(name + " gradients", ours_g, _torch_gate_rows(theirs_g.T, units, inverse).T)


def _numpy_gru_reset_before(x, kernel, recurrent_kernel, bias, units):
    """Keras' implementation=1 form, gate by gate, in NumPy."""
    sigmoid = lambda v: 1.0 / (1.0 + np.exp(-v))
    cols = lambda m, g: m[..., g * units:(g + 1) * units]
    h = np.zeros((x.shape[0], units))
    out = []
    for t in range(x.shape[1]):
        xt = x[:, t]
        z = sigmoid(xt @ cols(kernel, 0) + cols(bias, 0) + h @ cols(recurrent_kernel, 0))
        r = sigmoid(xt @ cols(kernel, 1) + cols(bias, 1) + h @ cols(recurrent_kernel, 1))
        candidate = np.tanh(xt @ cols(kernel, 2) + cols(bias, 2) + (r * h) @ cols(recurrent_kernel, 2))
        h = z * h + (1 - z) * candidate
        out.append(h)
    return np.stack(out, axis=1)


def crosscheck_cells():
    from make_torch_refs import simple_rnn, lstm, gru
    gen = torch.Generator().manual_seed(2024)
    features, units = 4, 3
    no_recurrent_bias = lambda b: (b, torch.zeros_like(b))

    w = _keras_weights(gen, features, units, 1)
    for act_name, act in (("tanh", torch.tanh), ("relu", torch.relu)):
        _check_against_module("SimpleRNN " + act_name,
                              lambda x, w: simple_rnn(x, w, units, act),
                              torch.nn.RNN(features, units, nonlinearity=act_name,
                                           batch_first=True),
                              w, [0], units, no_recurrent_bias)

    # PyTorch's LSTM gate blocks are i, f, g, o: Keras' i, f, c, o.
    w = _keras_weights(gen, features, units, 4)
    _check_against_module("LSTM", lambda x, w: lstm(x, w, units, torch.tanh, torch.sigmoid),
                          torch.nn.LSTM(features, units, batch_first=True),
                          w, [0, 1, 2, 3], units, no_recurrent_bias)

    # PyTorch's GRU is Keras' reset_after=True with gate blocks r, z, n (Keras: z, r, h).
    w = _keras_weights(gen, features, units, 3, bias_rows=2)
    _check_against_module("GRU reset_after",
                          lambda x, w: gru(x, w, units, torch.tanh, torch.sigmoid, True),
                          torch.nn.GRU(features, units, batch_first=True),
                          w, [1, 0, 2], units, lambda b: (b[0], b[1]))

    w = _keras_weights(gen, features, units, 3)
    x = torch.randn(3, 6, features, generator=gen)
    ours = gru(x, w, units, torch.tanh, torch.sigmoid, False)
    theirs = _numpy_gru_reset_before(x.numpy(), *(w[k].detach().numpy()
                                     for k in ("kernel", "recurrent_kernel", "bias")), units)
    _compare("GRU reset_before outputs", ours, torch.from_numpy(theirs))
    print("cells agree with nn.RNN, nn.LSTM, nn.GRU and the NumPy GRU to", TOLERANCE)
