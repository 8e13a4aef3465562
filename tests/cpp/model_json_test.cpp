// Parameter counts of every curriculum model (CURRICULUM.md's table, typed in below as the
// independent expectation), in each JSON spelling users paste; and invalid models rejected with a
// message that says what to change.

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "engine/model_json.hpp"
#include "engine/summary.hpp"

using nlohmann::json;
using rnn::ModelError;
using rnn::parse_model_json;

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << path;
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

json presets() {
  return json::parse(slurp(std::string(RNN_TEST_DATA_DIR) + "/../../web/src/presets/presets.json"));
}

// The four spellings, made from a Keras-2-style model with an InputLayer first.
std::map<std::string, std::string> spellings(const json& keras2) {
  std::map<std::string, std::string> out;
  out["keras2"] = keras2.dump();

  json k3 = keras2;
  k3["module"] = "keras";
  k3["registered_name"] = nullptr;
  for (auto& l : k3["config"]["layers"]) {
    l["module"] = "keras.layers";
    l["registered_name"] = nullptr;
    if (l["class_name"] == "InputLayer") {
      l["config"]["batch_shape"] = l["config"]["batch_input_shape"];
      l["config"].erase("batch_input_shape");
    }
  }
  out["keras3"] = k3.dump();

  json topo = keras2;
  auto& layers = topo["config"]["layers"];
  json shape = layers[0]["config"]["batch_input_shape"];
  layers.erase(layers.begin());
  layers[0]["config"]["batch_input_shape"] = shape;
  out["tfjs-topology"] = topo.dump();

  out["tfjs-model-json"] = json{
      {"format", "layers-model"},
      {"modelTopology", {{"model_config", keras2}}},
      {"weightsManifest",
       json::array()}}.dump();
  out["tfjs-model-json-flat"] =
      json{{"modelTopology", topo}, {"weightsManifest", json::array()}}.dump();
  return out;
}

struct Expected {
  std::vector<int64_t> per_layer;
  int64_t total;
};

// CURRICULUM.md, "Models and the parameter counts Keras printed".
const std::map<std::string, Expected> kCurriculum = {
    {"onehot-simplernn-500", {{4072, 9}, 4081}},
    {"embedding-simplernn-500", {{8000, 200, 9}, 8209}},
    {"onehot-simplernn-200", {{1672, 9}, 1681}},
    {"embedding-simplernn-200", {{3200, 200, 9}, 3409}},
    {"lstm", {{8000, 800, 9}, 8809}},
    {"lstm-dropout", {{8000, 800, 9}, 8809}},
    {"lstm-2layer", {{8000, 800, 544, 9}, 9353}},
    {"gru", {{8000, 624, 9}, 8633}},
    {"blog-simplernn", {{320000, 2080, 33}, 322113}},
    {"blog-simplernn-4", {{320000, 2080, 2080, 2080, 2080}, 328320}},
    {"blog-lstm", {{20000, 4480, 33}, 24513}},
    {"reuters-gru", {{2560000, 394752, 148224, 5934}, 3108910}},
    // Long memory (one-hot, 35 ids, 200 steps), by Keras' formulas: SimpleRNN 8 × (35 + 8 + 1),
    // LSTM 4 × 8 × (35 + 8 + 1), GRU (reset_after) 3 × 8 × (35 + 8 + 2); Dense 8 × 1 + 1.
    {"long-memory-simplernn", {{352, 9}, 361}},
    {"long-memory-lstm", {{1408, 9}, 1417}},
    {"long-memory-gru", {{1080, 9}, 1089}},
};

}  // namespace

TEST(Curriculum, EveryPresetInEverySpellingCountsAsKeras) {
  const json all = presets();
  ASSERT_EQ(all.size(), kCurriculum.size());
  for (const auto& p : all) {
    const std::string id = p["id"];
    ASSERT_TRUE(kCurriculum.count(id)) << id;
    const Expected& want = kCurriculum.at(id);
    for (const auto& [spelling, text] : spellings(p["model"])) {
      SCOPED_TRACE(id + " as " + spelling);
      const rnn::ModelSpec m = parse_model_json(text);
      std::vector<int64_t> got;
      for (const auto& l : m.layers)
        if (l.kind != rnn::LayerKind::Dropout) got.push_back(rnn::param_count(l));
      EXPECT_EQ(got, want.per_layer);
      EXPECT_EQ(m.total_params(), want.total);
    }
  }
}

