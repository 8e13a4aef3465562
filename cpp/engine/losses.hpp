#pragma once
// The training losses and their accuracy metric, computed from the last layer's logits
// (Network::logits()) so that saturated outputs give finite losses and gradients.

#include <cstdint>
#include <type_traits>
#include <vector>

#include "engine/model_spec.hpp"
#include "engine/network.hpp"

namespace rnn {

enum class LossKind { BinaryCrossentropy, SparseCategoricalCrossentropy };

// Which loss a model trains with, from its last layer: Dense(1, sigmoid) -> binary cross-entropy;
// Dense(k > 1, softmax) -> sparse categorical cross-entropy. Anything else throws ModelError
// naming the last layer and what to put there instead.
LossKind loss_kind_for(const ModelSpec& model);

// Keras' spelling: "binary_crossentropy", "sparse_categorical_crossentropy".
const char* loss_name(LossKind kind);

// Means over the batch (each sample counts once).
template <typename S>
struct LossValue {
  double loss = 0.0;
  double accuracy = 0.0;
};

// logits: (batch, 1) for binary cross-entropy, (batch, k) for sparse categorical cross-entropy.
// labels: one per row; 0/1 for binary, a class index in [0, k) for categorical (ModelError
// otherwise). When d_logits is not null it receives d(mean loss) / d logits, shape of logits.
// (S is deduced from the logits only, so that `nullptr` can be passed for d_logits.)
template <typename S>
LossValue<S> loss_and_gradient(LossKind kind, const Mat<S>& logits,
                               const std::vector<int32_t>& labels,
                               typename std::common_type<Mat<S>>::type* d_logits);

extern template LossValue<float> loss_and_gradient<float>(LossKind, const Mat<float>&,
                                                          const std::vector<int32_t>&, Mat<float>*);
extern template LossValue<double> loss_and_gradient<double>(LossKind, const Mat<double>&,
                                                            const std::vector<int32_t>&,
                                                            Mat<double>*);

}  // namespace rnn
