#pragma once
// The interface every layer implements, and the helpers they share. A layer owns no weights: it
// holds Eigen::Map views into the network's one flat parameter buffer and the matching gradient
// buffer (Keras' weight order and row-major layout, see weight_specs). Activations flow between
// layers as row-major matrices with one row per sample — or per sample-step, row b·time + t, for
// sequences — which is exactly the batch-major (batch, time, features) tensor Keras has.

#include <cstdint>
#include <memory>
#include <string>

#include "engine/eigen.hpp"
#include "engine/keras_version.hpp"
#include "engine/model_spec.hpp"
#include "engine/network.hpp"
#include "engine/rng.hpp"

namespace rnn {

template <typename S>
using MatMap = Eigen::Map<Mat<S>>;
template <typename S>
using VecMap = Eigen::Map<Eigen::Matrix<S, 1, Eigen::Dynamic>>;
// A block of rows of a row-major matrix (the recurrent layers' per-step views).
template <typename S>
using StepView = Eigen::Map<Mat<S>, 0, Eigen::OuterStride<>>;
template <typename S>
using ConstStepView = Eigen::Map<const Mat<S>, 0, Eigen::OuterStride<>>;

// What a layer reads: continuous values, or token ids (an Embedding, or the first layer of a
// one-hot model, which reads id v as the one-hot vector e_v).
template <typename S>
struct LayerInput {
  int batch = 0;
  int time = 0;                    // steps per sample; 0 when the input has no time axis
  const Mat<S>* values = nullptr;  // (batch · max(time, 1), features), row b·time + t
  const int32_t* ids = nullptr;    // batch · time token ids, sample-major
  // With ids, for a recurrent layer right above an Embedding (Network fuses the two): the
  // Embedding's table (vocab, embedding features) and its gradient, which the recurrent layer
  // reads and accumulates itself (see recurrent.hpp). nullptr otherwise.
  const S* embedding = nullptr;
  S* d_embedding = nullptr;
  int vocab = 0;
};

template <typename S>
class Layer {
 public:
  explicit Layer(const LayerSpec& spec) : spec_(spec) {}
  virtual ~Layer() = default;
  Layer(const Layer&) = delete;
  Layer& operator=(const Layer&) = delete;

  const LayerSpec& spec() const { return spec_; }

  // Points the layer's weight views at `params` / `grads` (this layer's first weight).
  virtual void bind(S* params, S* grads) = 0;

  // Forward pass; `training` turns dropout on, its masks drawn from `rng`.
  virtual void forward(const LayerInput<S>& in, bool training, Rng& rng) = 0;
  virtual const Mat<S>& output() const = 0;
  int output_batch() const { return batch_; }
  int output_time() const { return spec_.output_shape.has_time ? time_ : 0; }

  // Backward pass of the last forward: takes d loss / d output (shape of output()), ACCUMULATES
  // the weight gradients and, when `d_input` is given and the input was continuous, writes
  // d loss / d input (shape of the input values) into it.
  virtual void backward(const Mat<S>& d_output, Mat<S>* d_input) = 0;

  // The pre-activation values when the layer has a final activation (Dense), else output().
  virtual const Mat<S>& logits() const { return output(); }
  virtual void backward_from_logits(const Mat<S>& d_logits, Mat<S>* d_input) {
    backward(d_logits, d_input);
  }

  // True when the layer can take an Embedding's table through LayerInput::embedding (the network
  // then skips the Embedding's own forward and backward).
  virtual bool reads_embedding() const { return false; }

  // Whose dropout rule to follow where the Keras generations differ (recurrent layers).
  virtual void set_keras_version(KerasVersion /*keras*/) {}

  // Recurrent layers: the per-step states and gates of sample 0 of the last forward.
  virtual bool is_recurrent_layer() const { return false; }
  virtual void fill_trace(LayerTrace<S>& /*trace*/) const {}
  // After a backward pass: ‖d loss / d x_t‖ of every sample and step, (batch, time).
  virtual void input_gradient_norms(Mat<S>& /*norms*/) const {}

 protected:
  LayerSpec spec_;
  int batch_ = 0;
  int time_ = 0;
};

// The layer object for a validated spec; `paths` reaches the recurrent layers (network.hpp).
template <typename S>
std::unique_ptr<Layer<S>> make_layer(const LayerSpec& spec, RecurrentPaths paths = {});

// Keras' initializers for one layer's weights, in weight_specs order, written at `params`.
// LSTM with unit_forget_bias: the bias is [init(u), ones(u), init(2u)], as Keras builds it.
template <typename S>
void initialize_layer_weights(const LayerSpec& spec, S* params, Rng& rng);

// Checks that token ids are in [0, vocab); throws ModelError naming the layer and the id.
void check_token_ids(const LayerSpec& spec, const int32_t* ids, int64_t count, int vocab);

// Inverted dropout mask: each entry 0 with probability `rate`, else 1 / (1 − rate).
template <typename S>
void draw_dropout_mask(Mat<S>& mask, double rate, Rng& rng) {
  const S keep_scale = S(1.0 / (1.0 - rate));
  for (Eigen::Index i = 0; i < mask.size(); ++i)
    mask.data()[i] = rng.uniform() < rate ? S(0) : keep_scale;
}

}  // namespace rnn
