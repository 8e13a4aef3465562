// TF.js layers-model save/load: bit-exact round trips, the manifest TF.js expects, and every way a
// model.json / weights.bin pair can be wrong.

#include <gtest/gtest.h>

#include <cfloat>
#include <cmath>
#include <cstring>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <tuple>
#include <vector>

#include "engine/model_json.hpp"
#include "engine/tfjs_format.hpp"

namespace rnn {
namespace {

using nlohmann::json;

// TF.js-topology spellings (batch_input_shape on the first layer).
const char* kLstmModel =
    R"({"class_name": "Sequential", "config": {"name": "lstm_model", "layers": [
  {"class_name": "Embedding", "config": {"name": "embedding", "input_dim": 20, "output_dim": 4,
                                          "batch_input_shape": [null, 6]}},
  {"class_name": "LSTM", "config": {"name": "lstm", "units": 3}},
  {"class_name": "Dense", "config": {"name": "dense", "units": 1, "activation": "sigmoid"}}]}})";

const char* kGruStackModel = R"({"class_name": "Sequential", "config": {"name": "grus", "layers": [
  {"class_name": "Embedding", "config": {"name": "embedding", "input_dim": 11, "output_dim": 5,
                                          "batch_input_shape": [null, 4]}},
  {"class_name": "GRU", "config": {"name": "gru", "units": 3, "reset_after": true, "return_sequences": true}},
  {"class_name": "GRU", "config": {"name": "gru_1", "units": 2, "reset_after": false}},
  {"class_name": "Dense", "config": {"name": "dense", "units": 3, "activation": "softmax"}}]}})";

const char* kOneHotModel = R"({"class_name": "Sequential", "config": {"name": "one_hot", "layers": [
  {"class_name": "SimpleRNN", "config": {"name": "simple_rnn", "units": 3, "return_sequences": true,
                                          "batch_input_shape": [null, 5, 7]}},
  {"class_name": "Dropout", "config": {"name": "dropout", "rate": 0.25}},
  {"class_name": "Dense", "config": {"name": "dense", "units": 2, "use_bias": false}}]}})";

// Values chosen to catch any lossy conversion: -0, subnormals, extremes, non-representable
// decimals.
std::vector<float> tricky_params(int64_t count) {
  const float specials[] = {1.0f,       -0.0f,        1e-40f,
                            -FLT_MAX,   FLT_MAX,      FLT_MIN,
                            0.1f,       -3.14159274f, std::nextafter(1.0f, 2.0f),
                            123456.789f};
  std::vector<float> params(static_cast<size_t>(count));
  for (int64_t i = 0; i < count; ++i) {
    params[i] = i < 10 ? specials[i] : std::sin(0.37f * static_cast<float>(i)) * 0.5f;
  }
  return params;
}

LoadedModel load_from(const TfjsFiles& files) {
  return load_tfjs(files.model_json, [&](const std::string& path) {
    EXPECT_EQ(path, "weights.bin");
    return files.weights_bin;
  });
}

void expect_same_spec(const ModelSpec& a, const ModelSpec& b) {
  EXPECT_EQ(model_to_json(a), model_to_json(b));
  EXPECT_EQ(a.input_length, b.input_length);
  EXPECT_EQ(a.one_hot, b.one_hot);
  EXPECT_EQ(a.vocab, b.vocab);
  EXPECT_EQ(a.total_params(), b.total_params());
  ASSERT_EQ(a.layers.size(), b.layers.size());
  // Every setting of a layer, and the shape validation inferred.
  const auto settings = [](const LayerSpec& l) {
    return std::tie(l.kind, l.name, l.units, l.activation, l.recurrent_activation, l.use_bias,
                    l.return_sequences, l.reset_after, l.dropout, l.rate, l.input_dim, l.output_dim,
                    l.output_shape.has_time, l.output_shape.time, l.output_shape.features);
  };
  for (size_t i = 0; i < a.layers.size(); ++i)
    EXPECT_EQ(settings(a.layers[i]), settings(b.layers[i])) << "layer " << i;
}

