// Keras' files described (engine/keras_format.hpp): the .keras layout and config against Keras
// 3.4.1's saving code (offsets and paths computed by hand here), the readers' checks of a .keras /
// tf.keras 2 .h5 listing, every refusal with its code, and the TF.js single-file opener.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <functional>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <tuple>
#include <vector>

#include "engine/keras_format.hpp"
#include "engine/messages.hpp"
#include "engine/model_json.hpp"
#include "engine/tfjs_format.hpp"

namespace rnn {
namespace {

using nlohmann::json;

const char* kBookLstm = R"({"class_name": "Sequential", "config": {"name": "lstm", "layers": [
  {"class_name": "InputLayer", "config": {"batch_input_shape": [null, 100]}},
  {"class_name": "Embedding", "config": {"name": "embedding", "input_dim": 500, "output_dim": 16}},
  {"class_name": "LSTM", "config": {"name": "lstm", "units": 8}},
  {"class_name": "Dense", "config": {"name": "dense", "units": 1, "activation": "sigmoid"}}]}})";

const char* kStack = R"({"class_name": "Sequential", "config": {"name": "stack", "layers": [
  {"class_name": "SimpleRNN", "config": {"name": "a", "units": 3, "return_sequences": true, "batch_input_shape": [null, 5, 7]}},
  {"class_name": "Dropout", "config": {"name": "d", "rate": 0.25}},
  {"class_name": "GRU", "config": {"name": "b", "units": 2, "reset_after": false, "return_sequences": true}},
  {"class_name": "GRU", "config": {"name": "c", "units": 2}},
  {"class_name": "Dense", "config": {"name": "out", "units": 3, "activation": "softmax"}}]}})";

// The code a call throws (-1: none, -2: not a ModelError).
int code_of(const std::function<void()>& call) {
  try {
    call();
  } catch (const ModelError& e) {
    return e.code();
  } catch (...) {
    return -2;
  }
  return -1;
}
int code(Msg m) { return static_cast<int>(m); }

json listing_of(const std::vector<KerasDataset>& datasets) {
  json l = {{"datasets", json::array()}, {"attrs", json::object()}};
  for (const KerasDataset& d : datasets)
    l["datasets"].push_back({{"path", d.path}, {"shape", d.shape}, {"dtype", "float32"}});
  return l;
}

TEST(KerasSave, BookLstmDatasetsSitAtTheirFlatOffsets) {
  const KerasArchive a = keras_save(parse_model_json(kBookLstm), "{}");
  // Embedding 500x16 = 8000; LSTM kernel 16x32 = 512, recurrent 8x32 = 256, bias 32; Dense 8x1, 1.
  const std::vector<std::tuple<std::string, std::vector<int>, int64_t>> expected = {
      {"layers/embedding/vars/0", {500, 16}, 0},  {"layers/lstm/cell/vars/0", {16, 32}, 8000},
      {"layers/lstm/cell/vars/1", {8, 32}, 8512}, {"layers/lstm/cell/vars/2", {32}, 8768},
      {"layers/dense/vars/0", {8, 1}, 8800},      {"layers/dense/vars/1", {1}, 8808}};
  ASSERT_EQ(a.datasets.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(a.datasets[i].path, std::get<0>(expected[i]));
    EXPECT_EQ(a.datasets[i].shape, std::get<1>(expected[i]));
    EXPECT_EQ(a.datasets[i].offset, std::get<2>(expected[i]));
  }
  const std::vector<std::string> groups = {
      "vars",         "layers",           "layers/embedding", "layers/embedding/vars",
      "layers/lstm",  "layers/lstm/vars", "layers/lstm/cell", "layers/lstm/cell/vars",
      "layers/dense", "layers/dense/vars"};
  EXPECT_EQ(a.groups, groups);
}

