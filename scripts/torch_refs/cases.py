"""The reference cases: small networks (batch 3-4, time 5-7, vocabulary 11-18, units 3-5) covering
every layer, both GRU variants, the one-hot input, stacks, Dense per time step, both losses and
non-default activations. Layer names are Keras' default names."""


def _emb(vocab, dim):
    return {"kind": "Embedding", "name": "embedding", "input_dim": vocab, "output_dim": dim}


def _dense(name, units, act, **extra):
    return {"kind": "Dense", "name": name, "units": units, "activation": act, **extra}


def _rnn(kind, name, units, **extra):
    return {"kind": kind, "name": name, "units": units, **extra}


CASES = [
    {"name": "simple_rnn_embedding", "seed": 101, "batch": 4, "time": 6, "vocab": 13,
     "description": "Embedding(13, 4) -> SimpleRNN(3) -> Dense(1, sigmoid); BCE",
     "layers": [_emb(13, 4), _rnn("SimpleRNN", "simple_rnn", 3),
                _dense("dense", 1, "sigmoid")]},
    {"name": "lstm_embedding", "seed": 102, "batch": 3, "time": 7, "vocab": 17,
     "description": "Embedding(17, 4) -> LSTM(5) -> Dense(1, sigmoid); BCE",
     "layers": [_emb(17, 4), _rnn("LSTM", "lstm", 5), _dense("dense", 1, "sigmoid")]},
    {"name": "gru_reset_after_embedding", "seed": 103, "batch": 4, "time": 5, "vocab": 15,
     "description": "Embedding(15, 3) -> GRU(4, reset_after=True) -> Dense(1, sigmoid); BCE",
     "layers": [_emb(15, 3), _rnn("GRU", "gru", 4, reset_after=True),
                _dense("dense", 1, "sigmoid")]},
    {"name": "gru_reset_before_embedding", "seed": 104, "batch": 3, "time": 6, "vocab": 14,
     "description": "Embedding(14, 4) -> GRU(4, reset_after=False) -> Dense(1, sigmoid); BCE",
     "layers": [_emb(14, 4), _rnn("GRU", "gru", 4, reset_after=False),
                _dense("dense", 1, "sigmoid")]},
    {"name": "simple_rnn_one_hot", "seed": 105, "batch": 4, "time": 6, "vocab": 12,
     "description": "one-hot input (6, 12) -> SimpleRNN(4) -> Dense(1, sigmoid); BCE",
     "layers": [_rnn("SimpleRNN", "simple_rnn", 4), _dense("dense", 1, "sigmoid")]},
    {"name": "lstm_lstm_stack", "seed": 106, "batch": 3, "time": 5, "vocab": 11,
     "description": "Embedding(11, 3) -> LSTM(4, return_sequences) -> LSTM(3) -> Dense(1, sigmoid)",
     "layers": [_emb(11, 3), _rnn("LSTM", "lstm", 4, return_sequences=True),
                _rnn("LSTM", "lstm_1", 3), _dense("dense", 1, "sigmoid")]},
    {"name": "gru_simple_rnn_stack", "seed": 107, "batch": 4, "time": 6, "vocab": 16,
     "description": "Embedding(16, 4) -> GRU(4, return_sequences) -> SimpleRNN(3, use_bias=False)"
                    " -> Dense(1, sigmoid)",
     "layers": [_emb(16, 4), _rnn("GRU", "gru", 4, return_sequences=True),
                _rnn("SimpleRNN", "simple_rnn", 3, use_bias=False),
                _dense("dense", 1, "sigmoid")]},
    {"name": "dense_per_step", "seed": 108, "batch": 3, "time": 5, "vocab": 12,
     "description": "Embedding(12, 3) -> SimpleRNN(4, return_sequences) -> Dense(3, relu) per step"
                    " -> Dense(4, tanh) per step -> LSTM(3) -> Dense(1, sigmoid)",
     "layers": [_emb(12, 3), _rnn("SimpleRNN", "simple_rnn", 4, return_sequences=True),
                _dense("dense", 3, "relu"), _dense("dense_1", 4, "tanh"),
                _rnn("LSTM", "lstm", 3), _dense("dense_2", 1, "sigmoid")]},
    {"name": "gru_softmax", "seed": 109, "batch": 4, "time": 6, "vocab": 18,
     "description": "Embedding(18, 4) -> GRU(5) -> Dense(4, softmax); sparse categorical CE",
     "layers": [_emb(18, 4), _rnn("GRU", "gru", 5), _dense("dense", 4, "softmax")]},
    {"name": "relu_tanh_dropout", "seed": 110, "batch": 4, "time": 6, "vocab": 13,
     "description": "Embedding(13, 4) -> SimpleRNN(5, relu) -> Dense(3, tanh, use_bias=False)"
                    " -> Dropout(0.25) -> Dense(1, sigmoid); Dropout is the identity here",
     "layers": [_emb(13, 4), _rnn("SimpleRNN", "simple_rnn", 5, activation="relu"),
                _dense("dense", 3, "tanh", use_bias=False),
                {"kind": "Dropout", "name": "dropout", "rate": 0.25},
                _dense("dense_1", 1, "sigmoid")]},
    {"name": "lstm_relu_hard_sigmoid_keras2", "seed": 111, "batch": 4, "time": 6, "vocab": 14,
     "description": "Keras 2 JSON. Embedding(14, 3) -> LSTM(4, activation=relu,"
                    " recurrent_activation=hard_sigmoid = clip(0.2x + 0.5), dropout=0.2,"
                    " recurrent_dropout=0.1: off at inference) -> Dense(1, sigmoid)",
     "weight_gain": 3.0,
     "layers": [_emb(14, 3),
                _rnn("LSTM", "lstm", 4, activation="relu", recurrent_activation="hard_sigmoid",
                     dropout=0.2, recurrent_dropout=0.1),
                _dense("dense", 1, "sigmoid")]},
    {"name": "gru_hard_sigmoid_keras3", "seed": 112, "batch": 4, "time": 5, "vocab": 12,
     "description": "Keras 3 JSON. Embedding(12, 4) -> GRU(3, recurrent_activation=hard_sigmoid"
                    " = clip(x/6 + 0.5)) -> Dense(2, softmax); sparse categorical CE",
     "keras3": True, "weight_gain": 3.0,
     "layers": [_emb(12, 4), _rnn("GRU", "gru", 3, recurrent_activation="hard_sigmoid"),
                _dense("dense", 2, "softmax")]},
    {"name": "one_hot_lstm_gru_softmax", "seed": 113, "batch": 3, "time": 5, "vocab": 11,
     "description": "one-hot input (5, 11) -> LSTM(3, return_sequences) -> GRU(3,"
                    " reset_after=False) -> Dense(3, softmax); sparse categorical CE",
     "layers": [_rnn("LSTM", "lstm", 3, return_sequences=True),
                _rnn("GRU", "gru", 3, reset_after=False), _dense("dense", 3, "softmax")]},
]
