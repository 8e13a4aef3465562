#pragma once
// What SimpleRNN, LSTM and GRU share: Keras' weight layout — kernel W (in, k·u), recurrent_kernel
// U (u, k·u), bias whose first k·u entries are added to the input side — the input projection of
// every step before the time loop, Keras 3's RNN dropout masks, and the bookkeeping between the
// network's batch-major rows (b·time + t) and the layer's own time-major ones.
//
// Layout: inside the layer every per-step matrix (gates_, hidden_, d_gates_, ...) is TIME-MAJOR,
// row t·batch + b, so step t of every sample is one contiguous block (step(m, t)) that stays in
// L1 while the cell works on it. Inputs and outputs keep the network's batch-major layout: the
// layer permutes continuous inputs on the way in, sequence outputs and input gradients on the way
// out.
//
// Dropout (Keras 3.8+, dropout_rnn_cell.py with lstm.py / gru.py / simple_rnn.py): masks are drawn
// once per batch, one value per (sample, feature), reused at every step, inverted scaling.
//   dropout only:            one input mask m, shared by all gates: x̃_t = x_t ⊙ m
//   with recurrent_dropout:  Keras switches to its per-gate cell ("implementation 1"): gate g gets
//                            its own input mask m_g and recurrent mask m'_g:
//                            x̃_t^g = x_t ⊙ m_g,  h̃_{t−1}^g = h_{t−1} ⊙ m'_g
// The masks only enter the matrix products; the GRU's z ⊙ h_{t−1} and the LSTM's c use the
// unmasked state. Nothing is dropped at evaluation.
//
//   input projection:  P_t = [x̃_t^g W_g]_g + b_in         (one-hot: P_t = [W_g[id] m_g(b, id)]_g)
//   backward:          dW_g += Σ_t x̃_t^gᵀ dP_t^g,  db_in += Σ dP_t,
//                      dx_t = Σ_g (dP_t^g W_gᵀ) ⊙ m_g
//
// Right above an Embedding E (vocab, e) and without an input mask, x_t = E[id_t], so every input
// projection is a row of the table T = E W + b_in (vocab, k·u): the layer computes T once per
// batch (vocab·e·k·u products instead of batch·time·e·k·u) and gathers P_t = T[id_t]. Backward
// scatters the other way, dT[id] += dP_t, then dW += Eᵀ dT, dE += dT Wᵀ, db_in += Σ dT. With an
// input mask the layer gathers x_t = E[id_t] itself and scatters dx_t back into dE.

// Where the code is: recurrent.cpp holds the layer's forward and backward around the cell's time
// loop (masks, the recurrent products of the general loops) and the input side, one function per
// input mode; recurrent_rows.cpp the passes over every row of a batch; each
// cell's own files its time loops: fused in lstm.cpp, gru.cpp, simple_rnn.cpp (built for speed),
// general in lstm_general.cpp, gru_general.cpp, simple_rnn_general.cpp (built for size);
// recurrent_trace.cpp what the cell anatomy reads.

#include <vector>

#include "engine/cold.hpp"
#include "engine/kernels/recurrent_step.hpp"
#include "engine/layers/layer.hpp"

namespace rnn {

template <typename S>
using RowsRef = Eigen::Ref<Mat<S>, 0, Eigen::OuterStride<>>;
template <typename S>
using ConstRowsRef = Eigen::Ref<const Mat<S>, 0, Eigen::OuterStride<>>;

template <typename S>
class RecurrentLayer : public Layer<S> {
 public:
  RecurrentLayer(const LayerSpec& spec, RecurrentPaths paths);
  void bind(S* params, S* grads) override;
  void forward(const LayerInput<S>& in, bool training, Rng& rng) final;
  const Mat<S>& output() const override;
  void backward(const Mat<S>& d_output, Mat<S>* d_input) final;
  bool is_recurrent_layer() const override { return true; }
  bool reads_embedding() const override { return !this->spec_.one_hot_input; }
  // dx_t = dP_t Wᵀ of the last backward pass (no dropout), row norms (recurrent_trace.cpp).
  void input_gradient_norms(Mat<S>& norms) const override;

  // h_t of every sample and step of the last forward, (batch·time, units), time-major:
  // row t·batch + b.
  const Mat<S>& hidden() const { return hidden_; }