TEST(KerasSave, GroupsAreNamedByClassWithRepeatsNumbered) {
  const KerasArchive a = keras_save(parse_model_json(kStack), "{}");
  std::vector<std::string> paths;
  for (const KerasDataset& d : a.datasets) paths.push_back(d.path);
  const std::vector<std::string> expected = {"layers/simple_rnn/cell/vars/0",
                                             "layers/simple_rnn/cell/vars/1",
                                             "layers/simple_rnn/cell/vars/2",
                                             "layers/gru/cell/vars/0",
                                             "layers/gru/cell/vars/1",
                                             "layers/gru/cell/vars/2",
                                             "layers/gru_1/cell/vars/0",
                                             "layers/gru_1/cell/vars/1",
                                             "layers/gru_1/cell/vars/2",
                                             "layers/dense/vars/0",
                                             "layers/dense/vars/1"};
  EXPECT_EQ(paths, expected);
  // GRU(2, reset_after=False) bias (6,); GRU(2) bias (2, 6); the Dropout layer has a group and no
  // data.
  EXPECT_EQ(a.datasets[5].shape, std::vector<int>({6}));
  EXPECT_EQ(a.datasets[8].shape, std::vector<int>({2, 6}));
  EXPECT_NE(std::find(a.groups.begin(), a.groups.end(), "layers/dropout/vars"), a.groups.end());
}

TEST(KerasSave, ConfigIsKeras341sWithBuildAndCompileConfigs) {
  const KerasArchive a = keras_save(
      parse_model_json(kBookLstm),
      R"({"optimizer": "rmsprop", "learning_rate": 0.0001, "date_saved": "2026-12-05@04:00:00"})");
  EXPECT_EQ(json::parse(a.metadata_json),
            json::parse(R"({"keras_version": "3.4.1", "date_saved": "2026-12-05@04:00:00"})"));
  const json c = json::parse(a.config_json);
  EXPECT_EQ(c["module"], "keras");
  EXPECT_EQ(c["build_config"]["input_shape"], json::parse("[null, 100]"));
  const json& layers = c["config"]["layers"];
  ASSERT_EQ(layers.size(), 4u);
  EXPECT_EQ(layers[0]["class_name"], "InputLayer");
  EXPECT_EQ(layers[0]["config"]["batch_shape"], json::parse("[null, 100]"));
  EXPECT_EQ(layers[2]["build_config"]["input_shape"], json::parse("[null, 100, 16]"));
  EXPECT_EQ(layers[3]["build_config"]["input_shape"], json::parse("[null, 8]"));
  EXPECT_EQ(layers[2]["config"]["recurrent_initializer"]["class_name"], "OrthogonalInitializer");
  EXPECT_EQ(a.config_json.find("quantization_config"),
            std::string::npos);  // Keras 3.4.1 refuses it
  const json& optimizer = c["compile_config"]["optimizer"];
  EXPECT_EQ(optimizer["class_name"], "RMSprop");
  // What Keras itself wrote for learning_rate=1e-4 (float32 rounding): the recorded 3.6.0 file.
  EXPECT_EQ(optimizer["config"]["learning_rate"].get<double>(), 9.999999747378752e-05);
  EXPECT_EQ(c["compile_config"]["loss"], "binary_crossentropy");
  EXPECT_EQ(c["compile_config"]["metrics"], json::parse(R"(["accuracy"])"));
  EXPECT_EQ(json::parse(keras_save(parse_model_json(kStack), R"({"optimizer": "adam"})")
                            .config_json)["compile_config"]["loss"],
            "sparse_categorical_crossentropy");
}

TEST(KerasSave, RefusesWhatKeras3CannotExpress) {
  const ModelSpec lstm = parse_model_json(kBookLstm);
  EXPECT_EQ(code_of([&] { keras_save(lstm, R"({"optimizer": "adagrad"})"); }),
            code(Msg::save_optimizer));
  EXPECT_EQ(code_of([&] { keras_save(lstm, R"({"loss": "mse"})"); }), code(Msg::save_loss));
  EXPECT_EQ(code_of([&] { keras_save(lstm, R"({"learning_rate": "fast"})"); }),
            code(Msg::save_setting));
  std::string hard = kBookLstm;
  hard.replace(hard.find("\"units\": 8"), 10,
               "\"units\": 8, \"recurrent_activation\": \"hard_sigmoid\"");
  EXPECT_EQ(code_of([&] { keras_save(parse_model_json(hard), "{}"); }),
            code(Msg::save_hard_sigmoid));
}