class RoundTrip : public ::testing::TestWithParam<const char*> {};

TEST_P(RoundTrip, ParamsBitExactAndSpecEqual) {
  const ModelSpec spec = parse_model_json(GetParam());
  const std::vector<float> params = tricky_params(spec.total_params());
  const TfjsFiles files = save_tfjs(spec, params);
  ASSERT_EQ(files.weights_bin.size(), params.size() * 4);

  const LoadedModel loaded = load_from(files);
  expect_same_spec(spec, loaded.spec);
  ASSERT_EQ(loaded.params.size(), params.size());
  EXPECT_EQ(std::memcmp(loaded.params.data(), params.data(), params.size() * 4), 0);

  // Saving the loaded model again gives the same bytes.
  const TfjsFiles again = save_tfjs(loaded.spec, loaded.params);
  EXPECT_EQ(again.model_json, files.model_json);
  EXPECT_EQ(again.weights_bin, files.weights_bin);
}

INSTANTIATE_TEST_SUITE_P(Models, RoundTrip,
                         ::testing::Values(kLstmModel, kGruStackModel, kOneHotModel));

TEST(TfjsSave, ManifestHasKerasNamesShapesAndOrder) {
  const ModelSpec spec = parse_model_json(kGruStackModel);
  const TfjsFiles files = save_tfjs(spec, tricky_params(spec.total_params()));
  const json doc = json::parse(files.model_json);
  EXPECT_EQ(doc["format"], "layers-model");
  EXPECT_TRUE(doc["convertedBy"].is_null());
  EXPECT_EQ(doc["modelTopology"]["class_name"], "Sequential");
  ASSERT_EQ(doc["weightsManifest"].size(), 1u);
  EXPECT_EQ(doc["weightsManifest"][0]["paths"], json::array({"weights.bin"}));
  // GRU(3) on 5 features, reset_after: kernel (5, 9), recurrent (3, 9), bias (2, 9);
  // GRU(2) on 3 features, reset_after false: bias (6); Dense(3) on 2.
  const json expected = json::parse(R"([
    {"name": "embedding/embeddings", "shape": [11, 5], "dtype": "float32"},
    {"name": "gru/kernel", "shape": [5, 9], "dtype": "float32"},
    {"name": "gru/recurrent_kernel", "shape": [3, 9], "dtype": "float32"},
    {"name": "gru/bias", "shape": [2, 9], "dtype": "float32"},
    {"name": "gru_1/kernel", "shape": [3, 6], "dtype": "float32"},
    {"name": "gru_1/recurrent_kernel", "shape": [2, 6], "dtype": "float32"},
    {"name": "gru_1/bias", "shape": [6], "dtype": "float32"},
    {"name": "dense/kernel", "shape": [2, 3], "dtype": "float32"},
    {"name": "dense/bias", "shape": [3], "dtype": "float32"}])");
  EXPECT_EQ(doc["weightsManifest"][0]["weights"], expected);
  EXPECT_EQ(files.weights_bin.size(), 4u * (55 + 45 + 27 + 18 + 18 + 12 + 6 + 6 + 3));
}

TEST(TfjsSave, WeightsAreLittleEndianFloat32InParamOrder) {
  const ModelSpec spec = parse_model_json(kLstmModel);
  std::vector<float> params(static_cast<size_t>(spec.total_params()), 0.0f);
  params[0] = 1.0f;       // 0x3F800000
  params.back() = -2.5f;  // 0xC0200000: the Dense bias, the last weight
  const std::string bin = save_tfjs(spec, params).weights_bin;
  const unsigned char one[] = {0x00, 0x00, 0x80, 0x3F};
  const unsigned char minus_two_and_half[] = {0x00, 0x00, 0x20, 0xC0};
  EXPECT_EQ(std::memcmp(bin.data(), one, 4), 0);
  EXPECT_EQ(std::memcmp(bin.data() + bin.size() - 4, minus_two_and_half, 4), 0);
}

TEST(TfjsSave, RejectsParamsOfTheWrongSize) {
  const ModelSpec spec = parse_model_json(kLstmModel);
  EXPECT_THROW(save_tfjs(spec, std::vector<float>(3)), ModelError);
}

