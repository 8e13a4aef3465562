// The SimpleRNN's general loops (equations in simple_rnn.hpp), forward and backward side by side:
// step t of every sample at once as Eigen expressions, for recurrent dropout and other activations
// — what the fused loops in simple_rnn.cpp do not cover — and the tests' reference for the fused
// loops (tests/cpp/recurrent_paths_test.cpp). Uncommon configurations: built for size (-Oz; at -O3
// their Eigen expressions cost about 7 KB of the .wasm, measured 2026-12-05).
#include "engine/layers/simple_rnn.hpp"

#include "engine/activations.hpp"

namespace rnn {

// General: step t of every sample at once, any activation, recurrent mask m'.
template <typename S>
void SimpleRnnLayer<S>::forward_steps_general() {
  const int time = this->time_steps();
  for (int t = 0; t < time; ++t) {
    auto a = this->step(this->gates_, t);        // P_t = x̃_t W + b
    if (t > 0) this->add_recurrent(t, a, 0, 1);  // a_t = P_t + h̃_{t−1} U
    auto h = this->step(this->hidden_, t);
    h = a;
    apply_activation(this->spec_.activation, h);  // h_t = act(a_t)
  }
}

template <typename S>
void SimpleRnnLayer<S>::backward_steps_general() {
  const int time = this->time_steps();
  Mat<S>& dh = this->scratch_;
  this->d_next_.setZero();
  for (int t = time - 1; t >= 0; --t) {
    this->total_hidden_gradient(t, dh);
    auto da = this->step(this->d_gates_, t);
    activation_backward(this->spec_.activation, this->step(this->hidden_, t), dh, da);
    this->d_next_.setZero();
    if (t > 0) this->backward_recurrent(t, da, 0, 1, this->d_next_);
  }
}

template void SimpleRnnLayer<float>::forward_steps_general();
template void SimpleRnnLayer<float>::backward_steps_general();
template void SimpleRnnLayer<double>::forward_steps_general();
template void SimpleRnnLayer<double>::backward_steps_general();

}  // namespace rnn