TEST(KerasOpen, OurOwnFileOpensToTheSameModelAndOffsets) {
  const ModelSpec spec = parse_model_json(kStack);
  const KerasArchive a = keras_save(spec, "{}");
  const KerasOpened o = keras_open(a.config_json, listing_of(a.datasets).dump());
  EXPECT_EQ(o.spec.total_params(), spec.total_params());
  ASSERT_EQ(o.spec.layers.size(), spec.layers.size());
  for (size_t i = 0; i < spec.layers.size(); ++i)
    EXPECT_EQ(o.spec.layers[i].name, spec.layers[i].name);
  EXPECT_FALSE(o.spec.layers[2].reset_after);
  ASSERT_EQ(o.weights.size(), a.datasets.size());
  for (size_t i = 0; i < a.datasets.size(); ++i)
    EXPECT_EQ(o.weights[i].offset, a.datasets[i].offset);
  EXPECT_TRUE(o.notes.empty());
  EXPECT_EQ(parse_model_json(o.model_json).total_params(), spec.total_params());
}

TEST(KerasOpen, ACheckpointsOptimizerStateIsLeftBehindWithANote) {
  const KerasArchive a = keras_save(parse_model_json(kBookLstm), "{}");
  json l = listing_of(a.datasets);
  l["datasets"].push_back(
      {{"path", "optimizer/vars/0"}, {"shape", json::array()}, {"dtype", "int64"}});
  l["datasets"].push_back(
      {{"path", "optimizer/vars/2"}, {"shape", {500, 16}}, {"dtype", "float32"}});
  const KerasOpened o = keras_open(a.config_json, l.dump());
  ASSERT_EQ(o.notes.size(), 1u);
  EXPECT_EQ(o.notes[0].code, code(Msg::note_optimizer_ignored));
  EXPECT_EQ(o.notes[0].params, std::vector<std::string>({"2"}));
}

TEST(KerasOpen, RefusesEachBadListingWithItsCode) {
  const KerasArchive a = keras_save(parse_model_json(kBookLstm), "{}");
  const json good = listing_of(a.datasets);
  auto with = [&](const std::function<void(json&)>& change) {
    json l = good;
    change(l);
    return code_of([&] { keras_open(a.config_json, l.dump()); });
  };
  EXPECT_EQ(with([](json& l) { l["datasets"].erase(2); }), code(Msg::weights_missing));
  EXPECT_EQ(with([](json& l) {
              l["datasets"].push_back(
                  {{"path", "layers/lstm/cell/vars/3"}, {"shape", {1}}, {"dtype", "float32"}});
            }),
            code(Msg::weights_extra));
  EXPECT_EQ(with([](json& l) { l["datasets"][1]["shape"] = {32, 16}; }), code(Msg::weights_shape));
  EXPECT_EQ(with([](json& l) { l["datasets"][0]["dtype"] = "float64"; }), code(Msg::weights_dtype));
  EXPECT_EQ(with([](json& l) { l["datasets"][0]["shape"] = "500x16"; }),
            code(Msg::listing_malformed));
  EXPECT_EQ(with([](json& l) { l["datasets"].push_back(l["datasets"][0]); }),
            code(Msg::listing_malformed));
  EXPECT_EQ(code_of([&] { keras_open(a.config_json, "[1"); }), code(Msg::listing_malformed));
}

