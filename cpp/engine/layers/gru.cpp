// The GRU's time loops (equations in gru.hpp), forward and backward side by side: the fused
// per-sample loops that Keras' default GRU (reset_after) runs, built for speed, then the general
// Eigen loops for reset_after = false, recurrent dropout and other activations, built for size
// (RNN_OPTIMIZE_SIZE), which also serve the tests as the fused loops' reference
// (tests/cpp/recurrent_paths_test.cpp).
#include "engine/layers/gru.hpp"
#include "engine/linalg.hpp"

#include "engine/activations.hpp"

namespace rnn {

template <typename S>
RNN_COLD void GruLayer<S>::bind_extra(S* bias, S* d_bias) {
  // bias (2, 3u): row 0 is the input bias (bound by the base), row 1 the recurrent bias.
  if (!has_recurrent_bias()) return;
  const int ku = 3 * this->units_;
  new (&recurrent_bias_) VecMap<S>(bias + ku, ku);
  new (&d_recurrent_bias_) VecMap<S>(d_bias + ku, ku);
}

template <typename S>
void GruLayer<S>::resize_steps() {
  const int u = this->units_;
  reset_state_.resize(this->hidden_.rows(), u);
  recurrent_.resize(this->batch_, 3 * u);
  prev_h_gate_.resize(this->batch_, u);
}

// Fused, reset_after, sample by sample: q = h_{t−1} U + b_rec (b_rec alone at t = 0), z = σ(x_z +
// q_z), r = σ(x_r + q_r), h̃ = tanh(x_h + r ⊙ q_h), h_t = z ⊙ h_{t−1} + (1 − z) ⊙ h̃. The gate row
// keeps z, r, h̃ and reset_state_ keeps q_h, as in the general loop.
template <typename S>
void GruLayer<S>::forward_steps_fused() {
  const int time = this->time_steps(), batch = this->batch_, u = this->units_, n = 3 * u;
  const S* recurrent = this->recurrent_kernel_.data();
  S* q = recurrent_.data();  // row 0 of recurrent_: this sample's q
  for (int t = 0; t < time; ++t) {
    for (int b = 0; b < batch; ++b) {
      const int64_t row = int64_t(t) * batch + b;
      S* x = this->gates_.data() + row * n;
      S* h = this->hidden_.data() + row * u;
      const S* h_prev = t > 0 ? h - int64_t(batch) * u : nullptr;
      for (int k = 0; k < n; ++k) q[k] = has_recurrent_bias() ? recurrent_bias_[k] : S(0);
      if (h_prev) kernels::add_row_times_matrix(h_prev, recurrent, u, n, q);
      for (int k = 0; k < 2 * u; ++k) x[k] += q[k];
      kernels::activate_run(Activation::Sigmoid, x, 2 * u);  // z, r
      S* q_h = reset_state_.data() + row * u;
      const S* r = x + u;
      S* hh = x + 2 * u;
      for (int k = 0; k < u; ++k) {
        q_h[k] = q[2 * u + k];
        hh[k] += r[k] * q_h[k];
      }
      kernels::activate_run(Activation::Tanh, hh, u);
      const S* z = x;
      if (h_prev) {
        for (int k = 0; k < u; ++k) h[k] = z[k] * h_prev[k] + (S(1) - z[k]) * hh[k];
      } else {
        for (int k = 0; k < u; ++k) h[k] = (S(1) - z[k]) * hh[k];
      }
    }
  }
}

// Backward of the fused step: dz = dh ⊙ (h_{t−1} − h̃) ⊙ z(1 − z), da_h = dh ⊙ (1 − z)(1 − h̃²),
// dr = da_h ⊙ q_h ⊙ r(1 − r); dq = [dz, dr, da_h ⊙ r] for every step in d_recurrent_, then
// dU and db_rec as one product and one column sum after the loop.
template <typename S>
void GruLayer<S>::backward_steps_fused() {
  const int batch = this->batch_, u = this->units_, n = 3 * u;
  d_recurrent_.resize(this->gates_.rows(), n);
  this->fused_backward_walk([&](int t, int64_t row, const S* dy, S* d_next) {
    const S* x = this->gates_.data() + row * n;
    const S* q_h = reset_state_.data() + row * u;
    const S* h_prev = t > 0 ? this->hidden_.data() + (row - batch) * u : nullptr;
    S* dx = this->d_gates_.data() + row * n;
    S* dq = d_recurrent_.data() + row * n;
    for (int k = 0; k < u; ++k) {
      const S dh = d_next[k] + (dy ? dy[k] : S(0));
      const S z = x[k], r = x[u + k], hh = x[2 * u + k];
      const S hp = h_prev ? h_prev[k] : S(0);
      const S dz = dh * (hp - hh) * z * (S(1) - z);
      const S da_h = dh * (S(1) - z) * (S(1) - hh * hh);
      const S dr = da_h * q_h[k] * r * (S(1) - r);
      dx[k] = dq[k] = dz;
      dx[u + k] = dq[u + k] = dr;
      dx[2 * u + k] = da_h;
      dq[2 * u + k] = da_h * r;
      d_next[k] = dh * z;  // the direct path z ⊙ h_{t−1}; dq Uᵀ is added by the walk
    }
    return dq;
  });
  this->add_recurrent_kernel_gradient(d_recurrent_, 0);
  if (has_recurrent_bias()) add_column_sums<S>(d_recurrent_, d_recurrent_bias_.data());
}

// General: step t of every sample at once, either reset_after, recurrent masks m'_g.
template <typename S>
RNN_OPTIMIZE_SIZE void GruLayer<S>::forward_steps_general() {
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
RNN_OPTIMIZE_SIZE void GruLayer<S>::backward_steps_general() {
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

template <typename S>
RNN_COLD void GruLayer<S>::fill_trace(LayerTrace<S>& trace) const {
  const int time = this->time_steps(), u = this->units_;
  this->fill_step_values(trace);
  trace.gate_names = {"update", "reset"};
  trace.gates = {this->gates_.topRows(time).middleCols(0, u),
                 this->gates_.topRows(time).middleCols(u, u)};
}

template class GruLayer<float>;
template class GruLayer<double>;

}  // namespace rnn
