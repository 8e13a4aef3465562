// The LSTM's time loops (equations in lstm.hpp), forward and backward side by side: the fused
// per-sample loops that Keras' default LSTM runs, built for speed, then the general Eigen loops for
// recurrent dropout and other activations, built for size (RNN_OPTIMIZE_SIZE), which also serve
// the tests as the fused loops' reference (tests/cpp/recurrent_paths_test.cpp).
#include "engine/layers/lstm.hpp"

#include <algorithm>

#include "engine/activations.hpp"

namespace rnn {

template <typename S>
void LstmLayer<S>::resize_steps() {
  cell_.resize(this->hidden_.rows(), this->units_);
  cell_act_.resize(this->hidden_.rows(), this->units_);
}

// Fused, sample by sample (no recurrent dropout, sigmoid and tanh): for sample b at step t,
//   z += h_{t−1} U;  i, f, o = σ(z_i, z_f, z_o), g = tanh(z_c) in place;
//   c_t = f ⊙ c_{t−1} + i ⊙ g;  tanh(c_t);  h_t = o ⊙ tanh(c_t)
// Time-major rows: step t of all samples is one contiguous block, step t − 1 the block before.
template <typename S>
void LstmLayer<S>::forward_steps_fused() {
  const int time = this->time_steps(), batch = this->batch_, u = this->units_, n = 4 * u;
  const S* recurrent = this->recurrent_kernel_.data();
  for (int t = 0; t < time; ++t) {
    for (int b = 0; b < batch; ++b) {
      const int64_t row = int64_t(t) * batch + b;
      S* z = this->gates_.data() + row * n;
      S* c = cell_.data() + row * u;
      S* tc = cell_act_.data() + row * u;
      S* h = this->hidden_.data() + row * u;
      if (t > 0) kernels::add_row_times_matrix(h - int64_t(batch) * u, recurrent, u, n, z);
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

// The fused backward loop, sample by sample, derivatives from the stored outputs
// (σ' = σ(1 − σ), tanh' = 1 − tanh²). dU is one product after the loop
// (add_recurrent_kernel_gradient); dh_{t−1} = dz Uᵀ uses Uᵀ, transposed once per batch.
template <typename S>
void LstmLayer<S>::backward_steps_fused() {
  const int batch = this->batch_, u = this->units_, n = 4 * u;
  d_cell_next_.setZero(batch, u);
  this->fused_backward_walk([&](int t, int64_t row, const S* dy, S* d_next) {
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
    return dz;
  });
  this->add_recurrent_kernel_gradient(this->d_gates_, 0);
}

// General: step t of every sample at once, any activations, recurrent masks m'_g.
template <typename S>
RNN_OPTIMIZE_SIZE void LstmLayer<S>::forward_steps_general() {
  const int time = this->time_steps(), u = this->units_;
  const Activation act = this->spec_.activation, rec = this->spec_.recurrent_activation;
  for (int t = 0; t < time; ++t) {
    auto z = this->step(this->gates_, t);        // x̃_t W + b
    if (t > 0) this->add_recurrent(t, z, 0, 4);  // + h̃_{t−1} U
    auto i = z.middleCols(0, u), f = z.middleCols(u, u), g = z.middleCols(2 * u, u),
         o = z.middleCols(3 * u, u);
    apply_activation(rec, i);
    apply_activation(rec, f);
    apply_activation(act, g);
    apply_activation(rec, o);
    auto c = this->step(cell_, t);
    if (t > 0)
      c = f.cwiseProduct(this->step(cell_, t - 1)) + i.cwiseProduct(g);  // f ⊙ c_{t−1} + i ⊙ g
    else
      c = i.cwiseProduct(g);
    auto tc = this->step(cell_act_, t);
    tc = c;
    apply_activation(act, tc);                          // act(c_t)
    this->step(this->hidden_, t) = o.cwiseProduct(tc);  // h_t = o ⊙ act(c_t)
  }
}

template <typename S>
RNN_OPTIMIZE_SIZE void LstmLayer<S>::backward_steps_general() {
  const int time = this->time_steps(), u = this->units_;
  const Activation act = this->spec_.activation, rec = this->spec_.recurrent_activation;
  Mat<S>& dh = this->scratch_;
  d_cell_.resize(this->batch_, u);
  d_cell_next_.setZero(this->batch_, u);
  gate_scratch_.resize(this->batch_, u);
  this->d_next_.setZero();
  for (int t = time - 1; t >= 0; --t) {
    const auto z = this->step(this->gates_, t);
    const auto i = z.middleCols(0, u), f = z.middleCols(u, u), g = z.middleCols(2 * u, u),
               o = z.middleCols(3 * u, u);
    const auto tc = this->step(cell_act_, t);
    auto dz = this->step(this->d_gates_, t);
    this->total_hidden_gradient(t, dh);
    // dc = act'(c_t) ⊙ (dh ⊙ o) + dc from step t+1
    gate_scratch_ = dh.cwiseProduct(o);
    activation_backward(act, tc, gate_scratch_, d_cell_);
    d_cell_ += d_cell_next_;
    // do = dh ⊙ act(c_t)
    gate_scratch_ = dh.cwiseProduct(tc);
    activation_backward(rec, o, gate_scratch_, dz.middleCols(3 * u, u));
    // di = dc ⊙ g
    gate_scratch_ = d_cell_.cwiseProduct(g);
    activation_backward(rec, i, gate_scratch_, dz.middleCols(0, u));
    // dg = dc ⊙ i
    gate_scratch_ = d_cell_.cwiseProduct(i);
    activation_backward(act, g, gate_scratch_, dz.middleCols(2 * u, u));
    // df = dc ⊙ c_{t−1}  (c_0 = 0)
    if (t > 0) {
      gate_scratch_ = d_cell_.cwiseProduct(this->step(cell_, t - 1));
      activation_backward(rec, f, gate_scratch_, dz.middleCols(u, u));
    } else {
      dz.middleCols(u, u).setZero();
    }
    d_cell_next_ = d_cell_.cwiseProduct(f);  // dc_{t−1} = dc ⊙ f
    // The carried gradients leave the subnormal range: dc here, dh in total_hidden_gradient.
    kernels::flush_subnormals(d_cell_next_.data(), d_cell_next_.size());
    this->d_next_.setZero();
    if (t > 0) this->backward_recurrent(t, dz, 0, 4, this->d_next_);
  }
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