TEST(Curriculum, SharedReferenceSpellingsSay8809) {
  for (const char* f : {"lstm_keras2.json", "lstm_keras3.json", "lstm_tfjs_topology.json",
                        "lstm_tfjs_converter_model.json"}) {
    SCOPED_TRACE(f);
    const auto m = parse_model_json(slurp(std::string(RNN_TEST_DATA_DIR) + "/keras-json/" + f));
    EXPECT_EQ(m.total_params(), 8809);
    EXPECT_EQ(m.input_length, 100);
    ASSERT_EQ(m.layers.size(), 3u);
    EXPECT_EQ(rnn::shape_string(m.layers[0].output_shape), "(None, 100, 16)");
    EXPECT_EQ(rnn::shape_string(m.layers[1].output_shape), "(None, 8)");
    EXPECT_EQ(rnn::shape_string(m.layers[2].output_shape), "(None, 1)");
    EXPECT_TRUE(m.layers[1].unit_forget_bias);
    EXPECT_EQ(m.layers[1].recurrent_activation, rnn::Activation::Sigmoid);
  }
}

TEST(Summary, TextHasKerasColumnsAndTotals) {
  const auto m =
      parse_model_json(slurp(std::string(RNN_TEST_DATA_DIR) + "/keras-json/lstm_keras3.json"));
  const std::string text = rnn::summary_text(rnn::summarize(m));
  EXPECT_NE(text.find("Layer (type)"), std::string::npos);
  EXPECT_NE(text.find("Output Shape"), std::string::npos);
  EXPECT_NE(text.find("Param #"), std::string::npos);
  EXPECT_NE(text.find(" lstm (LSTM)"), std::string::npos);
  EXPECT_NE(text.find("\nTotal params: 8,809\n"), std::string::npos);
  EXPECT_NE(text.find("\nTrainable params: 8,809\n"), std::string::npos);
  EXPECT_NE(text.find("\nNon-trainable params: 0\n"), std::string::npos);
}

TEST(Summary, FormulasFillInTheNumbers) {
  const json all = presets();
  std::map<std::string, std::vector<std::string>> want = {
      {"lstm", {"500 × 16 = 8,000", "4 × 8 × (16 + 8 + 1) = 800", "8 × 1 + 1 = 9"}},
      {"gru", {"500 × 16 = 8,000", "3 × 8 × (16 + 8 + 2) = 624", "8 × 1 + 1 = 9"}},
      {"onehot-simplernn-500", {"8 × (500 + 8 + 1) = 4,072", "8 × 1 + 1 = 9"}},
  };
  for (const auto& p : all) {
    if (!want.count(p["id"])) continue;
    const auto s = rnn::summarize(parse_model_json(p["model"].dump()));
    std::vector<std::string> got;
    for (const auto& r : s.rows) got.push_back(r.formula);
    EXPECT_EQ(got, want[p["id"]]) << p["id"];
  }
}

TEST(Shapes, ReturnSequencesAndDenseOnSequences) {
  const auto m = parse_model_json(R"({"class_name":"Sequential","config":{"layers":[
    {"class_name":"Embedding","config":{"name":"e","input_dim":50,"output_dim":4,"batch_input_shape":[null,7]}},
    {"class_name":"GRU","config":{"name":"g","units":5,"return_sequences":true,"reset_after":false}},
    {"class_name":"Dense","config":{"name":"d","units":3,"activation":"relu"}},
    {"class_name":"Dropout","config":{"name":"drop","rate":0.5}},
    {"class_name":"SimpleRNN","config":{"name":"s","units":2}}]}})");
  ASSERT_EQ(m.layers.size(), 5u);
  EXPECT_EQ(rnn::shape_string(m.layers[1].output_shape), "(None, 7, 5)");
  EXPECT_EQ(rnn::param_count(m.layers[1]), 3 * 5 * (4 + 5 + 1));
  EXPECT_EQ(rnn::shape_string(m.layers[2].output_shape), "(None, 7, 3)");
  EXPECT_EQ(rnn::param_count(m.layers[2]), 5 * 3 + 3);
  EXPECT_EQ(rnn::shape_string(m.layers[3].output_shape), "(None, 7, 3)");
  EXPECT_EQ(rnn::shape_string(m.layers[4].output_shape), "(None, 2)");
  EXPECT_EQ(rnn::param_count(m.layers[4]), 2 * (3 + 2 + 1));
}

TEST(Shapes, UnknownLengthAndOptionsWithoutBias) {
  const auto m = parse_model_json(R"({"class_name":"Sequential","config":{"layers":[
    {"class_name":"InputLayer","config":{"batch_shape":[null,null]}},
    {"class_name":"Embedding","config":{"name":"e","input_dim":10,"output_dim":3}},
    {"class_name":"LSTM","config":{"name":"l","units":2,"use_bias":false,"unroll":true,"implementation":1}},
    {"class_name":"Dense","config":{"name":"d","units":1,"use_bias":false}}]}})");
  EXPECT_EQ(m.input_length, -1);
  EXPECT_EQ(rnn::shape_string(m.layers[0].output_shape), "(None, None, 3)");
  EXPECT_EQ(rnn::param_count(m.layers[1]), 4 * 2 * (3 + 2));
  EXPECT_EQ(rnn::param_count(m.layers[2]), 2);
}

