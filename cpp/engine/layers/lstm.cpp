// The LSTM's time loops (equations in lstm.hpp): the fused loops that Keras' default
// LSTM runs, forward and backward side by side, built for speed (-O3, CMakeLists.txt). The general
// Eigen loops, for recurrent dropout and other activations and the tests' reference for the fused
// ones (tests/cpp/recurrent_paths_test.cpp), are in lstm_general.cpp, built for size.
#include "engine/layers/lstm.hpp"

#include <algorithm>

#include "engine/activations.hpp"

namespace rnn {

template <typename S>
void LstmLayer<S>::resize_steps() {
  cell_.resize(this->hidden_.rows(), this->units_);
  cell_act_.resize(this->hidden_.rows(), this->units_);
}

// Fused (no recurrent dropout, sigmoid and tanh): at step t, for every sample b,
//   z += h_{t−1} U;  i, f, o = σ(z_i, z_f, z_o), g = tanh(z_c) in place;
//   c_t = f ⊙ c_{t−1} + i ⊙ g;  tanh(c_t);  h_t = o ⊙ tanh(c_t)
// Time-major rows: step t of all samples is one contiguous block, step t − 1 the block before, so
// z += h_{t−1} U is one product over the step's rows (add_step_recurrent), then the rest sample
// by sample.
template <typename S>
void LstmLayer<S>::forward_steps_fused() {
  const int time = this->time_steps(), batch = this->batch_, u = this->units_, n = 4 * u;
  for (int t = 0; t < time; ++t) {
    if (t > 0) this->add_step_recurrent(t, this->gates_.data() + int64_t(t) * batch * n);
    for (int b = 0; b < batch; ++b) {
      const int64_t row = int64_t(t) * batch + b;
      S* z = this->gates_.data() + row * n;
      S* c = cell_.data() + row * u;
      S* tc = cell_act_.data() + row * u;
      S* h = this->hidden_.data() + row * u;
      kernels::activate_run(Activation::Sigmoid, z, 2 * u);      // i, f
      kernels::activate_run(Activation::Tanh, z + 2 * u, u);     // g
      kernels::activate_run(Activation::Sigmoid, z + 3 * u, u);  // o
      const S* i = z;
      const S* f = z + u;
      const S* g = z + 2 * u;
      if (t > 0) {
        const S* c_prev = c - int64_t(batch) * u;
        for (int k = 0; k < u; ++k) c[k] = f[k] * c_prev[k] + i[k] * g[k];
      } else {
        for (int k = 0; k < u; ++k) c[k] = i[k] * g[k];
      }
      for (int k = 0; k < u; ++k) tc[k] = c[k];
      kernels::activate_run(Activation::Tanh, tc, u);
      const S* o = z + 3 * u;
      for (int k = 0; k < u; ++k) h[k] = o[k] * tc[k];
    }
  }
}

// The fused backward step, sample by sample, derivatives from the stored outputs
// (σ' = σ(1 − σ), tanh' = 1 − tanh²); the walk adds dh_{t−1} = dz Uᵀ for the whole step. dU is
// one product after the loop (add_recurrent_kernel_gradient).
template <typename S>
void LstmLayer<S>::backward_steps_fused() {
  const int batch = this->batch_, u = this->units_, n = 4 * u;
  d_cell_next_.setZero(batch, u);
  this->fused_backward_walk(this->d_gates_, [&](int t, int64_t row, const S* dy, S* d_next) {
    const S* z = this->gates_.data() + row * n;
    const S* tc = cell_act_.data() + row * u;
    const S* c_prev = t > 0 ? cell_.data() + (row - batch) * u : nullptr;
    S* dz = this->d_gates_.data() + row * n;
    S* dc_next = d_cell_next_.data() + (row % batch) * u;
    for (int k = 0; k < u; ++k) {
      const S dh = d_next[k] + (dy ? dy[k] : S(0));
      const S i = z[k], f = z[u + k], g = z[2 * u + k], o = z[3 * u + k], tck = tc[k];
      const S dc = dh * o * (S(1) - tck * tck) + dc_next[k];
      dz[k] = dc * g * i * (S(1) - i);
      dz[u + k] = c_prev ? dc * c_prev[k] * f * (S(1) - f) : S(0);
      dz[2 * u + k] = dc * i * (S(1) - g * g);
      dz[3 * u + k] = dh * tck * o * (S(1) - o);
      dc_next[k] = kernels::flushed(dc * f);
      d_next[k] = S(0);  // dh_{t−1} = dz Uᵀ only
    }
  });
  this->add_recurrent_kernel_gradient(this->d_gates_, 0);
}

template <typename S>
RNN_COLD void LstmLayer<S>::fill_trace(LayerTrace<S>& trace) const {
  const int time = this->time_steps(), u = this->units_;
  this->fill_step_values(trace);
  trace.cell = cell_.topRows(time);
  trace.cell_prev.setZero(time, u);  // c_{t−1}: row t − 1 of c (zero before the first step)
  std::copy_n(cell_.data(), int64_t(std::max(0, time - 1)) * u, trace.cell_prev.data() + u);
  trace.gate_names = {"input", "forget", "output"};
  trace.gates = {this->gates_.topRows(time).middleCols(0, u),
                 this->gates_.topRows(time).middleCols(u, u),
                 this->gates_.topRows(time).middleCols(3 * u, u)};
}

template class LstmLayer<float>;
template class LstmLayer<double>;

}  // namespace rnn
