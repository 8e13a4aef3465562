#include "engine/layers/simple_rnn.hpp"

#include "engine/activations.hpp"

namespace rnn {

template <typename S>
void SimpleRnnLayer<S>::forward_steps() {
  const int time = this->time_steps();
  if (this->fusable()) return forward_steps_fused();
  for (int t = 0; t < time; ++t) {
    auto a = this->step(this->gates_, t);        // P_t = x̃_t W + b
    if (t > 0) this->add_recurrent(t, a, 0, 1);  // a_t = P_t + h̃_{t−1} U
    auto h = this->step(this->hidden_, t);
    h = a;
    apply_activation(this->spec_.activation, h);  // h_t = act(a_t)
  }
}

template <typename S>
void SimpleRnnLayer<S>::backward_steps() {
  const int time = this->time_steps();
  if (this->fusable()) return backward_steps_fused();
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

template <typename S>
void SimpleRnnLayer<S>::fill_trace(LayerTrace<S>& trace) const {
  this->fill_step_values(trace);
}

template class SimpleRnnLayer<float>;
template class SimpleRnnLayer<double>;

}  // namespace rnn