TEST(Parse, HardSigmoidSpellingFollowsKerasVersion) {
  const std::string k2 = R"({"class_name":"Sequential","config":{"layers":[
    {"class_name":"Embedding","config":{"name":"e","input_dim":10,"output_dim":3,"batch_input_shape":[null,4]}},
    {"class_name":"GRU","config":{"name":"g","units":2,"recurrent_activation":"hard_sigmoid"}}]}})";
  EXPECT_EQ(parse_model_json(k2).layers[1].recurrent_activation, rnn::Activation::HardSigmoid);
  json k3 = json::parse(k2);
  k3["module"] = "keras";
  EXPECT_EQ(parse_model_json(k3.dump()).layers[1].recurrent_activation,
            rnn::Activation::HardSigmoidKeras3);
  // model_to_json keeps each formula when read back.
  EXPECT_EQ(parse_model_json(rnn::model_to_json(parse_model_json(k3.dump())))
                .layers[1]
                .recurrent_activation,
            rnn::Activation::HardSigmoidKeras3);
  EXPECT_EQ(
      parse_model_json(rnn::model_to_json(parse_model_json(k2))).layers[1].recurrent_activation,
      rnn::Activation::HardSigmoid);
}

TEST(Summary, SaysWhenTfjsCannotLoadTheModel) {
  const json all = presets();
  for (const auto& p : all) {
    const auto s = rnn::summarize(parse_model_json(p["model"].dump()));
    const bool has_gru = p["model"].dump().find("GRU") != std::string::npos;
    std::string notes;
    for (const auto& n : s.notes) notes += n;
    EXPECT_EQ(notes.find("reset_after") != std::string::npos, has_gru) << p["id"];
  }
}

TEST(Parse, ModelToJsonRoundTrips) {
  for (const auto& p : presets()) {
    const auto a = parse_model_json(p["model"].dump());
    const auto b = parse_model_json(rnn::model_to_json(a));
    EXPECT_EQ(rnn::summary_text(rnn::summarize(a)), rnn::summary_text(rnn::summarize(b)))
        << p["id"];
    EXPECT_EQ(a.one_hot, b.one_hot);
    EXPECT_EQ(a.input_length, b.input_length);
  }
}

// ---------------------------------------------------------------------------------------------
// Invalid models: each must be rejected with a ModelError whose message contains the fragments
// that tell the user what is wrong and what to change.

