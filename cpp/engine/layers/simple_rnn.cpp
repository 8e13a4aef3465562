#include "engine/layers/simple_rnn.hpp"

#include "engine/activations.hpp"

namespace rnn {

template <typename S>
void SimpleRnnLayer<S>::forward_steps() {
  const int time = this->time_steps();
  for (int t = 0; t < time; ++t) {
    auto a = step_rows(this->gates_, t, time);  // P_t = x̃_t W + b
    if (t > 0) this->add_recurrent(t, a, 0, 1);  // a_t = P_t + h̃_{t−1} U
    auto h = step_rows(this->hidden_, t, time);
    h = a;
    apply_activation(this->spec_.activation, h);  // h_t = act(a_t)
  }
}

template <typename S>
void SimpleRnnLayer<S>::backward_steps() {
  const int time = this->time_steps();
  Mat<S>& dh = this->scratch_;
  this->d_next_.setZero();
  for (int t = time - 1; t >= 0; --t) {
    dh = step_rows(this->d_hidden_, t, time) + this->d_next_;
    auto da = step_rows(this->d_gates_, t, time);
    activation_backward(this->spec_.activation, step_rows(this->hidden_, t, time), dh, da);
    this->d_next_.setZero();
    if (t > 0) this->backward_recurrent(t, da, 0, 1, this->d_next_);
  }
}

template <typename S>
void SimpleRnnLayer<S>::fill_trace(LayerTrace<S>& trace) const {
  trace.layer_name = this->spec_.name;
  trace.kind = this->spec_.kind;
  trace.hidden = this->hidden_.topRows(this->time_steps());
}

template class SimpleRnnLayer<float>;
template class SimpleRnnLayer<double>;

}  // namespace rnn