TEST(KerasOpen, RefusesConfigsItCannotComputeExactly) {
  const KerasArchive a = keras_save(parse_model_json(kBookLstm), "{}");
  const std::string listing = listing_of(a.datasets).dump();
  auto with = [&](const std::function<void(json&)>& change) {
    json c = json::parse(a.config_json);
    change(c);
    return code_of([&] { keras_open(c.dump(), listing); });
  };
  EXPECT_EQ(with([](json& c) {
              c["config"]["layers"][3]["config"]["quantization_config"] = {{"mode", "int8"}};
            }),
            code(Msg::keras_quantized));
  EXPECT_EQ(with([](json& c) {
              c["config"]["layers"][2]["config"]["dtype"]["config"]["name"] = "mixed_float16";
            }),
            code(Msg::keras_dtype_policy));
  EXPECT_EQ(with([](json& c) { c["config"]["layers"][1]["config"]["lora_rank"] = 4; }),
            code(Msg::keras_lora));
  EXPECT_EQ(with([](json& c) { c["class_name"] = "Functional"; }), code(Msg::keras_not_sequential));
  EXPECT_EQ(with([](json& c) { c.erase("module"); }), code(Msg::keras_not_keras3));
  EXPECT_EQ(with([](json& c) { c["config"]["layers"][2]["class_name"] = "Conv1D"; }),
            code(Msg::unsupported_layer));
  EXPECT_EQ(with([](json& c) {
              c["config"]["layers"].erase(0);
              c["config"].erase("build_input_shape");
              c.erase("build_config");
            }),
            code(Msg::keras_unbuilt));
  EXPECT_EQ(code_of([&] { keras_open("{\"class_name\": ", listing); }),
            code(Msg::keras_config_not_json));
  // Keras 3.13's explicit null quantization_config is a plain float32 layer.
  EXPECT_EQ(
      with([](json& c) { c["config"]["layers"][3]["config"]["quantization_config"] = nullptr; }),
      -1);
  // keras.Input(shape=(100,), dtype="int32"): the input's dtype (token ids), not a compute policy.
  EXPECT_EQ(with([](json& c) {
              ASSERT_EQ(c["config"]["layers"][0]["class_name"], "InputLayer");
              c["config"]["layers"][0]["config"]["dtype"] = "int32";
            }),
            -1);
  // The same dtype on a computing layer is refused.
  EXPECT_EQ(with([](json& c) { c["config"]["layers"][1]["config"]["dtype"] = "int32"; }),
            code(Msg::keras_dtype_policy));
}

// A tf.keras 2 model.save('x.h5') listing, spelled as tf-keras' hdf5_format writes it.
json keras2_listing(bool chunked) {
  json l = {{"datasets", json::array()}, {"attrs", json::object()}};
  l["attrs"]["/"] = {
      {"model_config", kBookLstm}, {"keras_version", "2.7.0"}, {"backend", "tensorflow"}};
  l["attrs"]["/model_weights"] = {{"layer_names", {"embedding", "lstm", "dense"}}};
  l["attrs"]["/model_weights/embedding"] = {{"weight_names", {"embedding/embeddings:0"}}};
  if (chunked) {
    l["attrs"]["/model_weights/lstm"] = {
        {"weight_names0", {"lstm/lstm_cell/kernel:0", "lstm/lstm_cell/recurrent_kernel:0"}},
        {"weight_names1", {"lstm/lstm_cell/bias:0"}}};
  } else {
    l["attrs"]["/model_weights/lstm"] = {
        {"weight_names",
         {"lstm/lstm_cell/kernel:0", "lstm/lstm_cell/recurrent_kernel:0",
          "lstm/lstm_cell/bias:0"}}};
  }
  l["attrs"]["/model_weights/dense"] = {{"weight_names", {"dense/kernel:0", "dense/bias:0"}}};
  const std::vector<std::pair<std::string, std::vector<int>>> sets = {
      {"model_weights/embedding/embedding/embeddings:0", {500, 16}},
      {"model_weights/lstm/lstm/lstm_cell/kernel:0", {16, 32}},
      {"model_weights/lstm/lstm/lstm_cell/recurrent_kernel:0", {8, 32}},
      {"model_weights/lstm/lstm/lstm_cell/bias:0", {32}},
      {"model_weights/dense/dense/kernel:0", {8, 1}},
      {"model_weights/dense/dense/bias:0", {1}},
      {"optimizer_weights/RMSprop/iter:0", {}}};
  for (const auto& [path, shape] : sets)
    l["datasets"].push_back({{"path", path},
                             {"shape", shape},
                             {"dtype", path.rfind("opt", 0) == 0 ? "int64" : "float32"}});
  return l;
}

TEST(H5ModelOpen, Keras2LayoutMapsToTheFlatOrder) {
  for (bool chunked : {false, true}) {
    const KerasOpened o = h5_model_open(keras2_listing(chunked).dump());
    ASSERT_EQ(o.weights.size(), 6u);
    EXPECT_EQ(o.weights[1].path, "model_weights/lstm/lstm/lstm_cell/kernel:0");
    EXPECT_EQ(o.weights[1].offset, 8000);
    EXPECT_EQ(o.weights[3].offset, 8768);
    EXPECT_EQ(o.weights[5].path, "model_weights/dense/dense/bias:0");
    EXPECT_EQ(o.weights[5].offset, 8808);
    ASSERT_EQ(o.notes.size(), 1u);  // the optimizer's iteration count is left behind
  }
}

