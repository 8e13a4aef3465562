#pragma once
// Dropout layer (inverted, as Keras): during training every element is kept with probability
// 1 − rate and scaled by 1 / (1 − rate), so nothing changes at evaluation.
//
//   forward (training):  y = x ⊙ m,  m_ij = 0 with probability rate, else 1 / (1 − rate)
//   forward (evaluation): y = x
//   backward:            dx = dy ⊙ m   (dx = dy at evaluation)
// Keras' default noise_shape: an independent draw for every sample, step and feature.

#include "engine/layers/layer.hpp"

namespace rnn {

template <typename S>
class DropoutLayer final : public Layer<S> {
 public:
  explicit DropoutLayer(const LayerSpec& spec) : Layer<S>(spec) {}
  void bind(S*, S*) override {}
  void forward(const LayerInput<S>& in, bool training, Rng& rng) override;
  const Mat<S>& output() const override { return output_; }
  void backward(const Mat<S>& d_output, Mat<S>* d_input) override;

 private:
  bool dropped_ = false;  // whether the last forward applied a mask
  Mat<S> mask_;
  Mat<S> output_;
};

}  // namespace rnn
