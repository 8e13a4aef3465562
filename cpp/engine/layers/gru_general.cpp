// The GRU's general loops (equations in gru.hpp), forward and backward side by side: step t of
// every sample at once as Eigen expressions, for reset_after = false, recurrent dropout and other
// activations — what the fused loops in gru.cpp do not cover — and the tests' reference for the
// fused loops (tests/cpp/recurrent_paths_test.cpp). Uncommon configurations: built for size (-Oz;
// at -O3 their Eigen expressions cost about 7 KB of the .wasm, measured 2026-12-05).
#include "engine/layers/gru.hpp"
#include "engine/linalg.hpp"

#include "engine/activations.hpp"

namespace rnn {

// General: step t of every sample at once, either reset_after, recurrent masks m'_g.
template <typename S>
void GruLayer<S>::forward_steps_general() {
  const int time = this->time_steps(), u = this->units_;
  const Activation act = this->spec_.activation, rec = this->spec_.recurrent_activation;
  const bool after = this->spec_.reset_after;
  for (int t = 0; t < time; ++t) {
    auto x = this->step(this->gates_, t);  // [x_z x_r x_h] = x̃_t W + b_in
    auto z = x.middleCols(0, u), r = x.middleCols(u, u), hh = x.middleCols(2 * u, u);
    auto q_or_rh = this->step(reset_state_, t);
    // q = h̃_{t−1} U (+ b_rec): all three gates with reset_after, only z and r without.
    recurrent_.setZero();
    if (t > 0) this->add_recurrent(t, recurrent_.leftCols(after ? 3 * u : 2 * u), 0, after ? 3 : 2);
    if (has_recurrent_bias()) recurrent_.rowwise() += recurrent_bias_;
    z += recurrent_.middleCols(0, u);
    r += recurrent_.middleCols(u, u);
    apply_activation(rec, z);
    apply_activation(rec, r);
    if (after) {
      q_or_rh = recurrent_.middleCols(2 * u, u);  // q_h
      hh += r.cwiseProduct(q_or_rh);              // x_h + r ⊙ q_h
    } else if (t > 0) {
      prev_h_gate_ = this->previous_hidden(t);
      if (this->has_recurrent_masks())
        prev_h_gate_ = prev_h_gate_.cwiseProduct(this->recurrent_mask(2));
      q_or_rh = r.cwiseProduct(prev_h_gate_);  // r ⊙ h̃^h
      multiply<S>(q_or_rh, Transpose::No, this->recurrent_kernel_.middleCols(2 * u, u),
                  Transpose::No, hh, Accumulate::Yes);
    } else {
      q_or_rh.setZero();
    }
    apply_activation(act, hh);
    auto h = this->step(this->hidden_, t);
    if (t > 0)
      h = z.cwiseProduct(this->previous_hidden(t)) + (S(1) - z.array()).matrix().cwiseProduct(hh);
    else
      h = (S(1) - z.array()).matrix().cwiseProduct(hh);  // h_0 = 0
  }
}

template <typename S>
void GruLayer<S>::backward_steps_general() {
  const int time = this->time_steps(), u = this->units_;
  const Activation act = this->spec_.activation, rec = this->spec_.recurrent_activation;
  const bool after = this->spec_.reset_after;
  Mat<S>& dh = this->scratch_;
  Mat<S>& tmp = d_prev_h_gate_;
  Mat<S>& tmp_gate = gate_scratch_;
  d_reset_state_.resize(this->batch_, u);
  recurrent_.resize(this->batch_, 3 * u);
  prev_h_gate_.resize(this->batch_, u);
  tmp.resize(this->batch_, u);
  tmp_gate.resize(this->batch_, u);
  this->d_next_.setZero();
  for (int t = time - 1; t >= 0; --t) {
    const auto x = this->step(this->gates_, t);
    const auto z = x.middleCols(0, u), r = x.middleCols(u, u), hh = x.middleCols(2 * u, u);
    const auto q_or_rh = this->step(reset_state_, t);
    auto dx = this->step(this->d_gates_, t);
    auto da_z = dx.middleCols(0, u), da_r = dx.middleCols(u, u), da_h = dx.middleCols(2 * u, u);
    this->total_hidden_gradient(t, dh);
    // dz = dh ⊙ (h_{t−1} − h̃)
    if (t > 0)
      tmp_gate = dh.cwiseProduct(this->previous_hidden(t) - hh);
    else
      tmp_gate = -dh.cwiseProduct(hh);
    activation_backward(rec, z, tmp_gate, da_z);
    // da_h = act'(h̃) ⊙ dh ⊙ (1 − z)
    tmp_gate = dh.cwiseProduct((S(1) - z.array()).matrix());
    activation_backward(act, hh, tmp_gate, da_h);
    this->d_next_ = dh.cwiseProduct(z);  // the direct path z ⊙ h_{t−1}
    if (after) {
      tmp_gate = da_h.cwiseProduct(q_or_rh);  // dr = da_h ⊙ q_h
      activation_backward(rec, r, tmp_gate, da_r);
      recurrent_.middleCols(0, 2 * u) = dx.middleCols(0, 2 * u);
      recurrent_.middleCols(2 * u, u) = da_h.cwiseProduct(r);  // dq_h = da_h ⊙ r
      if (has_recurrent_bias()) add_column_sums<S>(recurrent_, d_recurrent_bias_.data());
      if (t > 0) this->backward_recurrent(t, recurrent_, 0, 3, this->d_next_);
    } else if (t > 0) {
      prev_h_gate_ = this->previous_hidden(t);
      if (this->has_recurrent_masks())
        prev_h_gate_ = prev_h_gate_.cwiseProduct(this->recurrent_mask(2));
      // d(r ⊙ h̃^h) = da_h U_hᵀ ;  dU_h += (r ⊙ h̃^h)ᵀ da_h
      set_product<S>(d_reset_state_, da_h, Transpose::No,
                     this->recurrent_kernel_.middleCols(2 * u, u), Transpose::Yes);
      multiply<S>(q_or_rh, Transpose::Yes, da_h, Transpose::No,
                  this->d_recurrent_kernel_.middleCols(2 * u, u), Accumulate::Yes);
      tmp_gate = d_reset_state_.cwiseProduct(prev_h_gate_);  // dr = d(r ⊙ h̃^h) ⊙ h̃^h
      activation_backward(rec, r, tmp_gate, da_r);
      tmp = d_reset_state_.cwiseProduct(r);  // d h̃^h
      if (this->has_recurrent_masks()) tmp = tmp.cwiseProduct(this->recurrent_mask(2));
      this->d_next_ += tmp;
      this->backward_recurrent(t, dx.middleCols(0, 2 * u), 0, 2, this->d_next_);
    } else {
      da_r.setZero();  // h_0 = 0: r has no effect at the first step
    }
  }
}

template void GruLayer<float>::forward_steps_general();
template void GruLayer<float>::backward_steps_general();
template void GruLayer<double>::forward_steps_general();
template void GruLayer<double>::backward_steps_general();

}  // namespace rnn
