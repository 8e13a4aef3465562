// Regression tests for what an outside review found by fuzzing (issue 13), and for the checks that
// make that class of bug impossible: sizes in 64 bits with checked arithmetic before any
// allocation, every number range-checked where it enters. Each test names the bug it guards.

#include <gtest/gtest.h>

#include <climits>
#include <cmath>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <string>

#include "engine/kernels/fast_math.hpp"
#include "engine/model_json.hpp"
#include "engine/network.hpp"
#include "engine/pack.hpp"
#include "engine/tfjs_format.hpp"

namespace rnn {
namespace {

std::string sequential(const std::string& layers) {
  return R"({"class_name":"Sequential","config":{"name":"m","layers":[)" + layers + "]}}";
}

const std::string kInput =
    R"({"class_name":"InputLayer","config":{"batch_input_shape":[null,10]}},)";
const std::string kEmbedding =
    R"({"class_name":"Embedding","config":{"name":"emb","input_dim":50,"output_dim":16}},)";

// The ModelError message of parse_model_json(text); fails the test when it is accepted or when
// anything but a ModelError escapes.
std::string rejection(const std::string& text) {
  try {
    parse_model_json(text);
  } catch (const ModelError& e) {
    return e.what();
  } catch (const std::exception& e) {
    ADD_FAILURE() << "escaped as a non-ModelError exception: " << e.what();
    return "";
  }
  ADD_FAILURE() << "accepted";
  return "";
}

// Bug (a): gate_count(kind) * layer.units was an int. For an LSTM of 2^30 units it wrapped to 0,
// so the layer counted 0 parameters, passed the 50 M limit, and initialisation wrote past a buffer.
TEST(Hardening, LstmOfTwoToTheThirtyUnitsIsRefused) {
  const std::string msg =
      rejection(sequential(kInput + kEmbedding +
                           R"({"class_name":"LSTM","config":{"name":"lstm","units":1073741824}})"));
  EXPECT_NE(msg.find("LSTM layer 'lstm'"), std::string::npos) << msg;
  EXPECT_NE(msg.find("units=1073741824"), std::string::npos) << msg;
  EXPECT_NE(msg.find("too large"), std::string::npos) << msg;
}

// The same bug's other face: units whose 4·units exceeds 2^31 gave negative counts.
TEST(Hardening, UnitsJustBeyondTheLimitAreRefusedNotWrapped) {
  for (const char* units : {"715827883", "536870912", "50000001"}) {
    SCOPED_TRACE(units);
    const std::string msg = rejection(
        sequential(kInput + kEmbedding + R"({"class_name":"GRU","config":{"name":"gru","units":)" +
                   units + "}}"));
    EXPECT_NE(msg.find(std::string("units=") + units), std::string::npos) << msg;
  }
}

// Without validation (a ModelSpec built by hand), counts are still exact or refused, never wrapped.
TEST(Hardening, ParameterCountsOfUnvalidatedSpecsAreExactOrRefused) {
  LayerSpec lstm;
  lstm.kind = LayerKind::LSTM;
  lstm.name = "lstm";
  lstm.units = 1 << 30;
  lstm.input_shape.features = 16;
  EXPECT_THROW(param_count(lstm), ModelError);  // 4 · 2^30 columns do not fit an int dimension

  LayerSpec rnn = lstm;
  rnn.kind = LayerKind::SimpleRNN;  // 2^30 columns: the count fits in 64 bits, exactly
  const int64_t u = int64_t(1) << 30;
  EXPECT_EQ(param_count(rnn), 16 * u + u * u + u);

  // Three Dense layers of INT_MAX units: each about 2^62 parameters, together beyond 2^63.
  ModelSpec wide;
  for (int i = 0; i < 3; ++i) {
    LayerSpec d;
    d.kind = LayerKind::Dense;
    d.name = "d" + std::to_string(i);
    d.units = INT_MAX;
    d.input_shape.features = INT_MAX;
    wide.layers.push_back(d);
  }
  EXPECT_EQ(param_count(wide.layers[0]), int64_t(INT_MAX) * INT_MAX + INT_MAX);
  EXPECT_THROW(wide.total_params(), ModelError);
  EXPECT_THROW(wide.param_offset(3), ModelError);
}

// Many layers each under the per-layer limit must not add up past what memory can hold.
TEST(Hardening, WholeModelParameterLimit) {
  std::string layers =
      kInput +
      R"({"class_name":"Embedding","config":{"name":"e","input_dim":40000,"output_dim":1000}},)";
  layers += R"({"class_name":"Dense","config":{"name":"d1","units":1000}},)";
  for (int i = 2; i <= 40; ++i)
    layers +=
        R"({"class_name":"Dense","config":{"name":"d)" + std::to_string(i) + R"(","units":1000}},)";
  layers += R"({"class_name":"Dense","config":{"name":"out","units":1}})";
  const std::string msg = rejection(sequential(layers));
  EXPECT_NE(msg.find("for the whole model"), std::string::npos) << msg;
}

// Bug (b): a number beyond double (1e999) escaped as nlohmann's raw out_of_range message.
TEST(Hardening, NumberBeyondDoubleIsAModelError) {
  for (
      const std::string& field :
      {std::string(R"("units":1e999)"), std::string(R"("units":8,"dropout":-1e400)"),
       std::string(
           R"("units":8,"kernel_initializer":{"class_name":"Constant","config":{"value":1E+999}})")}) {
    SCOPED_TRACE(field);
    const std::string msg = rejection(sequential(
        kInput + kEmbedding + R"({"class_name":"LSTM","config":{"name":"l",)" + field + "}}"));
    EXPECT_NE(msg.find("too large for a double"), std::string::npos) << msg;
    EXPECT_EQ(msg.find("json.exception"), std::string::npos) << msg;
  }
}

// Bug (c): a Constant initializer of 1e300 became +inf in float32: `init` wrote a model that
// `predict` refused. Now refused where it enters, naming the layer and the initializer.
TEST(Hardening, InitializerSettingsFloatCannotHoldAreRefused) {
  const char* cases[][2] = {
      {R"("kernel_initializer":{"class_name":"Constant","config":{"value":1e300}})",
       "kernel_initializer"},
      {R"("bias_initializer":{"class_name":"RandomNormal","config":{"mean":0,"stddev":-1e39}})",
       "bias_initializer"},
      {R"("kernel_initializer":{"class_name":"RandomUniform","config":{"minval":-1e31,"maxval":0}})",
       "kernel_initializer"},
      {R"("kernel_initializer":{"class_name":"Orthogonal","config":{"gain":1e100}})",
       "kernel_initializer"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c[0]);
    const std::string msg = rejection(
        sequential(kInput + kEmbedding +
                   R"({"class_name":"Dense","config":{"name":"d","units":3,)" + c[0] + "}}"));
    EXPECT_NE(msg.find("Dense layer 'd'"), std::string::npos) << msg;
    EXPECT_NE(msg.find(c[1]), std::string::npos) << msg;
    EXPECT_NE(msg.find("float32"), std::string::npos) << msg;
  }
  // A setting that is not a number was silently replaced by the default; now it is named.
  const std::string msg = rejection(
      sequential(kInput + kEmbedding + R"({"class_name":"Dense","config":{"name":"d","units":3,)" +
                 R"("kernel_initializer":{"class_name":"Constant","config":{"value":"big"}}}})"));
  EXPECT_NE(msg.find("value must be a number"), std::string::npos) << msg;
}

// Found by the long fuzz run (docs/fuzzing.md): an Orthogonal bias passed validation and was
// refused only when the weights were drawn. Validation refuses it now, for Dense and recurrent
// layers; without a bias (use_bias false) the setting is unused and accepted.
TEST(Hardening, OrthogonalBiasIsRefusedByValidation) {
  for (const std::string layer : {R"({"class_name":"Dense","config":{"name":"d","units":3,)",
                                  R"({"class_name":"LSTM","config":{"name":"d","units":3,)"}) {
    SCOPED_TRACE(layer);
    const std::string msg = rejection(
        sequential(kInput + kEmbedding + layer +
                   R"("bias_initializer":{"class_name":"Orthogonal","config":{"gain":1}}}})"));
    EXPECT_NE(msg.find("layer 'd': bias_initializer Orthogonal"), std::string::npos) << msg;
  }
  const ModelSpec spec = parse_model_json(
      sequential(kInput + kEmbedding +
                 R"({"class_name":"Dense","config":{"name":"d","units":3,"use_bias":false,)" +
                 R"("bias_initializer":{"class_name":"Orthogonal","config":{"gain":1}}}})"));
  Network<float> network(spec);
  network.initialize(1);
}

// At the limit the weights are finite floats, exactly the setting.
TEST(Hardening, InitializerSettingAtTheLimitGivesFiniteWeights) {
  const ModelSpec spec = parse_model_json(
      sequential(kInput + kEmbedding + R"({"class_name":"Dense","config":{"name":"d","units":3,)" +
                 R"("kernel_initializer":{"class_name":"Constant","config":{"value":-1e30}}}})"));
  Network<float> net(spec);
  net.initialize(0);
  const int64_t kernel_at = spec.param_offset(1);
  for (int64_t i = 0; i < 16 * 3; ++i) EXPECT_EQ(net.params()[size_t(kernel_at + i)], -1e30f);
}

// Bug (d): NaN reaching fast_exp shifted a garbage signed integer ((n + 127) << 23), undefined
// behaviour; the sanitizer build (build/asan, -fno-sanitize-recover) stops on it. NaN of either
// sign and any payload must give NaN, through the scalar forms the array loops' tails use.
TEST(Hardening, FastExpOfNaNIsNaNWithoutUndefinedShift) {
  for (uint32_t bits : {0x7fc00000u, 0xffc00000u, 0x7f800001u, 0xffffffffu, 0x7fffffffu}) {
    float nan;
    std::memcpy(&nan, &bits, 4);
    ASSERT_TRUE(std::isnan(nan));
    EXPECT_TRUE(std::isnan(kernels::fast_exp(nan))) << std::hex << bits;
    EXPECT_TRUE(std::isnan(kernels::fast_sigmoid(nan))) << std::hex << bits;
  }
  // In range, the unsigned arithmetic gives the values of the signed form: e^±87 exactly as
  // before (2^±125.5 · e^r), and e^0 = 1.
  EXPECT_EQ(kernels::fast_exp(0.0f), 1.0f);
  EXPECT_NEAR(kernels::fast_exp(87.0f) / std::exp(87.0), 1.0, 3e-7);
  EXPECT_NEAR(kernels::fast_exp(-87.0f) / std::exp(-87.0), 1.0, 3e-7);
}

// A model with input length None reads reviews of any length; a length that would make a layer
// keep more than kMaxValuesPerReview values is refused before the forward pass allocates.
TEST(Hardening, ReviewLengthIsCheckedBeforeTheForwardPass) {
  const ModelSpec spec = parse_model_json(sequential(
      R"({"class_name":"InputLayer","config":{"batch_input_shape":[null,null]}},)" + kEmbedding +
      R"({"class_name":"LSTM","config":{"name":"lstm","units":64}},{"class_name":"Dense","config":{"name":"d","units":1}})"));
  Network<float> net(spec);
  Rng rng(0);
  TokenBatch x;
  x.batch = 1;
  x.time = 70000;  // 70000 steps × 4 · 64 gate values > 2^24
  x.ids.assign(size_t(x.time), 1);
  try {
    net.forward(x, false, rng);
    ADD_FAILURE() << "accepted";
  } catch (const ModelError& e) {
    EXPECT_NE(std::string(e.what()).find("LSTM layer 'lstm'"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("shorter input length"), std::string::npos) << e.what();
  }
  // And a fixed input length is checked when the model is read.
  const std::string msg = rejection(
      sequential(R"({"class_name":"InputLayer","config":{"batch_input_shape":[null,100000]}},)" +
                 kEmbedding + R"({"class_name":"LSTM","config":{"name":"lstm","units":64}})"));
  EXPECT_NE(msg.find("values per review"), std::string::npos) << msg;
}

// A 96 KB pack of 32,000 empty reviews declares the largest stored length: at maxlen 65535 it
// asked read_pack for 32,000 × 65,535 int32 ids, 8.4 GB. Refused before allocating, with the
// largest maxlen that fits; a small maxlen still decodes (all padding).
TEST(Hardening, SmallPackCannotAskForGigabytes) {
  PackContents contents;
  contents.vocab_size = 10;
  contents.stored_length = kPackMaxStoredLength;
  contents.train.sequences.assign(32000, {});
  contents.train.labels.assign(32000, 0);
  const std::string pack = write_pack(contents);
  ASSERT_LT(pack.size(), 100u * 1024u);
  const auto* bytes = reinterpret_cast<const uint8_t*>(pack.data());
  try {
    read_pack(bytes, pack.size(), 10, kPackMaxStoredLength);
    ADD_FAILURE() << "accepted";
  } catch (const ModelError& e) {
    const std::string msg = e.what();
    EXPECT_NE(msg.find("maxlen 65535"), std::string::npos) << msg;
    EXPECT_NE(msg.find("choose maxlen 2097 or less"), std::string::npos) << msg;  // 2^26 / 32000
  }
  const DataSplits splits = read_pack(bytes, pack.size(), 10, 4);
  EXPECT_EQ(splits.train.count, 32000);
  EXPECT_EQ(splits.train.ids, std::vector<int32_t>(size_t(32000) * 4, 0));
}

// The TF.js loader refuses deep nesting before parsing: its messages dump() values, which nlohmann
// does recursively, so a megabyte of '[' overflowed the stack.
TEST(Hardening, TfjsModelJsonNestingIsBoundedBeforeParsing) {
  const std::string deep =
      R"({"modelTopology": )" + std::string(200000, '[') + std::string(200000, ']') + "}";
  try {
    load_tfjs(deep, [](const std::string&) -> std::string {
      throw std::runtime_error("no file should be read");
    });
    ADD_FAILURE() << "accepted";
  } catch (const ModelError& e) {
    EXPECT_NE(std::string(e.what()).find("nested more than 64 levels"), std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace rnn
