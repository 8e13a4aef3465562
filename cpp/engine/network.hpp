#pragma once
// CONTRACT (implemented in cpp/engine/network.cpp and cpp/engine/layers/): a Sequential network
// over one flat parameter buffer. The trainer, the save/load code, the bindings and the CLI use
// only what is declared here.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/eigen.hpp"
#include "engine/keras_version.hpp"
#include "engine/model_spec.hpp"
#include "engine/rng.hpp"

namespace rnn {

template <typename S>
using Mat = Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// A batch of token-id sequences, batch-major: sample b, step t is ids[b * time + t].
struct TokenBatch {
  int batch = 0;
  int time = 0;
  std::vector<int32_t> ids;
};

// Per-step values of one sequence through one recurrent layer, for the classify view and the
// cell anatomy. Row t of each matrix belongs to step t (padding steps included).
template <typename S>
struct LayerTrace {
  std::string layer_name;
  LayerKind kind;
  int layer_index = 0;                  // position in ModelSpec::layers
  Mat<S> hidden;                        // h_t, (time, units)
  Mat<S> cell;                          // LSTM c_t (empty otherwise)
  std::vector<std::string> gate_names;  // LSTM {"input","forget","output"}; GRU {"update","reset"}
  std::vector<Mat<S>> gates;            // activations of each named gate, (time, units)
  // The step's inputs: x_t (time, in features), or for a one-hot layer the ids (x_t = e_{id_t})
  // with `input` empty; h_{t−1} and c_{t−1} (LSTM) — at t = 0 the zero initial state, so the
  // first kept step after padding sees the state the padding steps left.
  Mat<S> input;
  std::vector<int32_t> input_ids;
  Mat<S> hidden_prev, cell_prev;
  // Every gate's pre-activation and value, (time, k·u) in Keras' order — LSTM i f g o (g the
  // candidate), GRU z r h̃, SimpleRNN a with value h_t:
  //   LSTM, SimpleRNN: pre = x_t W + b + h_{t−1} U
  //   GRU z, r:        pre = x_t W + b_in + h_{t−1} U + b_rec
  //   GRU h̃:           reset_after: x_t W_h + b_in,h + r ⊙ (h_{t−1} U_h + b_rec,h)
  //                    otherwise:   x_t W_h + b_h + (r ⊙ h_{t−1}) U_h
  Mat<S> pre, values;
};

template <typename S>
struct SequenceTrace {
  std::vector<LayerTrace<S>> layers;  // one per recurrent layer, bottom to top
  // The model's output after every step: the layers above the last recurrent layer applied to its
  // hidden state h_t (one forward pass; not the same as classifying each prefix on its own).
  // (time, output features). Empty when no recurrent layer.
  Mat<S> output_per_step;
  Mat<S> output;  // the ordinary prediction, (1, output features)
};

// Which of the recurrent layers' equivalent paths a network takes. The product always runs the
// defaults, the fast ones; the tests build networks with them off to hold the fast paths against
// the general ones (tests/cpp/recurrent_paths_test.cpp):
//   fused_loops      the cells' fused loops (layers/lstm.cpp etc.) where a cell
//                    allows them, else the general Eigen loops;
//   embedding_table  above an Embedding, project its table E·W + b once per batch and gather
//                    rows, else gather E's rows and project every step (layers/recurrent.hpp).
struct RecurrentPaths {
  bool fused_loops = true;
  bool embedding_table = true;
};

template <typename S>
class Network {
 public:
  explicit Network(const ModelSpec& spec, RecurrentPaths paths = {});
  ~Network();
  Network(const Network&) = delete;
  Network& operator=(const Network&) = delete;

  const ModelSpec& spec() const { return spec_; }

  // All weights, in ModelSpec::param_offset order (each weight row-major, Keras layout), and the
  // gradients in the same layout. Sized total_params() at construction.
  std::vector<S>& params() { return params_; }
  const std::vector<S>& params() const { return params_; }
  std::vector<S>& grads() { return grads_; }

  // Keras' initializers, drawn from an Rng seeded with `seed`, layer by layer, weight by weight.
  void initialize(uint64_t seed);

  // Whose dropout rule the recurrent layers follow where the Keras generations differ (tf.keras 2
  // draws a fresh LSTM / GRU input mask at every step; layers/recurrent.hpp). Keras 3 by default.
  void set_keras_version(KerasVersion keras);

  // Forward pass. `training` turns dropout on (masks drawn from rng). Returns the model's output,
  // batch-major: (batch, features) or, when the last layer returns sequences,
  // (batch, time * features) with sample b, step t, feature f at (b, t * features + f).
  const Mat<S>& forward(const TokenBatch& x, bool training, Rng& rng);
  // The last layer's pre-activation values of the last forward (same shape as the output); the
  // losses use them for numerical stability.
  const Mat<S>& logits() const;

  // Backward pass of the last forward. Takes d loss / d logits (shape of logits()), ACCUMULATES
  // into grads(); zero_grads() is an explicit separate step.
  void backward_from_logits(const Mat<S>& d_logits);
  void zero_grads();

  // For tests: d loss / d (output of layer i) is not exposed; instead the gradient with respect to
  // a continuous input is available through the layer-level API in layers/.

  // One sequence, no dropout: every recurrent layer's states and gates after every step.
  // It runs its own forward passes, so it replaces the state a backward pass would use: call it
  // between training batches, never between a forward and its backward.
  SequenceTrace<S> trace(const std::vector<int32_t>& ids);

  // ‖∂z/∂x_t‖ for every sample and step, (batch, time), by the backward pass: z is the output
  // layer's pre-activation (the logit; with several classes the predicted class's, at the last
  // step when the model returns sequences), x_t the first recurrent layer's input at step t (for
  // a one-hot layer the one-hot vector, for an Embedding its row). No dropout. Leaves grads()
  // zeroed; like trace(), call it between training batches. Empty without a recurrent layer.
  Mat<S> input_gradient_norms(const TokenBatch& x);

 private:
  ModelSpec spec_;
  std::vector<S> params_;
  std::vector<S> grads_;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

extern template class Network<float>;
extern template class Network<double>;

}  // namespace rnn