// ---------------------------------------------------------------------------------------------
// Files written by other tools: converter spelling, other weight order, several shards.

TEST(TfjsLoad, AcceptsCellNamesOtherOrderAndSeveralShards) {
  const ModelSpec spec = parse_model_json(kLstmModel);
  const std::vector<float> params = tricky_params(spec.total_params());
  const TfjsFiles files = save_tfjs(spec, params);
  json doc = json::parse(files.model_json);
  json weights = doc["weightsManifest"][0]["weights"];
  // Flat order: embeddings 80, lstm kernel 48, recurrent 36, bias 12, dense kernel 3, bias 1.
  const size_t offsets[] = {0, 80, 128, 164, 176, 179, 180};
  auto bytes_of = [&](int w) {
    return files.weights_bin.substr(offsets[w] * 4, (offsets[w + 1] - offsets[w]) * 4);
  };
  // Group 1 (split over two files): dense weights first, then the embeddings, named as the
  // converter does ("<model>/<layer>/..." and "<layer>/<cell>/...:0").
  json group1 = {{"paths", {"group1-shard1of2.bin", "sub/group1-shard2of2.bin"}},
                 {"weights", {weights[5], weights[4], weights[0]}}};
  group1["weights"][2]["name"] = "lstm_model/embedding/embeddings";
  // Group 2: the LSTM's weights with the Keras 2 cell name.
  json group2 = {{"paths", {"group2-shard1of1.bin"}},
                 {"weights", {weights[1], weights[2], weights[3]}}};
  group2["weights"][0]["name"] = "lstm/lstm_cell/kernel";
  group2["weights"][1]["name"] = "lstm/lstm_cell/recurrent_kernel:0";
  doc["weightsManifest"] = {group1, group2};
  const std::string g1 = bytes_of(5) + bytes_of(4) + bytes_of(0);
  const std::string g2 = bytes_of(1) + bytes_of(2) + bytes_of(3);

  std::vector<std::string> asked;
  const LoadedModel loaded = load_tfjs(doc.dump(), [&](const std::string& path) -> std::string {
    asked.push_back(path);
    if (path == "group1-shard1of2.bin") return g1.substr(0, 10);
    if (path == "sub/group1-shard2of2.bin") return g1.substr(10);
    if (path == "group2-shard1of1.bin") return g2;
    throw std::runtime_error("unexpected " + path);
  });
  EXPECT_EQ(asked.size(), 3u);
  ASSERT_EQ(loaded.params.size(), params.size());
  EXPECT_EQ(std::memcmp(loaded.params.data(), params.data(), params.size() * 4), 0);
}

TEST(TfjsLoad, ReadsTheConverterNesting) {
  const ModelSpec spec = parse_model_json(kLstmModel);
  const TfjsFiles files = save_tfjs(spec, tricky_params(spec.total_params()));
  json doc = json::parse(files.model_json);
  doc["modelTopology"] = {{"keras_version", "2.15.0"}, {"model_config", doc["modelTopology"]}};
  const LoadedModel loaded =
      load_tfjs(doc.dump(), [&](const std::string&) { return files.weights_bin; });
  expect_same_spec(spec, loaded.spec);
}

// ---------------------------------------------------------------------------------------------
// Corrupt files: each must be refused with a message that says what is wrong.

struct Corruption {
  const char* what;
  std::function<void(json& doc, std::string& bin)> apply;
  const char* message_part;
};

void PrintTo(const Corruption& c, std::ostream* os) { *os << c.what; }

class CorruptFiles : public ::testing::TestWithParam<Corruption> {};

TEST_P(CorruptFiles, RefusedWithAClearMessage) {
  const ModelSpec spec = parse_model_json(kLstmModel);
  const TfjsFiles files = save_tfjs(spec, tricky_params(spec.total_params()));
  json doc = json::parse(files.model_json);
  std::string bin = files.weights_bin;
  GetParam().apply(doc, bin);
  try {
    load_tfjs(doc.dump(), [&](const std::string&) { return bin; });
    FAIL() << GetParam().what << ": loaded without complaint";
  } catch (const ModelError& e) {
    EXPECT_NE(std::string(e.what()).find(GetParam().message_part), std::string::npos)
        << GetParam().what << ": " << e.what();
  }
}

