#pragma once
// Embedding: token id v → row v of the embeddings matrix E (vocab, dim).
//
//   forward:  y[b·T + t, :] = E[id(b, t), :]
//   backward: dE[id(b, t), :] += dy[b·T + t, :]     (scatter-add: repeated ids accumulate)
// No mask_zero: id 0 is an ordinary row (the parser rejects mask_zero).

#include "engine/layers/layer.hpp"

namespace rnn {

template <typename S>
class EmbeddingLayer final : public Layer<S> {
 public:
  explicit EmbeddingLayer(const LayerSpec& spec);
  void bind(S* params, S* grads) override;
  void forward(const LayerInput<S>& in, bool training, Rng& rng) override;
  const Mat<S>& output() const override { return output_; }
  void backward(const Mat<S>& d_output, Mat<S>* d_input) override;

 private:
  MatMap<S> embeddings_{nullptr, 0, 0};
  MatMap<S> d_embeddings_{nullptr, 0, 0};
  const int32_t* ids_ = nullptr;  // the last forward's ids (owned by the caller)
  Mat<S> output_;
};

}  // namespace rnn
