// The recurrent layers' hot loops, in one file built for speed (the rest of layers/ is built for
// size in the WebAssembly module, see CMakeLists.txt): the cells' fused per-sample loops and the
// passes over every row of a batch: the token-id gathers and scatters between the network's
// batch-major ids and the time-major rows, the permutations between batch-major and time-major
// rows, the input dropout mask and the input bias. (The last three were Eigen expressions in the
// size-built file, which the -Oz build did not inline: 15-20% of a batch of the dropout models,
// measured in Node.)
#include "engine/kernels/recurrent_step.hpp"
#include "engine/linalg.hpp"
#include "engine/layers/gru.hpp"
#include "engine/layers/lstm.hpp"
#include "engine/layers/simple_rnn.hpp"

namespace rnn {

template <typename S>
void RecurrentLayer<S>::gather_rows(const S* table, int cols, S* out) const {
  const int64_t rows = int64_t(this->batch_) * this->time_;
  for (int64_t r = 0; r < rows; ++r) {
    const S* from = table + int64_t(id_at(r)) * cols;
    S* to = out + r * cols;
    for (int k = 0; k < cols; ++k) to[k] = from[k];
  }
}

template <typename S>
void RecurrentLayer<S>::scatter_rows(const S* rows_in, int cols, S* table) const {
  const int64_t rows = int64_t(this->batch_) * this->time_;
  for (int64_t r = 0; r < rows; ++r) {
    const S* from = rows_in + r * cols;
    S* to = table + int64_t(id_at(r)) * cols;
    for (int k = 0; k < cols; ++k) to[k] += from[k];
  }
}

// Time-major row r = t·batch + b is batch-major row b·time + t.
template <typename S>
void RecurrentLayer<S>::permute_rows(const Mat<S>& from, Mat<S>& to, bool to_time) const {
  const int batch = this->batch_, time = this->time_;
  const int64_t cols = from.cols();
  to.resize(from.rows(), cols);
  for (int64_t r = 0; r < from.rows(); ++r) {
    const int64_t other = (r % batch) * time + r / batch;
    const S* x = from.data() + (to_time ? other : r) * cols;
    S* y = to.data() + (to_time ? r : other) * cols;
    for (int64_t k = 0; k < cols; ++k) y[k] = x[k];
  }
}

template <typename S>
void RecurrentLayer<S>::mask_rows(const Mat<S>& x, const Mat<S>& mask, Mat<S>& out) const {
  out.resize(x.rows(), x.cols());
  const int64_t cols = x.cols();
  for (int64_t r = 0; r < x.rows(); ++r) {
    const S* from = x.data() + r * cols;
    const S* m = mask.data() + mask_row(mask, r) * cols;
    S* to = out.data() + r * cols;
    for (int64_t k = 0; k < cols; ++k) to[k] = from[k] * m[k];
  }
}

template <typename S>
void RecurrentLayer<S>::add_input_bias(Mat<S>& rows) const {
  if (!this->spec_.use_bias) return;
  const int64_t cols = rows.cols();
  const S* b = input_bias_.data();
  for (int64_t r = 0; r < rows.rows(); ++r) {
    S* row = rows.data() + r * cols;
    for (int64_t k = 0; k < cols; ++k) row[k] += b[k];
  }
}

// The same step, fused and sample by sample (no recurrent dropout, sigmoid and tanh): for
// sample b at step t,
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

// The backward loop of the fused step, sample by sample, derivatives from the stored outputs
// (σ' = σ(1 − σ), tanh' = 1 − tanh²). dU is one product after the loop
// (add_recurrent_kernel_gradient); dh_{t−1} = dz Uᵀ uses Uᵀ, transposed once per batch.
template <typename S>
void LstmLayer<S>::backward_steps_fused() {
  const int time = this->time_steps(), batch = this->batch_, u = this->units_, n = 4 * u;
  this->recurrent_t_ = this->recurrent_kernel_.transpose();
  d_cell_next_.setZero(batch, u);
  this->d_next_.setZero();
  for (int t = time - 1; t >= 0; --t) {
    const S* above = this->d_hidden_at(t);
    for (int b = 0; b < batch; ++b) {
      const int64_t row = int64_t(t) * batch + b;
      const S* z = this->gates_.data() + row * n;
      const S* tc = cell_act_.data() + row * u;
      const S* c_prev = t > 0 ? cell_.data() + (row - batch) * u : nullptr;
      S* dz = this->d_gates_.data() + row * n;
      S* d_next = this->d_next_.data() + int64_t(b) * u;
      S* dc_next = d_cell_next_.data() + int64_t(b) * u;
      const S* dy = above ? above + int64_t(b) * u : nullptr;
      for (int k = 0; k < u; ++k) {
        const S dh = d_next[k] + (dy ? dy[k] : S(0));
        const S i = z[k], f = z[u + k], g = z[2 * u + k], o = z[3 * u + k], tck = tc[k];
        const S dc = dh * o * (S(1) - tck * tck) + dc_next[k];
        dz[k] = dc * g * i * (S(1) - i);
        dz[u + k] = c_prev ? dc * c_prev[k] * f * (S(1) - f) : S(0);
        dz[2 * u + k] = dc * i * (S(1) - g * g);
        dz[3 * u + k] = dh * tck * o * (S(1) - o);
        dc_next[k] = kernels::flushed(dc * f);
      }
      if (t > 0) {
        for (int k = 0; k < u; ++k) d_next[k] = S(0);
        kernels::add_row_times_matrix(dz, this->recurrent_t_.data(), n, u, d_next);
        kernels::flush_subnormals(d_next, u);
      }
    }
  }
  this->add_recurrent_kernel_gradient(this->d_gates_, 0);
}

// reset_after, sample by sample: q = h_{t−1} U + b_rec (b_rec alone at t = 0), z = σ(x_z + q_z),
// r = σ(x_r + q_r), h̃ = tanh(x_h + r ⊙ q_h), h_t = z ⊙ h_{t−1} + (1 − z) ⊙ h̃. The gate row keeps
// z, r, h̃ and reset_state_ keeps q_h, as in the general loop.
template <typename S>
void GruLayer<S>::forward_steps_fused() {
  const int time = this->time_steps(), batch = this->batch_, u = this->units_, n = 3 * u;
  const S* recurrent = this->recurrent_kernel_.data();
  S* q = recurrent_.data();  // row 0 of recurrent_: this sample's q
  for (int t = 0; t < time; ++t) {
    for (int b = 0; b < batch; ++b) {
      const int64_t row = int64_t(t) * batch + b;
      S* x = this->gates_.data() + row * n;
      S* h = this->hidden_.data() + row * u;
      const S* h_prev = t > 0 ? h - int64_t(batch) * u : nullptr;
      for (int k = 0; k < n; ++k) q[k] = has_recurrent_bias() ? recurrent_bias_[k] : S(0);
      if (h_prev) kernels::add_row_times_matrix(h_prev, recurrent, u, n, q);
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
  const int time = this->time_steps(), batch = this->batch_, u = this->units_, n = 3 * u;
  this->recurrent_t_ = this->recurrent_kernel_.transpose();
  d_recurrent_.resize(this->gates_.rows(), n);
  this->d_next_.setZero();
  for (int t = time - 1; t >= 0; --t) {
    const S* above = this->d_hidden_at(t);
    for (int b = 0; b < batch; ++b) {
      const int64_t row = int64_t(t) * batch + b;
      const S* x = this->gates_.data() + row * n;
      const S* q_h = reset_state_.data() + row * u;
      const S* h_prev = t > 0 ? this->hidden_.data() + (row - batch) * u : nullptr;
      S* dx = this->d_gates_.data() + row * n;
      S* dq = d_recurrent_.data() + row * n;
      S* d_next = this->d_next_.data() + int64_t(b) * u;
      const S* dy = above ? above + int64_t(b) * u : nullptr;
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
        d_next[k] = dh * z;
      }
      if (h_prev) kernels::add_row_times_matrix(dq, this->recurrent_t_.data(), n, u, d_next);
      kernels::flush_subnormals(d_next, u);
    }
  }
  this->add_recurrent_kernel_gradient(d_recurrent_, 0);
  if (has_recurrent_bias()) add_column_sums<S>(d_recurrent_, d_recurrent_bias_.data());
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
        kernels::flush_subnormals(d_next, u);
      }
    }
  }
  this->add_recurrent_kernel_gradient(this->d_gates_, 0);
}

