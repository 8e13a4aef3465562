#pragma once
// What SimpleRNN, LSTM and GRU share: Keras' weight layout — kernel W (in, k·u), recurrent_kernel
// U (u, k·u), bias whose first k·u entries are added to the input side — the input projection of
// every step in one matrix product before the time loop, Keras 3's RNN dropout masks, and the
// bookkeeping between the layer's (batch·time, features) rows and the per-step views of the loop.
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

#include <vector>

#include "engine/layers/layer.hpp"

namespace rnn {

template <typename S>
using RowsRef = Eigen::Ref<Mat<S>, 0, Eigen::OuterStride<>>;
template <typename S>
using ConstRowsRef = Eigen::Ref<const Mat<S>, 0, Eigen::OuterStride<>>;

template <typename S>
class RecurrentLayer : public Layer<S> {
 public:
  explicit RecurrentLayer(const LayerSpec& spec);
  void bind(S* params, S* grads) override;
  void forward(const LayerInput<S>& in, bool training, Rng& rng) final;
  const Mat<S>& output() const override;
  void backward(const Mat<S>& d_output, Mat<S>* d_input) final;
  bool is_recurrent_layer() const override { return true; }

  // h_t of every sample and step of the last forward, (batch·time, units), row b·time + t.
  const Mat<S>& hidden() const { return hidden_; }

 protected:
  // The cell's time loop. On entry gates_ holds P_t (the input projection) for every step; the
  // loop must fill hidden_ (and whatever its backward needs).
  virtual void forward_steps() = 0;
  // The cell's backward loop. On entry d_hidden_ holds d loss / d h_t coming from above; the loop
  // must fill d_gates_ with d loss / d P_t and accumulate the recurrent weights' gradients.
  virtual void backward_steps() = 0;
  // Called by bind() for cells with extra weights (the GRU's recurrent bias).
  virtual void bind_extra(S* /*params*/, S* /*grads*/) {}

  // h_{t−1} for every sample (t ≥ 1).
  ConstStepView<S> previous_hidden(int t) const { return step_rows(hidden_, t - 1, time_steps()); }
  int time_steps() const { return this->time_; }
  bool has_recurrent_masks() const { return !recurrent_masks_.empty(); }
  const Mat<S>& recurrent_mask(int gate) const { return recurrent_masks_[size_t(gate)]; }

  // out += Σ_g h̃_{t−1}^g U_g over gates [first_gate, first_gate + gates); out is (batch, gates·u).
  void add_recurrent(int t, RowsRef<S> out, int first_gate, int gates);
  // The transpose of add_recurrent for d_pre = d loss / d out:
  //   dU_g += h̃_{t−1}^gᵀ d_pre_g,  d_prev += Σ_g (d_pre_g U_gᵀ) ⊙ m'_g
  void backward_recurrent(int t, ConstRowsRef<S> d_pre, int first_gate, int gates, Mat<S>& d_prev);

  const int units_;
  const int gates_count_;
  const int in_features_;
  MatMap<S> kernel_{nullptr, 0, 0}, d_kernel_{nullptr, 0, 0};
  MatMap<S> recurrent_kernel_{nullptr, 0, 0}, d_recurrent_kernel_{nullptr, 0, 0};
  VecMap<S> input_bias_{nullptr, 0}, d_input_bias_{nullptr, 0};

  Mat<S> gates_;     // (batch·time, k·u): P_t, then whatever the cell keeps per step
  Mat<S> hidden_;    // (batch·time, u): h_t
  Mat<S> d_gates_;   // (batch·time, k·u): d loss / d P_t
  Mat<S> d_hidden_;  // (batch·time, u): d loss / d h_t from the layer above
  Mat<S> scratch_;   // (batch, u), for the cells' loops
  Mat<S> d_next_;    // (batch, u): d loss / d h_{t−1} carried back one step

 private:
  void draw_masks(bool training, Rng& rng);
  void project_inputs();
  void backward_inputs(Mat<S>* d_input);
  // out = x ⊙ mask, the mask row of sample b applied to all of b's steps.
  void mask_rows(const Mat<S>& x, const Mat<S>& mask, Mat<S>& out) const;

  const Mat<S>* input_ = nullptr;
  const int32_t* ids_ = nullptr;
  std::vector<Mat<S>> input_masks_;      // none, one shared, or one per gate: (batch, in)
  std::vector<Mat<S>> recurrent_masks_;  // none or one per gate: (batch, u)
  Mat<S> masked_input_;                  // (batch·time, in)
  Mat<S> masked_prev_;                   // (batch, u)
  Mat<S> d_prev_gate_;                   // (batch, u)
  Mat<S> last_;                          // (batch, u): h_T, the output without return_sequences
};

}  // namespace rnn
