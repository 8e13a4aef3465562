// The GRU's time loops (equations in gru.hpp): the fused loops that Keras' default
// GRU runs, forward and backward side by side, built for speed (-O3, CMakeLists.txt). The general
// Eigen loops, for reset_after = false, recurrent dropout and other activations and the tests'
// reference for the fused ones (tests/cpp/recurrent_paths_test.cpp), are in gru_general.cpp, built
// for size.
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

// Fused, reset_after: q = h_{t−1} U + b_rec (b_rec alone at t = 0) for every sample of step t as
// one product over the step's rows (add_step_recurrent), then sample by sample z = σ(x_z + q_z),
// r = σ(x_r + q_r), h̃ = tanh(x_h + r ⊙ q_h), h_t = z ⊙ h_{t−1} + (1 − z) ⊙ h̃. The gate row
// keeps z, r, h̃ and reset_state_ keeps q_h, as in the general loop.
template <typename S>
void GruLayer<S>::forward_steps_fused() {
  const int time = this->time_steps(), batch = this->batch_, u = this->units_, n = 3 * u;
  for (int t = 0; t < time; ++t) {
    S* q_step = recurrent_.data();  // (batch, 3u): q of every sample of step t
    for (int64_t b = 0; b < batch; ++b)
      for (int k = 0; k < n; ++k)
        q_step[b * n + k] = has_recurrent_bias() ? recurrent_bias_[k] : S(0);
    if (t > 0) this->add_step_recurrent(t, q_step);
    for (int b = 0; b < batch; ++b) {
      const int64_t row = int64_t(t) * batch + b;
      S* x = this->gates_.data() + row * n;
      S* h = this->hidden_.data() + row * u;
      const S* h_prev = t > 0 ? h - int64_t(batch) * u : nullptr;
      const S* q = q_step + int64_t(b) * n;
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
  this->fused_backward_walk(d_recurrent_, [&](int t, int64_t row, const S* dy, S* d_next) {
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
  });
  this->add_recurrent_kernel_gradient(d_recurrent_, 0);
  if (has_recurrent_bias()) add_column_sums<S>(d_recurrent_, d_recurrent_bias_.data());
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