namespace {

std::string seq(const std::string& layers) {
  return R"({"class_name":"Sequential","config":{"layers":[)" + layers + "]}}";
}
const std::string kIn = R"({"class_name":"InputLayer","config":{"batch_input_shape":[null,100]}},)";
const std::string kEmb =
    R"({"class_name":"Embedding","config":{"name":"embedding","input_dim":500,"output_dim":16}},)";
const std::string kDense =
    R"({"class_name":"Dense","config":{"name":"dense","units":1,"activation":"sigmoid"}})";

// A model of an InputLayer, kEmb and one layer of class `cls` with these config settings.
std::string after_embedding(const std::string& cls, const std::string& settings) {
  return seq(kIn + kEmb + R"({"class_name":")" + cls + R"(","config":{)" + settings + "}}");
}

struct BadCase {
  const char* label;
  std::string json;
  std::vector<std::string> fragments;
};

std::vector<BadCase> bad_cases() {
  return {
      {"not json", "{ not json", {"not valid JSON"}},
      {"empty text", "", {"not valid JSON"}},
      {"array root", "[1,2]", {"must be an object"}},
      {"functional model",
       R"({"class_name":"Functional","config":{"layers":[]}})",
       {"Sequential", "Functional"}},
      {"no layers", seq(""), {"no layers"}},
      {"only input",
       seq(R"({"class_name":"InputLayer","config":{"batch_input_shape":[null,100]}})"),
       {"no layers"}},
      {"unsupported layer",
       after_embedding("Conv1D", R"("name":"c")"),
       {"Conv1D", "not supported", "LSTM"}},
      {"recurrent on vector",
       seq(kIn + kEmb + R"({"class_name":"LSTM","config":{"name":"lstm","units":8}},)" +
           R"({"class_name":"LSTM","config":{"name":"lstm_1","units":8}})"),
       {"LSTM layer 'lstm_1'", "needs a sequence", "return_sequences", "'lstm'"}},
      {"embedding not first",
       after_embedding("Embedding", R"("name":"e2","input_dim":5,"output_dim":2)"),
       {"Embedding layer 'e2'", "first"}},
      {"zero units",
       after_embedding("LSTM", R"("name":"lstm","units":0)"),
       {"lstm", "units", "units=0"}},
      {"negative units", after_embedding("GRU", R"("name":"gru","units":-3)"), {"gru", "units=-3"}},
      {"fractional units",
       after_embedding("GRU", R"("name":"gru","units":2.5)"),
       {"whole number", "units=2.5"}},
      {"string units", after_embedding("GRU", R"("name":"gru","units":"8")"), {"whole number"}},
      {"huge units", after_embedding("GRU", R"("name":"gru","units":1e15)"), {"too large"}},
      {"over 50M params",
       seq(kIn +
           R"({"class_name":"Embedding","config":{"name":"big","input_dim":1000000,"output_dim":64}})"),
       {"big", "64000000", "limit"}},
      {"dropout 1",
       after_embedding("LSTM", R"("name":"lstm","units":8,"dropout":1.0)"),
       {"dropout", "[0, 1)", "dropout=1"}},
      {"recurrent dropout negative",
       after_embedding("LSTM", R"("name":"lstm","units":8,"recurrent_dropout":-0.1)"),
       {"recurrent_dropout", "[0, 1)"}},
      {"dropout layer rate",
       after_embedding("Dropout", R"("name":"dr","rate":1.5)"),
       {"Dropout layer 'dr'", "rate"}},
      {"duplicate names",
       after_embedding("Dense", R"("name":"embedding","units":1)"),
       {"embedding", "unique"}},
      {"mask_zero",
       seq(kIn +
           R"({"class_name":"Embedding","config":{"name":"e","input_dim":5,"output_dim":2,"mask_zero":true}})"),
       {"mask_zero", "false"}},
      {"return_state",
       after_embedding("LSTM", R"("name":"lstm","units":8,"return_state":true)"),
       {"return_state"}},
      {"go_backwards",
       after_embedding("GRU", R"("name":"g","units":8,"go_backwards":true)"),
       {"go_backwards"}},
      {"stateful",
       after_embedding("SimpleRNN", R"("name":"s","units":8,"stateful":true)"),
       {"stateful"}},
      {"regularizer",
       after_embedding("Dense", R"("name":"d","units":1,"kernel_regularizer":{"class_name":"L2"})"),
       {"kernel_regularizer", "null"}},
      {"constraint",
       after_embedding("Dense",
                       R"("name":"d","units":1,"kernel_constraint":{"class_name":"MaxNorm"})"),
       {"kernel_constraint"}},
      {"unknown activation",
       after_embedding("Dense", R"("name":"d","units":1,"activation":"swish")"),
       {"swish", "not supported"}},
      {"unknown initializer",
       after_embedding("Dense", R"("name":"d","units":1,"kernel_initializer":"Magic")"),
       {"Magic", "initializer"}},
      {"one-hot without vocab",
       seq(kIn + R"({"class_name":"SimpleRNN","config":{"name":"s","units":8}},)" + kDense),
       {"SimpleRNN layer 's'", "one-hot", "[null, 100, 500]"}},
      {"dropout first",
       seq(R"({"class_name":"Dropout","config":{"name":"d","rate":0.1,"batch_input_shape":[null,10]}})"),
       {"cannot be the first layer"}},
      {"embedding on 3-D",
       seq(R"({"class_name":"InputLayer","config":{"batch_input_shape":[null,100,5]}},)" + kEmb +
           kDense),
       {"Embedding", "third axis"}},
      {"bad input shape",
       seq(R"({"class_name":"InputLayer","config":{"batch_input_shape":[null,0]}},)" + kEmb +
           kDense),
       {"out of range"}},
      {"second input layer", seq(kIn + kEmb + kIn + kDense), {"InputLayer can only come first"}},
      {"layers not a list",
       R"({"class_name":"Sequential","config":{"layers":{"a":1}}})",
       {"layers"}},
      {"layer without class", seq(R"({"config":{}})"), {"class_name"}},
      {"trainable false",
       after_embedding("Dense", R"("name":"d","units":1,"trainable":false)"),
       {"trainable"}},
      {"bool as number",
       after_embedding("LSTM", R"("name":"l","units":8,"return_sequences":1)"),
       {"return_sequences", "true or false"}},
      {"deep nesting", std::string(100000, '[') + std::string(100000, ']'), {"nested"}},
  };
}

}  // namespace

TEST(Invalid, EveryBadModelIsRejectedWithAHelpfulMessage) {
  const auto cases = bad_cases();
  ASSERT_GE(cases.size(), 20u);
  for (const auto& c : cases) {
    SCOPED_TRACE(c.label);
    try {
      parse_model_json(c.json);
      ADD_FAILURE() << "accepted";
    } catch (const ModelError& e) {
      const std::string msg = e.what();
      for (const auto& f : c.fragments)
        EXPECT_NE(msg.find(f), std::string::npos) << "missing '" << f << "' in: " << msg;
    }
  }
}