TEST(H5ModelOpen, RefusesWeightsOnlyAndMismatchedFiles) {
  auto with = [](const std::function<void(json&)>& change) {
    json l = keras2_listing(false);
    change(l);
    return code_of([&] { h5_model_open(l.dump()); });
  };
  EXPECT_EQ(with([](json& l) { l["attrs"]["/"].erase("model_config"); }),
            code(Msg::h5_no_model_config));
  EXPECT_EQ(with([](json& l) {
              l["attrs"]["/model_weights"]["layer_names"] = {"embedding", "lstm"};
            }),
            code(Msg::h5_layer_count));
  EXPECT_EQ(with([](json& l) {
              l["attrs"]["/model_weights/dense"]["weight_names"] = {"dense/kernel:0"};
            }),
            code(Msg::h5_weight_count));
  EXPECT_EQ(with([](json& l) { l["datasets"][4]["shape"] = {1, 8}; }), code(Msg::weights_shape));
  EXPECT_EQ(with([](json& l) { l["datasets"].erase(0); }), code(Msg::weights_missing));
  EXPECT_EQ(
      with([](json& l) {
        l["datasets"].push_back(
            {{"path", "model_weights/dense/dense/extra:0"}, {"shape", {1}}, {"dtype", "float32"}});
      }),
      code(Msg::weights_extra));
}

TEST(KerasWeights, NonFiniteValuesAreNamedByDatasetAndIndex) {
  const KerasArchive a = keras_save(parse_model_json(kBookLstm), "{}");
  std::vector<float> params(8809, 0.5f);
  EXPECT_EQ(code_of([&] { check_finite_weights(params, a.datasets); }), -1);
  params[8000 + 7] = std::numeric_limits<float>::quiet_NaN();
  try {
    check_finite_weights(params, a.datasets);
    FAIL() << "NaN accepted";
  } catch (const ModelError& e) {
    EXPECT_EQ(e.code(), code(Msg::weights_not_finite));
    EXPECT_EQ(e.params(), std::vector<std::string>({"layers/lstm/cell/vars/0", "7"}));
  }
}

TEST(TfjsOpen, OneWeightFileRoundTripsBitForBit) {
  const ModelSpec spec = parse_model_json(kStack);
  std::vector<float> params(static_cast<size_t>(spec.total_params()));
  for (size_t i = 0; i < params.size(); ++i) params[i] = 0.25f * float(i) - 3.0f;
  const TfjsFiles files = save_tfjs(spec, params);
  const TfjsOpened o = tfjs_open_single_file(files.model_json, files.weights_bin);
  // base64 of the little-endian bytes: decode and compare.
  std::string bytes;
  auto value = [](char c) {
    return c >= 'A' && c <= 'Z'   ? c - 'A'
           : c >= 'a' && c <= 'z' ? c - 'a' + 26
           : c >= '0' && c <= '9' ? c - '0' + 52
           : c == '+'             ? 62
                                  : 63;
  };
  for (size_t i = 0; i + 3 < o.weights_b64.size(); i += 4) {
    uint32_t v = 0;
    for (int k = 0; k < 4; ++k)
      v = (v << 6) | uint32_t(o.weights_b64[i + k] == '=' ? 0 : value(o.weights_b64[i + k]));
    for (int k = 0; k < 3; ++k) bytes.push_back(char((v >> (16 - 8 * k)) & 0xFF));
  }
  bytes.resize(files.weights_bin.size());
  EXPECT_EQ(bytes, files.weights_bin);
  EXPECT_EQ(parse_model_json(o.model_json).total_params(), spec.total_params());
  json split = json::parse(files.model_json);
  split["weightsManifest"].push_back({{"paths", {"other.bin"}}, {"weights", json::array()}});
  EXPECT_THROW(tfjs_open_single_file(split.dump(), files.weights_bin), ModelError);
}

}  // namespace
}  // namespace rnn