 protected:
  // The cell's time loops, in two versions each: fused loops (kernels/
  // recurrent_step.hpp) for Keras' default activations without recurrent dropout — what nearly
  // every model runs — and general Eigen loops for the rest (recurrent dropout's per-gate masks,
  // other activations, the GRU's reset_after = false), which also serve the tests as the fused
  // loops' reference. fused() chooses; the base calls resize_steps() then one forward loop, and
  // the matching backward loop. All time-major.
  //   forward:  on entry gates_ holds P_t (the input projection) for every step; the loop must
  //             fill hidden_ (and whatever its backward needs).
  //   backward: on entry d_hidden_ holds d loss / d h_t coming from above; the loop must fill
  //             d_gates_ with d loss / d P_t and accumulate the recurrent weights' gradients.
  virtual bool fused() const { return fusable(); }
  virtual void resize_steps() {}  // the cell's own per-step matrices, before either forward
  virtual void forward_steps_fused() = 0;
  virtual void backward_steps_fused() = 0;
  virtual void forward_steps_general() = 0;
  virtual void backward_steps_general() = 0;
  // Sample 0 of the last forward (no dropout): what every cell's trace holds — x_t or its ids,
  // h_t, h_{t−1}, every gate's pre-activation and value (recurrent_trace.cpp; network.hpp).
  void fill_step_values(LayerTrace<S>& trace) const;
  // Called by bind() for cells with extra weights (the GRU's recurrent bias).
  virtual void bind_extra(S* /*params*/, S* /*grads*/) {}

  // Step t of every sample: rows t·batch .. t·batch + batch − 1 of a time-major matrix.
  StepView<S> step(Mat<S>& m, int t) const {
    return StepView<S>(m.data() + int64_t(t) * this->batch_ * m.cols(), this->batch_, m.cols(),
                       Eigen::OuterStride<>(m.cols()));
  }
  ConstStepView<S> step(const Mat<S>& m, int t) const {
    return ConstStepView<S>(m.data() + int64_t(t) * this->batch_ * m.cols(), this->batch_, m.cols(),
                            Eigen::OuterStride<>(m.cols()));
  }
  // h_{t−1} for every sample (t ≥ 1).
  ConstStepView<S> previous_hidden(int t) const { return step(hidden_, t - 1); }
  int time_steps() const { return this->time_; }
  // The cells' fused loops (kernels/recurrent_step.hpp) need no recurrent dropout and
  // Keras' default activations: tanh, and sigmoid gates. The general Eigen loops do the rest.
  bool fusable() const {
    return paths_.fused_loops && recurrent_masks_.empty() &&
           this->spec_.activation == Activation::Tanh &&
           (gates_count_ == 1 || this->spec_.recurrent_activation == Activation::Sigmoid);
  }
  bool has_recurrent_masks() const { return !recurrent_masks_.empty(); }
  void set_keras_version(KerasVersion keras) override { keras_ = keras; }
  const Mat<S>& recurrent_mask(int gate) const { return recurrent_masks_[size_t(gate)]; }

