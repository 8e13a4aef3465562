#pragma once
// Dense: y = act(x W + b), W (in, units), b (units). On a sequence (batch, time, in) Keras applies
// it to the last axis, i.e. to every step's row independently — which our row layout makes one
// matrix product over all batch·time rows. As the first layer of a one-hot model, x is e_id and
// x W is row id of W (a gather, no one-hot matrix is ever built).
//
//   forward:  z = x W + b            (one-hot: z[r] = W[id_r] + b)
//             y = act(z)             (softmax: per row)
//   backward: dz = act'(y) ⊙ dy      (softmax: dz = y ⊙ (dy − Σ dy ⊙ y))
//             dW += xᵀ dz            (one-hot: dW[id_r] += dz[r])
//             db += Σ_rows dz
//             dx  = dz Wᵀ

#include "engine/layers/layer.hpp"

namespace rnn {

template <typename S>
class DenseLayer final : public Layer<S> {
 public:
  explicit DenseLayer(const LayerSpec& spec) : Layer<S>(spec) {}
  void bind(S* params, S* grads) override;
  void forward(const LayerInput<S>& in, bool training, Rng& rng) override;
  const Mat<S>& output() const override { return output_; }
  void backward(const Mat<S>& d_output, Mat<S>* d_input) override;

  const Mat<S>& logits() const override { return logits_; }
  void backward_from_logits(const Mat<S>& d_logits, Mat<S>* d_input) override;

 private:
  MatMap<S> kernel_{nullptr, 0, 0}, d_kernel_{nullptr, 0, 0};
  VecMap<S> bias_{nullptr, 0}, d_bias_{nullptr, 0};
  const Mat<S>* input_ = nullptr;  // the last forward's input (owned by the layer below)
  const int32_t* ids_ = nullptr;   // or its token ids (one-hot input)
  Mat<S> logits_;                  // z
  Mat<S> output_;                  // y = act(z)
  Mat<S> d_logits_;
};

}  // namespace rnn
