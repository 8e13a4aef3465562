#pragma once
// The validated description of a Sequential model: what every other part of the engine consumes.
// Produced from Keras / TF.js JSON by parse_model_json (model_json.hpp), which checks every rule;
// code that receives a ModelSpec may trust it.

#include <array>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/enum_names.hpp"

namespace rnn {

// Every user-facing error of the engine: the message names the layer, the field, the value
// received and what to change. A coded one (messages.hpp: fail_with) also carries its code (its
// position in messages.def) and parameters, which the bindings pass to the page for its Korean.
class ModelError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
  ModelError(int code, std::vector<std::string> params, const std::string& english)
      : std::runtime_error(english), code_(code), params_(std::move(params)) {}
  int code() const { return code_; }  // -1: no code (shown as the English text)
  const std::vector<std::string>& params() const { return params_; }

 private:
  int code_ = -1;
  std::vector<std::string> params_;
};

enum class LayerKind { Embedding, SimpleRNN, LSTM, GRU, Dense, Dropout };

// Every layer kind the engine builds, in LayerKind's order. tests/cpp/layer_contract_test.cpp runs
// its contract over this list, and fails for a kind listed here without a contract case: a kind
// added to LayerKind belongs here too.
inline constexpr std::array<LayerKind, 6> kLayerKinds = {LayerKind::Embedding, LayerKind::SimpleRNN,
                                                         LayerKind::LSTM,      LayerKind::GRU,
                                                         LayerKind::Dense,     LayerKind::Dropout};

enum class Activation {
  Linear,
  Relu,
  Tanh,
  Sigmoid,
  HardSigmoid,        // Keras 2 / TF.js: clip(0.2x + 0.5, 0, 1)
  HardSigmoidKeras3,  // Keras 3: clip(x/6 + 0.5, 0, 1)
  Softmax,
};

enum class Initializer {
  Zeros,
  Ones,
  GlorotUniform,
  GlorotNormal,
  HeUniform,
  HeNormal,
  LecunUniform,
  LecunNormal,
  Orthogonal,
  RandomUniform,    // InitializerSpec a, b: minval, maxval
  RandomNormal,     // a, b: mean, stddev
  TruncatedNormal,  // a, b: mean, stddev
  Constant,         // a: value
};

struct InitializerSpec {
  Initializer kind = Initializer::Zeros;
  double a = 0.0;     // RandomUniform minval, RandomNormal mean, Constant value
  double b = 0.0;     // RandomUniform maxval, RandomNormal stddev
  double gain = 1.0;  // Orthogonal gain
};

// Keras' class name of each layer kind and spelling of each activation (Keras 2's and Keras 3's
// hard_sigmoid share theirs), read both ways by enum_names.hpp's name_of and value_named.
inline constexpr EnumName<LayerKind> kLayerKindNames[] = {
    {LayerKind::Embedding, "Embedding"}, {LayerKind::SimpleRNN, "SimpleRNN"},
    {LayerKind::LSTM, "LSTM"},           {LayerKind::GRU, "GRU"},
    {LayerKind::Dense, "Dense"},         {LayerKind::Dropout, "Dropout"}};
static_assert(sizeof(kLayerKindNames) / sizeof(kLayerKindNames[0]) == kLayerKinds.size(),
              "a kind added to LayerKind belongs in kLayerKinds (and its contract case) too");
inline constexpr EnumName<Activation> kActivationNames[] = {
    {Activation::Linear, "linear"},
    {Activation::Relu, "relu"},
    {Activation::Tanh, "tanh"},
    {Activation::Sigmoid, "sigmoid"},
    {Activation::HardSigmoid, "hard_sigmoid"},
    {Activation::HardSigmoidKeras3, "hard_sigmoid"},
    {Activation::Softmax, "softmax"}};
const char* layer_kind_name(LayerKind kind);  // "LSTM", ...
const char* activation_name(Activation a);    // Keras spelling: "tanh", "hard_sigmoid", ...

bool is_recurrent(LayerKind kind);  // SimpleRNN, LSTM, GRU
int gate_count(LayerKind kind);     // SimpleRNN 1, LSTM 4, GRU 3, others 0

// Shape without the batch axis, as Keras prints it after "None": {time, features} or {features}.
// time == -1 means an unknown length (Keras' None).
struct Shape {
  bool has_time = false;
  int time = -1;
  int features = 0;
};