template void RecurrentLayer<float>::permute_rows(const Mat<float>&, Mat<float>&, bool) const;
template void RecurrentLayer<double>::permute_rows(const Mat<double>&, Mat<double>&, bool) const;
template void RecurrentLayer<float>::mask_rows(const Mat<float>&, const Mat<float>&,
                                               Mat<float>&) const;
template void RecurrentLayer<double>::mask_rows(const Mat<double>&, const Mat<double>&,
                                                Mat<double>&) const;
template void RecurrentLayer<float>::add_input_bias(Mat<float>&) const;
template void RecurrentLayer<double>::add_input_bias(Mat<double>&) const;
template void RecurrentLayer<float>::gather_rows(const float*, int, float*) const;
template void RecurrentLayer<double>::gather_rows(const double*, int, double*) const;
template void RecurrentLayer<float>::scatter_rows(const float*, int, float*) const;
template void RecurrentLayer<double>::scatter_rows(const double*, int, double*) const;
template void LstmLayer<float>::forward_steps_fused();
template void LstmLayer<float>::backward_steps_fused();
template void LstmLayer<double>::forward_steps_fused();
template void LstmLayer<double>::backward_steps_fused();
template void GruLayer<float>::forward_steps_fused();
template void GruLayer<float>::backward_steps_fused();
template void GruLayer<double>::forward_steps_fused();
template void GruLayer<double>::backward_steps_fused();
template void SimpleRnnLayer<float>::forward_steps_fused();
template void SimpleRnnLayer<float>::backward_steps_fused();
template void SimpleRnnLayer<double>::forward_steps_fused();
template void SimpleRnnLayer<double>::backward_steps_fused();

}  // namespace rnn