json& weights_of(json& doc) { return doc["weightsManifest"][0]["weights"]; }

// A corruption that gives the second weight (the LSTM's kernel) this "shape".
std::function<void(json&, std::string&)> second_weight_shape(json shape) {
  return [shape](json& d, std::string&) { weights_of(d)[1]["shape"] = shape; };
}

INSTANTIATE_TEST_SUITE_P(
    Cases, CorruptFiles,
    ::testing::Values(
        Corruption{"truncated weights", [](json&, std::string& b) { b.resize(b.size() - 3); },
                   "truncated"},
        Corruption{"empty weights", [](json&, std::string& b) { b.clear(); }, "holds 0 bytes"},
        Corruption{"too long", [](json&, std::string& b) { b += "1234"; }, "longer than described"},
        Corruption{"missing weight",
                   [](json& d, std::string& b) {
                     weights_of(d).erase(5);  // dense/bias, the last one
                     b.resize(b.size() - 4);
                   },
                   "no values for 'dense/bias'"},
        Corruption{"extra weight",
                   [](json& d, std::string& b) {
                     weights_of(d).push_back(
                         {{"name", "dense/gamma"}, {"shape", {1}}, {"dtype", "float32"}});
                     b += std::string(4, '\0');
                   },
                   "no place for: 'dense/gamma'"},
        Corruption{"duplicate weight",
                   [](json& d, std::string&) { weights_of(d)[5]["name"] = "dense/kernel"; },
                   "appears twice"},
        Corruption{"wrong shape", second_weight_shape({12, 4}),
                   "has shape [12,4] but the topology needs [4, 12]"},
        Corruption{"shape not a list", second_weight_shape("4x12"), "the topology needs [4, 12]"},
        Corruption{"negative dimension", second_weight_shape({-4, -12}), "not a list of sizes"},
        Corruption{"topology of another size",
                   [](json& d, std::string&) {
                     d["modelTopology"]["config"]["layers"][1]["config"]["units"] = 4;
                   },
                   "'lstm/kernel' has shape [4,12] but the topology needs [4, 16]"},
        Corruption{"int32 dtype",
                   [](json& d, std::string&) { weights_of(d)[0]["dtype"] = "int32"; },
                   "only \"float32\""},
        Corruption{"float16 dtype",
                   [](json& d, std::string&) { weights_of(d)[2]["dtype"] = "float16"; },
                   "dtype \"float16\""},
        Corruption{"no dtype", [](json& d, std::string&) { weights_of(d)[2].erase("dtype"); },
                   "dtype (none)"},
        Corruption{
            "quantized",
            [](json& d, std::string&) {
              weights_of(d)[0]["quantization"] = {{"dtype", "uint8"}, {"scale", 0.1}, {"min", -1}};
            },
            "quantized"},
        Corruption{"NaN value",
                   [](json&, std::string& b) {
                     const unsigned char nan_bits[] = {0x00, 0x00, 0xC0, 0x7F};
                     std::memcpy(&b[4 * 100], nan_bits, 4);  // an LSTM kernel entry
                   },
                   "'lstm/kernel' holds a non-finite value (NaN or infinity) at index 20"},
        Corruption{"not an object", [](json& d, std::string&) { d = "layers-model"; },
                   "expected a JSON object"},
        Corruption{"graph model", [](json& d, std::string&) { d["format"] = "graph-model"; },
                   "graph-model"},
        Corruption{"no topology", [](json& d, std::string&) { d.erase("modelTopology"); },
                   "no \"modelTopology\""},
        Corruption{"invalid topology",
                   [](json& d, std::string&) {
                     d["modelTopology"]["config"]["layers"][1]["class_name"] = "ConvLSTM2D";
                   },
                   "ConvLSTM2D"},
        Corruption{"no manifest", [](json& d, std::string&) { d.erase("weightsManifest"); },
                   "no \"weightsManifest\""},
        Corruption{"manifest group not an object",
                   [](json& d, std::string&) { d["weightsManifest"][0] = 3; },
                   "weightsManifest[0] must be an object"},
        Corruption{"weight without a name",
                   [](json& d, std::string&) { weights_of(d)[0].erase("name"); },
                   "no \"name\" string"},
        Corruption{"no paths",
                   [](json& d, std::string&) { d["weightsManifest"][0]["paths"] = json::array(); },
                   "no file holding them"}),
    [](const ::testing::TestParamInfo<Corruption>& info) {
      std::string name = info.param.what;
      for (char& c : name)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
      return name;
    });