  // out += Σ_g h̃_{t−1}^g U_g over gates [first_gate, first_gate + gates); out is (batch, gates·u).
  void add_recurrent(int t, RowsRef<S> out, int first_gate, int gates);
  // The transpose of add_recurrent for d_pre = d loss / d out:
  //   dU_g += h̃_{t−1}^gᵀ d_pre_g,  d_prev += Σ_g (d_pre_g U_gᵀ) ⊙ m'_g
  void backward_recurrent(int t, ConstRowsRef<S> d_pre, int first_gate, int gates, Mat<S>& d_prev);
  // The fused loops' recurrent product for a whole step: row b of `out` += h_{t−1} U for every
  // sample b of step t (t ≥ 1), `out` holding the step's batch rows of k·u values one after the
  // other. Step t − 1 of h is one block of rows (time-major), so the product takes four samples at
  // a time (kernels::add_rows_times_matrix: each load of U serves four rows); every output is
  // summed in the same order as one sample at a time, so the bits do not change.
  void add_step_recurrent(int t, S* out) const {
    const int u = units_, n = gates_count_ * u;
    kernels::add_rows_times_matrix(hidden_.data() + int64_t(t - 1) * this->batch_ * u, u,
                                   this->batch_, recurrent_kernel_.data(), u, n, n, out, n);
  }
  // The fused backward loops' walk, from the last step back: Uᵀ once per batch, then for step t
  // the cell's `cell_step(t, row, dy, d_next)` for every sample b (row t·batch + b) turns dh =
  // d_next + dy (dy = nullptr when nothing comes from above at t) into the row's gate gradients,
  // leaves in d_next the part of d loss / d h_{t−1} that does not pass through U (the GRU's
  // dh ⊙ z; else 0) and writes the row's d_pre (k·u wide) that does into `d_pre_steps`
  // (time-major, (batch·time, k·u)); then the walk adds d_pre Uᵀ for the whole step (t ≥ 1, four
  // samples at a time, as add_step_recurrent) and flushes d_next (kernels::flush_subnormals).
  // Inline: the cell's step is inlined into the loop.
  template <typename CellStep>
  void fused_backward_walk(const Mat<S>& d_pre_steps, CellStep cell_step) {
    const int batch = this->batch_, u = units_, n = gates_count_ * u;
    recurrent_t_ = recurrent_kernel_.transpose();
    d_next_.setZero();
    for (int t = this->time_ - 1; t >= 0; --t) {
      const S* above = d_hidden_at(t);
      for (int b = 0; b < batch; ++b)
        cell_step(t, int64_t(t) * batch + b, above ? above + int64_t(b) * u : nullptr,
                  d_next_.data() + int64_t(b) * u);
      if (t > 0)
        kernels::add_rows_times_matrix(d_pre_steps.data() + int64_t(t) * batch * n, n, batch,
                                       recurrent_t_.data(), n, u, u, d_next_.data(), u);
      kernels::flush_subnormals(d_next_.data(), int64_t(batch) * u);
    }
  }
  // Without recurrent masks: dU[:, first_col ..] += Σ_{t ≥ 1} h_{t−1}ᵀ d_pre_t for every step at
  // once (one product), d_pre_t being the same columns of step t of the time-major `d_steps`.
  void add_recurrent_kernel_gradient(const Mat<S>& d_steps, int first_col);

  const RecurrentPaths paths_;
  const int units_;
  const int gates_count_;
  const int in_features_;
  MatMap<S> kernel_{nullptr, 0, 0}, d_kernel_{nullptr, 0, 0};
  MatMap<S> recurrent_kernel_{nullptr, 0, 0}, d_recurrent_kernel_{nullptr, 0, 0};
  VecMap<S> input_bias_{nullptr, 0}, d_input_bias_{nullptr, 0};

  Mat<S> gates_;    // (batch·time, k·u): P_t, then whatever the cell keeps per step
  Mat<S> hidden_;   // (batch·time, u): h_t
  Mat<S> d_gates_;  // (batch·time, k·u): d loss / d P_t
  // d loss / d h_t from the layer above, (batch·time, u); without return_sequences only the last
  // step gets one and d_hidden_ is (batch, u): use d_hidden_at(t).
  Mat<S> d_hidden_;
  // d loss / d h_t from above at step t, or nullptr when nothing comes from above at t.
  const S* d_hidden_at(int t) const {
    if (this->spec_.return_sequences) return d_hidden_.data() + int64_t(t) * this->batch_ * units_;
    return t == this->time_ - 1 ? d_hidden_.data() : nullptr;
  }
  // dh = d loss / d h_t: what comes from above at step t plus d_next_ (from step t + 1).
  void total_hidden_gradient(int t, Mat<S>& dh) const {
    dh = d_next_;
    if (const S* above = d_hidden_at(t))
      dh += Eigen::Map<const Mat<S>>(above, this->batch_, units_);
    kernels::flush_subnormals(dh.data(), dh.size());  // see kernels::flush_subnormals
  }
  Mat<S> scratch_;      // (batch, u), for the cells' loops
  Mat<S> d_next_;       // (batch, u): d loss / d h_{t−1} carried back one step
  Mat<S> recurrent_t_;  // (k·u, u): Uᵀ, for the fused backward loops

 private:
  // Where the inputs come from: continuous values; token ids read as one-hot vectors; ids through
  // an Embedding's table projected by W once per batch; ids gathered from the Embedding's table
  // into continuous values (when an input mask is in use).
  enum class InputMode { Values, OneHot, Table, Gathered };

  void draw_masks(bool training, Rng& rng);
  InputMode input_mode(const LayerInput<S>& in) const;

