"""A case's model as the Sequential JSON Keras writes: model.to_json() of Keras 2 (an InputLayer
with batch_input_shape first) or, when case["keras3"], of Keras 3 (module / registered_name keys,
InputLayer with batch_shape). Initializers are Keras' defaults; the reference weights replace them.
"""


def _initializer(class_name, config, keras3):
    if keras3:
        return {"module": "keras.initializers", "class_name": class_name, "config": config,
                "registered_name": None}
    return {"class_name": class_name, "config": config}


def _dtype(keras3):
    if keras3:
        return {"module": "keras", "class_name": "DTypePolicy", "config": {"name": "float32"},
                "registered_name": None}
    return "float32"


def _glorot(keras3):
    return _initializer("GlorotUniform", {"seed": None}, keras3)


def _zeros(keras3):
    return _initializer("Zeros", {}, keras3)


def _no_regularizers(*names):
    return {name: None for name in names}


def _layer_config(layer, case, keras3):
    kind = layer["kind"]
    config = {"name": layer["name"], "trainable": True, "dtype": _dtype(keras3)}
    if kind == "Embedding":
        config.update({
            "input_dim": layer["input_dim"], "output_dim": layer["output_dim"],
            "embeddings_initializer": _initializer(
                "RandomUniform", {"seed": None, "minval": -0.05, "maxval": 0.05}, keras3),
            "mask_zero": False})
        config.update(_no_regularizers("embeddings_regularizer", "activity_regularizer",
                                       "embeddings_constraint"))
        if not keras3:
            config["input_length"] = case["time"]
    elif kind == "Dropout":
        config.update({"rate": layer["rate"], "noise_shape": None, "seed": None})
    elif kind == "Dense":
        config.update({
            "units": layer["units"], "activation": layer["activation"],
            "use_bias": layer.get("use_bias", True),
            "kernel_initializer": _glorot(keras3), "bias_initializer": _zeros(keras3)})
        config.update(_no_regularizers("kernel_regularizer", "bias_regularizer",
                                       "activity_regularizer", "kernel_constraint",
                                       "bias_constraint"))
    else:  # SimpleRNN, LSTM, GRU
        config.update({
            "return_sequences": layer.get("return_sequences", False), "return_state": False,
            "go_backwards": False, "stateful": False, "unroll": False,
            "zero_output_for_mask": False, "units": layer["units"],
            "activation": layer.get("activation", "tanh"), "use_bias": layer.get("use_bias", True),
            "kernel_initializer": _glorot(keras3),
            "recurrent_initializer": _initializer("Orthogonal", {"seed": None, "gain": 1.0},
                                                  keras3),
            "bias_initializer": _zeros(keras3),
            "dropout": layer.get("dropout", 0.0),
            "recurrent_dropout": layer.get("recurrent_dropout", 0.0)})
        config.update(_no_regularizers("kernel_regularizer", "recurrent_regularizer",
                                       "bias_regularizer", "activity_regularizer",
                                       "kernel_constraint", "recurrent_constraint",
                                       "bias_constraint"))
        if kind in ("LSTM", "GRU"):
            config["recurrent_activation"] = layer.get("recurrent_activation", "sigmoid")
        if kind == "LSTM":
            config["unit_forget_bias"] = True
        if kind == "GRU":
            config["reset_after"] = layer.get("reset_after", True)
        if keras3:
            config["seed"] = None
        elif kind != "SimpleRNN":
            config.update({"time_major": False, "implementation": 2})
    return config


def model_json(case):
    keras3 = case.get("keras3", False)
    shape = [None, case["time"]]
    if case["layers"][0]["kind"] != "Embedding":
        shape.append(case["vocab"])  # one-hot vectors of the vocabulary at every step
    if keras3:
        first = {"module": "keras.layers", "class_name": "InputLayer",
                 "config": {"batch_shape": shape, "dtype": "float32", "sparse": False,
                            "name": "input_layer"},
                 "registered_name": None}
    else:
        first = {"class_name": "InputLayer",
                 "config": {"batch_input_shape": shape, "dtype": "float32", "sparse": False,
                            "ragged": False, "name": case["layers"][0]["name"] + "_input"}}
    layers = [first]
    for layer in case["layers"]:
        entry = {"class_name": layer["kind"], "config": _layer_config(layer, case, keras3)}
        if keras3:
            entry = {"module": "keras.layers", **entry, "registered_name": None}
        layers.append(entry)
    model = {"class_name": "Sequential", "config": {"name": case["name"], "layers": layers}}
    if keras3:
        model = {"module": "keras", **model, "registered_name": None}
        model["config"]["trainable"] = True
        model["config"]["build_input_shape"] = shape
    else:
        model.update({"keras_version": "2.15.0", "backend": "tensorflow"})
    return model
