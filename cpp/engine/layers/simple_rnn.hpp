#pragma once
// SimpleRNN (Keras): one gate, activation act (tanh by default).
//
//   forward                                   backward (dh_t = dy_t + dh from step t+1)
//   a_t = x̃_t W + b + h̃_{t−1} U              da_t = act'(h_t) ⊙ dh_t
//   h_t = act(a_t),  h_0 = 0                  dU += h̃_{t−1}ᵀ da_t,  dh_{t−1} = (da_t Uᵀ) ⊙ m'
//                                             dW, db, dx from da_t (the input projection)
// x̃ and h̃ carry the dropout masks (recurrent.hpp).

#include "engine/layers/recurrent.hpp"

namespace rnn {

template <typename S>
class SimpleRnnLayer final : public RecurrentLayer<S> {
 public:
  using RecurrentLayer<S>::RecurrentLayer;
  void fill_trace(LayerTrace<S>& trace) const override;

 private:
  // simple_rnn.cpp (fused) and simple_rnn_general.cpp; a_t stays in gates_ (no matrices of its
  // own).
  void forward_steps_fused() override;
  void backward_steps_fused() override;
  void forward_steps_general() override;
  void backward_steps_general() override;
};

}  // namespace rnn