  // The input side (recurrent.cpp): gates_ = P_t for every step, one function per mode.
  void project_inputs();
  void project_table();
  void project_one_hot();
  void project_values();
  // Its backward from d_gates_ = dP: db_in, then dW and what lies below (dx, dE), per mode.
  void backward_inputs(Mat<S>* d_input);
  void backward_table();
  void backward_one_hot();
  // Values / Gathered without an input mask or with one shared by the gates, and with one mask per
  // gate (recurrent_dropout); d_input_ = dx, time-major, when `need_input`.
  void backward_values(bool need_input);
  void backward_values_per_gate(bool need_input);
  // The input mask entry that scales feature `id` of time-major row r for gate g (one-hot inputs).
  S one_hot_mask(int64_t r, int g, int id) const {
    const Mat<S>& m = input_masks_[input_masks_.size() == 1 ? 0 : size_t(g)];
    return m(mask_row(m, r), id);
  }

  // The passes over every row of a batch (recurrent_rows.cpp).
  // out = x ⊙ mask for time-major x: the mask row of sample b applied to all of b's steps, or,
  // for a per-step mask (as many rows as x), row by row. out may be x.
  void mask_rows(const Mat<S>& x, const Mat<S>& mask, Mat<S>& out) const;
  // rows += b_in, row by row.
  void add_input_bias(Mat<S>& rows) const;
  // Row b·time + t of the batch-major `from` to row t·batch + b of `to` (time-major), or back.
  void permute_rows(const Mat<S>& from, Mat<S>& to, bool to_time) const;
  void to_time_major(const Mat<S>& from, Mat<S>& to) const { permute_rows(from, to, true); }
  void to_batch_major(const Mat<S>& from, Mat<S>& to) const { permute_rows(from, to, false); }
  // tf.keras 2 (2.6-2.10) runs an LSTM / GRU that cuDNN could run (tanh, sigmoid gates, no
  // recurrent_dropout, a bias; GRU also reset_after) as one whole-sequence kernel and applies
  // `dropout` to the whole input sequence before it: a fresh mask at every step, shared by the
  // gates (keras/layers/rnn/lstm.py and gru.py at v2.10.0: get_dropout_mask_for_cell(inputs)
  // on the 3-D inputs). SimpleRNN and the other cases use the cell's one mask per sequence.
  bool per_step_input_mask() const;
  // The row of the single input mask that applies to time-major row r.
  int64_t mask_row(const Mat<S>& mask, int64_t r) const {
    return mask.rows() == this->batch_ ? r % this->batch_ : r;
  }
  // out row r = row id_at(r) of `table` (cols wide), for every time-major row r; and back:
  // table row id_at(r) += row r of `rows_in`.
  void gather_rows(const S* table, int cols, S* out) const;
  void scatter_rows(const S* rows_in, int cols, S* table) const;
  // Token id of time-major row r = t·batch + b.
  int32_t id_at(int64_t r) const {
    return ids_[(r % this->batch_) * this->time_ + r / this->batch_];
  }

  InputMode mode_ = InputMode::Values;
  KerasVersion keras_ = KerasVersion::Keras3;
  const int32_t* ids_ = nullptr;
  const S* embedding_ = nullptr;  // (vocab_, in): the Embedding's table (Table / Gathered)
  S* d_embedding_ = nullptr;
  int vocab_ = 0;
  std::vector<Mat<S>> input_masks_;      // none, one shared, or one per gate: (batch, in); the
                                         // shared one per step (batch·time, in) for tf.keras 2
  std::vector<Mat<S>> recurrent_masks_;  // none or one per gate: (batch, u)
  Mat<S> input_;                         // (batch·time, in): the inputs, time-major
  Mat<S> masked_input_;                  // (batch·time, in): x̃, kept from forward for backward
  Mat<S> table_;                         // (vocab, k·u): E W + b_in (Table)
  Mat<S> d_table_;                       // (vocab, k·u)
  Mat<S> d_input_;                       // (batch·time, in): d loss / d input, time-major
  Mat<S> masked_prev_;                   // (batch, u)
  Mat<S> d_prev_gate_;                   // (batch, u)
  Mat<S> last_;                          // (batch, u): h_T, the output without return_sequences
  Mat<S> sequence_;                      // (batch·time, u): h_t batch-major, with return_sequences
};

}  // namespace rnn
