#pragma once
// GRU (Keras): gates in Keras' order z (update), r (reset), h (candidate); σ =
// recurrent_activation, act = activation. h_t = z ⊙ h_{t−1} + (1 − z) ⊙ h̃ (Keras' form).
//
// reset_after = true (Keras' default): bias (2, 3u) = [b_in; b_rec], the recurrent bias separate.
//   forward                                        backward (dh_t = dy_t + dh from step t+1)
//   [x_z x_r x_h] = x̃_t W + b_in                   dz = dh_t ⊙ (h_{t−1} − h̃)
//   [q_z q_r q_h] = h̃_{t−1} U + b_rec               da_h = act'(h̃) ⊙ dh_t ⊙ (1 − z)
//   z = σ(x_z + q_z),  r = σ(x_r + q_r)             dr = da_h ⊙ q_h,   dq_h = da_h ⊙ r
//   h̃ = act(x_h + r ⊙ q_h)                         da_z, da_r = σ' ⊙ dz, dr
//   h_t = z ⊙ h_{t−1} + (1 − z) ⊙ h̃                dq = [da_z, da_r, dq_h]: dU += h̃_{t−1}ᵀ dq,
//                                                  db_rec += Σ dq, dh_{t−1} = dh_t ⊙ z + (dq Uᵀ) ⊙
//                                                  m'
// reset_after = false: bias (3u), input side only; the reset gate acts before U_h.
//   z = σ(x_z + h̃_{t−1} U_z),  r = σ(x_r + h̃_{t−1} U_r)
//   h̃ = act(x_h + (r ⊙ h̃_{t−1}^h) U_h)            d(r ⊙ h̃^h) = da_h U_hᵀ,  dU_h += (r ⊙ h̃^h)ᵀ da_h
//                                                  dr = d(r ⊙ h̃^h) ⊙ h̃^h,
//                                                  dh_{t−1} += (d(r ⊙ h̃^h) ⊙ r) ⊙ m'_h
// x̃ and h̃ carry the dropout masks (recurrent.hpp); the blend z ⊙ h_{t−1} uses the unmasked state.

#include "engine/layers/recurrent.hpp"

namespace rnn {

template <typename S>
class GruLayer final : public RecurrentLayer<S> {
 public:
  using RecurrentLayer<S>::RecurrentLayer;
  void fill_trace(LayerTrace<S>& trace) const override;

 private:
  void bind_extra(S* params, S* grads) override;
  bool has_recurrent_bias() const { return this->spec_.use_bias && this->spec_.reset_after; }

  // gru.cpp (fused: reset_after, Keras' default, besides fusable()) and gru_general.cpp.
  bool fused() const override { return this->fusable() && this->spec_.reset_after; }
  void resize_steps() override;
  void forward_steps_fused() override;
  void backward_steps_fused() override;
  void forward_steps_general() override;
  void backward_steps_general() override;

  VecMap<S> recurrent_bias_{nullptr, 0}, d_recurrent_bias_{nullptr, 0};
  Mat<S> reset_state_;  // (batch·time, u): q_h (reset_after) or r ⊙ h̃_{t−1}^h (reset_after false)
  Mat<S> recurrent_;      // (batch, 3u): q (reset_after) / d q in backward
  Mat<S> d_recurrent_;    // (batch·time, 3u): dq of every step (fused backward)
  Mat<S> prev_h_gate_;    // (batch, u): h̃_{t−1}^h (reset_after false)
  Mat<S> d_reset_state_;  // (batch, u) (general)
  Mat<S> d_prev_h_gate_;  // (batch, u) (general)
  Mat<S> gate_scratch_;   // (batch, u) (general)
};

}  // namespace rnn
