#include "engine/layers/simple_rnn.hpp"

#include "engine/activations.hpp"
#include "engine/kernels/recurrent_step.hpp"

namespace rnn {

template <typename S>
void SimpleRnnLayer<S>::forward_steps() {
  const int time = this->time_steps();
  if (this->fusable()) return forward_steps_fused();
  for (int t = 0; t < time; ++t) {
    auto a = this->step(this->gates_, t);  // P_t = x̃_t W + b
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

// Sample by sample: a = P_t + h_{t−1} U, h_t = tanh(a); backward da = dh ⊙ (1 − h_t²),
// dh_{t−1} = da Uᵀ, dU as one product after the loop.
template <typename S>
void SimpleRnnLayer<S>::forward_steps_fused() {
  const int time = this->time_steps(), batch = this->batch_, u = this->units_;
  const S* recurrent = this->recurrent_kernel_.data();
  for (int t = 0; t < time; ++t) {
    for (int b = 0; b < batch; ++b) {
      const int64_t row = int64_t(t) * batch + b;
      S* a = this->gates_.data() + row * u;
      S* h = this->hidden_.data() + row * u;
      if (t > 0) kernels::add_row_times_matrix(h - int64_t(batch) * u, recurrent, u, u, a);
      for (int k = 0; k < u; ++k) h[k] = a[k];
      kernels::activate_run(Activation::Tanh, h, u);
    }
  }
}

template <typename S>
void SimpleRnnLayer<S>::backward_steps_fused() {
  const int time = this->time_steps(), batch = this->batch_, u = this->units_;
  this->recurrent_t_ = this->recurrent_kernel_.transpose();
  this->d_next_.setZero();
  for (int t = time - 1; t >= 0; --t) {
    const S* above = this->d_hidden_at(t);
    for (int b = 0; b < batch; ++b) {
      const int64_t row = int64_t(t) * batch + b;
      const S* h = this->hidden_.data() + row * u;
      S* da = this->d_gates_.data() + row * u;
      S* d_next = this->d_next_.data() + int64_t(b) * u;
      const S* dy = above ? above + int64_t(b) * u : nullptr;
      for (int k = 0; k < u; ++k) da[k] = (d_next[k] + (dy ? dy[k] : S(0))) * (S(1) - h[k] * h[k]);
      if (t > 0) {
        for (int k = 0; k < u; ++k) d_next[k] = S(0);
        kernels::add_row_times_matrix(da, this->recurrent_t_.data(), u, u, d_next);
      }
    }
  }
  this->add_recurrent_kernel_gradient(this->d_gates_, 0);
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