TEST(TfjsLoad, RefusesTruncatedModelJson) {
  const ModelSpec spec = parse_model_json(kLstmModel);
  const TfjsFiles files = save_tfjs(spec, tricky_params(spec.total_params()));
  const std::string cut = files.model_json.substr(0, files.model_json.size() / 2);
  try {
    load_tfjs(cut, [&](const std::string&) { return files.weights_bin; });
    FAIL() << "half a model.json loaded";
  } catch (const ModelError& e) {
    EXPECT_NE(std::string(e.what()).find("not valid JSON"), std::string::npos) << e.what();
  }
}

class UnsafeShardPath : public ::testing::TestWithParam<const char*> {};

TEST_P(UnsafeShardPath, RefusedBeforeAnyRead) {
  const ModelSpec spec = parse_model_json(kLstmModel);
  const TfjsFiles files = save_tfjs(spec, tricky_params(spec.total_params()));
  json doc = json::parse(files.model_json);
  doc["weightsManifest"][0]["paths"] = {GetParam()};
  bool read = false;
  try {
    load_tfjs(doc.dump(), [&](const std::string&) {
      read = true;
      return files.weights_bin;
    });
    FAIL() << "path " << GetParam() << " accepted";
  } catch (const ModelError& e) {
    EXPECT_NE(std::string(e.what()).find("refused"), std::string::npos) << e.what();
  }
  EXPECT_FALSE(read);
  EXPECT_NE(shard_path_problem(GetParam()), "");
}

INSTANTIATE_TEST_SUITE_P(Paths, UnsafeShardPath,
                         ::testing::Values("/etc/passwd", "../weights.bin", "a/../../weights.bin",
                                           "..", "https://example.com/weights.bin",
                                           "file:weights.bin", "C:/weights.bin", "sub\\weights.bin",
                                           "", "~/weights.bin", "a//b.bin", "sub/",
                                           "weights.bin?x=1", "we\nights.bin"));

TEST(ShardPath, PlainRelativePathsAreAccepted) {
  for (const char* path :
       {"weights.bin", "group1-shard1of2.bin", "sub/dir/w_1.bin", "./weights.bin"}) {
    EXPECT_EQ(shard_path_problem(path), "") << path;
  }
}

TEST(TfjsLoad, ReadShardErrorsReachTheCaller) {
  const ModelSpec spec = parse_model_json(kLstmModel);
  const TfjsFiles files = save_tfjs(spec, tricky_params(spec.total_params()));
  EXPECT_THROW(
      load_tfjs(files.model_json,
                [](const std::string&) -> std::string { throw std::runtime_error("no file"); }),
      std::runtime_error);
}

TEST(TfjsCompatibility, NotesGruResetAfterOnly) {
  EXPECT_EQ(tfjs_compatibility_note(parse_model_json(kLstmModel)), "");
  EXPECT_EQ(tfjs_compatibility_note(parse_model_json(kOneHotModel)), "");
  const std::string note = tfjs_compatibility_note(parse_model_json(kGruStackModel));
  EXPECT_NE(note.find("GRU layer 'gru' uses reset_after=True"), std::string::npos) << note;
  EXPECT_EQ(note.find("gru_1"), std::string::npos) << note;  // reset_after false loads in TF.js
}

}  // namespace
}  // namespace rnn
