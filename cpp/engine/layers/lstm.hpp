#pragma once
// LSTM (Keras): gates in Keras' order i, f, c, o; σ = recurrent_activation (sigmoid),
// act = activation (tanh). Bias (4u); with unit_forget_bias its f segment starts at 1.
//
//   forward                                         backward (dh_t = dy_t + dh from step t+1)
//   [z_i z_f z_c z_o] = x̃_t W + b + h̃_{t−1} U      do  = dh_t ⊙ act(c_t)
//   i = σ(z_i)   f = σ(z_f)                        dc  = act'(c_t) ⊙ (dh_t ⊙ o) + dc_{t+1→t}
//   g = act(z_c) o = σ(z_o)                        di  = dc ⊙ g,   dg = dc ⊙ i
//   c_t = f ⊙ c_{t−1} + i ⊙ g                      df  = dc ⊙ c_{t−1},  dc_{t−1} = dc ⊙ f
//   h_t = o ⊙ act(c_t),   h_0 = c_0 = 0            dz_* = σ' or act' of each gate ⊙ d*
//                                                  dU += h̃_{t−1}ᵀ dz,  dh_{t−1} = (dz Uᵀ) ⊙ m'
// x̃ and h̃ carry the dropout masks (recurrent.hpp); c is never masked.

#include "engine/layers/recurrent.hpp"

namespace rnn {

template <typename S>
class LstmLayer final : public RecurrentLayer<S> {
 public:
  using RecurrentLayer<S>::RecurrentLayer;
  void fill_trace(LayerTrace<S>& trace) const override;

 private:
  void resize_steps() override;
  // lstm.cpp (fused, when fusable(): recurrent.hpp) and lstm_general.cpp.
  void forward_steps_fused() override;
  void backward_steps_fused() override;
  void forward_steps_general() override;
  void backward_steps_general() override;

  Mat<S> cell_;          // (batch·time, u): c_t
  Mat<S> cell_act_;      // (batch·time, u): act(c_t)
  Mat<S> d_cell_;        // (batch, u): dc at the current step (general)
  Mat<S> d_cell_next_;   // (batch, u): dc carried to step t−1
  Mat<S> gate_scratch_;  // (batch, u) (general)
};

}  // namespace rnn