struct LayerSpec {
  LayerKind kind = LayerKind::Dense;
  std::string name;  // unique, as Keras

  // Dense, SimpleRNN, LSTM, GRU
  int units = 0;
  Activation activation = Activation::Linear;
  bool use_bias = true;
  InitializerSpec kernel_initializer{Initializer::GlorotUniform};
  InitializerSpec bias_initializer{Initializer::Zeros};

  // SimpleRNN, LSTM, GRU
  Activation recurrent_activation = Activation::Sigmoid;  // LSTM, GRU
  bool return_sequences = false;
  double dropout = 0.0;            // on the cell's inputs, one mask per sequence
  double recurrent_dropout = 0.0;  // on the recurrent state, one mask per sequence
  bool reset_after = true;         // GRU
  bool unit_forget_bias = true;    // LSTM
  InitializerSpec recurrent_initializer{Initializer::Orthogonal};

  // Embedding
  int input_dim = 0;   // vocabulary size
  int output_dim = 0;  // embedding size
  InitializerSpec embeddings_initializer{Initializer::RandomUniform, -0.05, 0.05};

  // Dropout layer
  double rate = 0.0;

  // Filled in by validation:
  Shape input_shape;
  Shape output_shape;
  // The first layer of a model without Embedding reads one-hot vectors of input_shape.features
  // token ids (09-2's one-hot model): its input projection is a row gather of the kernel.
  bool one_hot_input = false;
};

// One weight variable of a layer, in Keras' order and layout (row-major, C order).
struct WeightSpec {
  std::string name;        // "kernel", "recurrent_kernel", "bias", "embeddings"
  std::vector<int> shape;  // e.g. {16, 32} for an LSTM(8) kernel on 16 features
  int64_t size() const;
};

// Keras' weight list for a layer: Embedding {embeddings (vocab, dim)}; Dense {kernel (in, out),
// bias (out)}; SimpleRNN/LSTM/GRU {kernel (in, k*u), recurrent_kernel (u, k*u), bias (k*u) or,
// for GRU reset_after, bias (2, 3u)}; Dropout {}. Bias omitted when use_bias is false.
std::vector<WeightSpec> weight_specs(const LayerSpec& layer);
int64_t param_count(const LayerSpec& layer);

// What the input of the model is. Token ids always: either fed to an Embedding, or read as
// one-hot vectors of `vocab` features by the first layer.
struct ModelSpec {
  std::string name = "sequential";
  int input_length = -1;  // time steps; -1 = None (any length; data settings decide)
  bool one_hot = false;   // no Embedding: the first layer reads one-hot vectors
  int vocab = 0;          // Embedding input_dim, or the one-hot width
  std::vector<LayerSpec> layers;

  int64_t total_params() const;
  // The flat parameter buffer holds every layer's weights in order, each in weight_specs order.
  // Offset of layer i's first weight in that buffer.
  int64_t param_offset(size_t layer_index) const;
  const LayerSpec& output_layer() const { return layers.back(); }
};

// Re-checks every rule and fills the derived fields (shapes, one_hot_input). parse_model_json
// calls it; callers that build a ModelSpec by hand (tests, the UI's editor state) call it too.
void validate_and_infer(ModelSpec& model);

// The largest parameter count one layer may have, and the whole model; a larger one is rejected
// before any allocation. (The WebAssembly module's memory ends at 1 GB; training keeps 16 bytes
// per parameter: weights, gradients and two optimizer moments.)
constexpr int64_t kMaxLayerParams = 50'000'000;
constexpr int64_t kMaxModelParams = 50'000'000;
// The largest magnitude of an initializer setting (see validate_and_infer).
constexpr double kMaxInitializerValue = 1e30;

// The longest review a model reads (its input length, or the length of sequences given to a model
// whose input length is None), and the most values one layer may keep per review (time steps ×
// units × gates): about 64 MB of floats for one review.
constexpr int64_t kMaxInputLength = 100'000;
constexpr int64_t kMaxValuesPerReview = 16'777'216;

// Throws ModelError when reviews of `time` steps are out of range for this validated model, or
// would make one of its layers keep more than kMaxValuesPerReview values per review.
void check_review_length(const ModelSpec& model, int64_t time);

}  // namespace rnn
