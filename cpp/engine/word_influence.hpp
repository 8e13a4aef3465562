#pragma once
// How much each word of a review moves the prediction: occlusion (each word alone replaced by the
// out-of-vocabulary id) and the input gradients ‖∂z/∂x_t‖ averaged over reviews (the per-review
// gradients are Network::input_gradient_norms). The page only draws what these return.

#include <cstdint>
#include <vector>

#include "engine/dataset.hpp"
#include "engine/network.hpp"

namespace rnn {

// The model's outputs with the token of each kept step (id ≠ 0) alone replaced by `oov`, all
// variants in one batched forward pass: row k for the k-th kept step. `steps` gets their indices.
template <typename S>
Mat<S> occlusion_outputs(Network<S>& network, const std::vector<int32_t>& ids, int32_t oov,
                         std::vector<int>& steps);

// For the first `count` sequences of `data`: at every position, the mean of ‖∂z/∂x_t‖
// (Network::input_gradient_norms) over the sequences with a token there (id ≠ 0); 0 where none.
// One row, (1, time).
template <typename S>
Mat<S> mean_input_gradients(Network<S>& network, const Dataset& data, int count);

}  // namespace rnn
