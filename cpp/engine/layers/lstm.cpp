#include "engine/layers/lstm.hpp"

#include "engine/activations.hpp"
#include "engine/kernels/recurrent_step.hpp"

namespace rnn {

template <typename S>
void LstmLayer<S>::forward_steps() {
  const int time = this->time_steps(), u = this->units_;
  const Activation act = this->spec_.activation, rec = this->spec_.recurrent_activation;
  cell_.resize(this->hidden_.rows(), u);
  cell_act_.resize(this->hidden_.rows(), u);
  if (!this->has_recurrent_masks()) return forward_steps_fused();
  for (int t = 0; t < time; ++t) {
    auto z = step_rows(this->gates_, t, time);  // x̃_t W + b
    if (t > 0) this->add_recurrent(t, z, 0, 4);  // + h̃_{t−1} U
    auto i = z.middleCols(0, u), f = z.middleCols(u, u), g = z.middleCols(2 * u, u),
         o = z.middleCols(3 * u, u);
    apply_activation(rec, i);
    apply_activation(rec, f);
    apply_activation(act, g);
    apply_activation(rec, o);
    auto c = step_rows(cell_, t, time);
    if (t > 0)
      c = f.cwiseProduct(step_rows(cell_, t - 1, time)) + i.cwiseProduct(g);  // f ⊙ c_{t−1} + i ⊙ g
    else
      c = i.cwiseProduct(g);
    auto tc = step_rows(cell_act_, t, time);
    tc = c;
    apply_activation(act, tc);                                   // act(c_t)
    step_rows(this->hidden_, t, time) = o.cwiseProduct(tc);      // h_t = o ⊙ act(c_t)
  }
}

// The same step, fused and sample by sample (no recurrent dropout): for sample b at step t,
//   z += h_{t−1} U;  i, f, o = σ(z_i, z_f, z_o), g = act(z_c) in place;
//   c_t = f ⊙ c_{t−1} + i ⊙ g;  act(c_t);  h_t = o ⊙ act(c_t)
// Row b·time + t follows row b·time + t − 1, so h_{t−1} and c_{t−1} are the rows just above. The
// loop runs step by step over all samples: consecutive samples are independent, which lets the CPU
// overlap their dependency chains (sample by sample over the whole sequence measured slower).
template <typename S>
void LstmLayer<S>::forward_steps_fused() {
  const int time = this->time_steps(), u = this->units_, n = 4 * u;
  const Activation act = this->spec_.activation, rec = this->spec_.recurrent_activation;
  const S* recurrent = this->recurrent_kernel_.data();
  for (int t = 0; t < time; ++t) {
    for (int b = 0; b < this->batch_; ++b) {
      const int64_t row = int64_t(b) * time + t;
      S* z = this->gates_.data() + row * n;
      S* c = cell_.data() + row * u;
      S* tc = cell_act_.data() + row * u;
      S* h = this->hidden_.data() + row * u;
      if (t > 0) kernels::add_row_times_matrix(h - u, recurrent, u, n, z);
      kernels::activate_run(rec, z, u);           // i
      kernels::activate_run(rec, z + u, u);       // f
      kernels::activate_run(act, z + 2 * u, u);   // g
      kernels::activate_run(rec, z + 3 * u, u);   // o
      const S* i = z;
      const S* f = z + u;
      const S* g = z + 2 * u;
      if (t > 0) {
        const S* c_prev = c - u;
        for (int k = 0; k < u; ++k) c[k] = f[k] * c_prev[k] + i[k] * g[k];
      } else {
        for (int k = 0; k < u; ++k) c[k] = i[k] * g[k];
      }
      for (int k = 0; k < u; ++k) tc[k] = c[k];
      kernels::activate_run(act, tc, u);
      const S* o = z + 3 * u;
      for (int k = 0; k < u; ++k) h[k] = o[k] * tc[k];
    }
  }
}

template <typename S>
void LstmLayer<S>::backward_steps() {
  const int time = this->time_steps(), u = this->units_;
  const Activation act = this->spec_.activation, rec = this->spec_.recurrent_activation;
  Mat<S>& dh = this->scratch_;
  d_cell_.resize(this->batch_, u);
  d_cell_next_.setZero(this->batch_, u);
  gate_scratch_.resize(this->batch_, u);
  this->d_next_.setZero();
  for (int t = time - 1; t >= 0; --t) {
    const auto z = step_rows(this->gates_, t, time);
    const auto i = z.middleCols(0, u), f = z.middleCols(u, u), g = z.middleCols(2 * u, u),
               o = z.middleCols(3 * u, u);
    const auto tc = step_rows(cell_act_, t, time);
    auto dz = step_rows(this->d_gates_, t, time);
    dh = step_rows(this->d_hidden_, t, time) + this->d_next_;
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
      gate_scratch_ = d_cell_.cwiseProduct(step_rows(cell_, t - 1, time));
      activation_backward(rec, f, gate_scratch_, dz.middleCols(u, u));
    } else {
      dz.middleCols(u, u).setZero();
    }
    d_cell_next_ = d_cell_.cwiseProduct(f);  // dc_{t−1} = dc ⊙ f
    this->d_next_.setZero();
    if (t > 0) this->backward_recurrent(t, dz, 0, 4, this->d_next_);
  }
}

template <typename S>
void LstmLayer<S>::fill_trace(LayerTrace<S>& trace) const {
  const int time = this->time_steps(), u = this->units_;
  trace.layer_name = this->spec_.name;
  trace.kind = this->spec_.kind;
  trace.hidden = this->hidden_.topRows(time);
  trace.cell = cell_.topRows(time);
  trace.gate_names = {"input", "forget", "output"};
  trace.gates = {this->gates_.topRows(time).middleCols(0, u),
                 this->gates_.topRows(time).middleCols(u, u),
                 this->gates_.topRows(time).middleCols(3 * u, u)};
}

template class LstmLayer<float>;
template class LstmLayer<double>;

}  // namespace rnn
