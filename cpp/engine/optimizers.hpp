#pragma once
// Keras' optimizers (SGD, RMSprop, Adam) over the network's flat parameter buffer, with Keras'
// defaults and update rules in either generation (Keras 3, or tf.keras 2 as in TF 2.6-2.10), and
// the per-variable `clipnorm`.

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "engine/keras_version.hpp"
#include "engine/model_spec.hpp"

namespace rnn {

struct OptimizerConfig {
  std::string name = "rmsprop";  // "sgd", "rmsprop", "adam" (any letter case)
  double learning_rate = -1;     // -1 = Keras' default: SGD 0.01, RMSprop 1e-3, Adam 1e-3
  double rho = 0.9;              // RMSprop
  double momentum = 0.0;         // SGD, RMSprop
  double beta_1 = 0.9;           // Adam
  double beta_2 = 0.999;         // Adam
  double epsilon = 1e-7;         // RMSprop, Adam
  bool nesterov = false;         // SGD
  double clipnorm =
      0;  // 0 = off; else each weight variable's gradient is scaled to norm <= clipnorm
  KerasVersion keras = KerasVersion::Keras3;  // whose update rule (RMSprop's ε, sparse momentum)
};

// The rows of one weight table (an Embedding's) that the batch looked up. tf.keras 2 hands such a
// table's gradient to the optimizer as IndexedSlices, and its momentum paths (SGD and RMSprop with
// momentum > 0) then update only those rows: the others keep their weights and optimizer state.
struct TouchedRows {
  int64_t offset = 0;            // of the table in the flat buffer
  int64_t width = 0;             // values per row
  std::vector<uint8_t> touched;  // one flag per row
};

// Keras' default learning rate for an optimizer name; throws ModelError for an unknown name.
double default_learning_rate(const std::string& optimizer_name);

template <typename S>
class Optimizer {
 public:
  // Validates the configuration (ModelError naming the field, the value and the allowed range)
  // and sizes the state for the model's flat parameter buffer.
  static std::unique_ptr<Optimizer> create(const OptimizerConfig& config, const ModelSpec& model);
  virtual ~Optimizer() = default;

  // One update of every parameter from the gradient of the loss: clip each weight variable's
  // gradient by its own L2 norm (when clipnorm > 0), then apply the optimizer's rule. Both
  // buffers are in ModelSpec::param_offset order and sized total_params(). `rows` (optional)
  // names the Embedding table's looked-up rows; only tf.keras 2's momentum paths read it.
  void step(std::vector<S>& params, const std::vector<S>& grads, const TouchedRows* rows = nullptr);

  // The configuration with the name lower-cased and the default learning rate filled in.
  const OptimizerConfig& config() const { return config_; }
  // tf.keras 2 with momentum: Embedding tables are updated sparsely (TouchedRows).
  bool sparse_tables() const {
    return config_.keras == KerasVersion::TfKeras2 && config_.momentum > 0 &&
           config_.name != "adam";
  }
  // Updates applied so far (Keras' `optimizer.iterations`).
  int64_t iterations() const { return iterations_; }
  // A saved run goes on with the count it had (Adam's bias correction depends on it).
  void set_iterations(int64_t iterations) { iterations_ = iterations; }

  // The optimizer's variables (Keras' optimizer.variables less `iterations`) in one buffer: its
  // slots one after another, each total_params() long (SGD with momentum: velocity; RMSprop: mean
  // square[, momentum]; Adam: m, v; plain SGD: none). Saved with a run and written back into a new
  // optimizer of the same configuration, so that training goes on exactly.
  std::vector<S>& state() { return state_; }
  const std::vector<S>& state() const { return state_; }

 protected:
  Optimizer(const OptimizerConfig& config, const ModelSpec& model, int slots);
  // Slot i of state(): total_params() values.
  S* slot(int i) { return state_.data() + static_cast<size_t>(i) * static_cast<size_t>(total_); }
  // The rule proper, elementwise over the flat buffer indices [begin, end); `iteration` counts
  // from 0 (Keras' iterations before this update). The state is per flat buffer index.
  virtual void update(S* params, const S* grads, int64_t begin, int64_t end, int64_t iteration) = 0;

  OptimizerConfig config_;

 private:
  // [offset, offset + size) of every weight variable in the flat buffer, for clipnorm.
  std::vector<std::pair<int64_t, int64_t>> variables_;
  int64_t total_ = 0;
  int64_t iterations_ = 0;
  std::vector<S> state_;
  std::vector<S> clipped_;  // scratch for the clipped gradient
};

extern template class Optimizer<float>;
extern template class Optimizer<double>;

}  // namespace rnn
