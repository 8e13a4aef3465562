// The LSTM's general loops (equations in lstm.hpp), forward and backward side by side: step t of
// every sample at once as Eigen expressions, for recurrent dropout and other activations
// — what the fused loops in lstm.cpp do not cover — and the tests' reference for the fused loops
// (tests/cpp/recurrent_paths_test.cpp). Uncommon configurations: built for size (-Oz; at -O3 their
// Eigen expressions cost about 7 KB of the .wasm, measured 2026-12-05).
#include "engine/layers/lstm.hpp"

#include "engine/activations.hpp"

namespace rnn {

// General: step t of every sample at once, any activations, recurrent masks m'_g.
template <typename S>
void LstmLayer<S>::forward_steps_general() {
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
void LstmLayer<S>::backward_steps_general() {
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

template void LstmLayer<float>::forward_steps_general();
template void LstmLayer<float>::backward_steps_general();
template void LstmLayer<double>::forward_steps_general();
template void LstmLayer<double>::backward_steps_general();

}  // namespace rnn
