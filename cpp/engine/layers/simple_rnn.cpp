// The SimpleRNN's time loops (equations in simple_rnn.hpp): the fused loops that Keras'
// default SimpleRNN runs, forward and backward side by side, built for speed (-O3, CMakeLists.txt).
// The general Eigen loops, for recurrent dropout and other activations and the tests' reference for
// the fused ones (tests/cpp/recurrent_paths_test.cpp), are in simple_rnn_general.cpp, built for
// size.
#include "engine/layers/simple_rnn.hpp"

#include "engine/activations.hpp"

namespace rnn {

// Fused: a = P_t + h_{t−1} U (one product over the step's rows), h_t = tanh(a); backward
// da = dh ⊙ (1 − h_t²) sample by sample, dh_{t−1} = da Uᵀ (the walk), dU as one product after
// the loop.
template <typename S>
void SimpleRnnLayer<S>::forward_steps_fused() {
  const int time = this->time_steps(), batch = this->batch_, u = this->units_;
  for (int t = 0; t < time; ++t) {
    if (t > 0) this->add_step_recurrent(t, this->gates_.data() + int64_t(t) * batch * u);
    for (int b = 0; b < batch; ++b) {
      const int64_t row = int64_t(t) * batch + b;
      const S* a = this->gates_.data() + row * u;
      S* h = this->hidden_.data() + row * u;
      for (int k = 0; k < u; ++k) h[k] = a[k];
      kernels::activate_run(Activation::Tanh, h, u);
    }
  }
}

template <typename S>
void SimpleRnnLayer<S>::backward_steps_fused() {
  const int u = this->units_;
  this->fused_backward_walk(this->d_gates_, [&](int /*t*/, int64_t row, const S* dy, S* d_next) {
    const S* h = this->hidden_.data() + row * u;
    S* da = this->d_gates_.data() + row * u;
    for (int k = 0; k < u; ++k) {
      da[k] = (d_next[k] + (dy ? dy[k] : S(0))) * (S(1) - h[k] * h[k]);
      d_next[k] = S(0);  // dh_{t−1} = da Uᵀ only
    }
  });
  this->add_recurrent_kernel_gradient(this->d_gates_, 0);
}

template <typename S>
RNN_COLD void SimpleRnnLayer<S>::fill_trace(LayerTrace<S>& trace) const {
  this->fill_step_values(trace);
}

template class SimpleRnnLayer<float>;
template class SimpleRnnLayer<double>;

}  // namespace rnn
