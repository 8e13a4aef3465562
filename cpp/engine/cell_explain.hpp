#pragma once
// Explanations of one recurrent cell's numbers for the cell anatomy view: which inputs made a
// pre-activation what it is, the per-step input gradients averaged over reviews, and occlusion
// (each word replaced by the out-of-vocabulary id). The page only draws what these return.

#include <cstdint>
#include <vector>

#include "engine/dataset.hpp"
#include "engine/network.hpp"

namespace rnn {

// One term of a pre-activation: input · weight (· reset, for the GRU candidate with reset_after).
template <typename S>
struct PreActivationTerm {
  bool recurrent = false;  // h_{t−1} (GRU reset_before candidate: r ⊙ h_{t−1}) rather than x_t
  int index = 0;           // which component of x_t or h_{t−1}
  S input = 0, weight = 0, product = 0;
};

// pre = Σ terms + bias, split into the `top` largest terms by |product| and the rest.
//   LSTM, SimpleRNN:   pre_c = Σ_k x_k W_kc + Σ_k h_k U_kc + b_c
//   GRU z, r:          the same, bias b_in,c + b_rec,c
//   GRU h̃ reset_after: Σ_k x_k W_kc + r_j (Σ_k h_k U_kc + b_rec,c) + b_in,c: each recurrent
//                      term's product includes r_j, and so does the bias
//   GRU h̃ otherwise:   Σ_k x_k W_kc + Σ_k (r ⊙ h)_k U_kc + b_c
template <typename S>
struct PreActivationTerms {
  std::vector<PreActivationTerm<S>> top;
  S rest = 0;          // sum of the other terms' products
  int rest_count = 0;
  S bias = 0;
  S reset = 1;         // r_j scaling the recurrent terms (GRU candidate, reset_after), else 1
  S total = 0;         // Σ all products + bias, summed in double: the pre-activation
};

// Every pre-activation of step t of a traced layer (columns in Keras' gate order), from the
// network's weights. One-hot input: the only nonzero input term, W[id_t].
template <typename S>
std::vector<PreActivationTerms<S>> explain_step(const Network<S>& network, const LayerTrace<S>& layer, int t, int top);

// The model's outputs with the token of each kept step (id ≠ 0) alone replaced by `oov`, all
// variants in one batched forward pass: row k for the k-th kept step. `steps` gets their indices.
template <typename S>
Mat<S> occlusion_outputs(Network<S>& network, const std::vector<int32_t>& ids, int32_t oov, std::vector<int>& steps);

// For the first `count` sequences of `data`: at every position, the mean of ‖∂z/∂x_t‖
// (Network::input_gradient_norms) over the sequences with a token there (id ≠ 0); 0 where none.
template <typename S>
std::vector<double> mean_input_gradients(Network<S>& network, const Dataset& data, int count);

}  // namespace rnn
