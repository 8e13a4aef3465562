// The activations of activations.hpp, compiled once per scalar type.
#include "engine/activations.hpp"

namespace rnn {

namespace {

// Applies a contiguous-array kernel to every row (a row of ActivationRows is contiguous).
void for_each_float_row(ActivationRows<float>& block, void (*row_kernel)(float*, int64_t)) {
  for (Eigen::Index r = 0; r < block.rows(); ++r) row_kernel(&block.coeffRef(r, 0), block.cols());
}

}  // namespace

template <typename S>
void apply_activation_rows(Activation act, ActivationRows<S> block) {
  switch (act) {
    case Activation::Linear:
      return;
    case Activation::Relu:
      block = block.array().cwiseMax(S(0));
      return;
    case Activation::Tanh:
      // float: the fast kernel (error ≤ 3.6e-7, kernels/fast_math.hpp); double: exact std::tanh.
      if constexpr (std::is_same_v<S, float>)
        for_each_float_row(block, kernels::fast_tanh_inplace);
      else
        block = block.array().tanh();
      return;
    case Activation::Sigmoid:
      // float: the fast kernel (error ≤ 1.5e-7); double: Eigen's exact logistic, safe far out.
      if constexpr (std::is_same_v<S, float>)
        for_each_float_row(block, kernels::fast_sigmoid_inplace);
      else
        block = block.array().logistic();
      return;
    case Activation::HardSigmoid:
      block = (block.array() * S(0.2) + S(0.5)).cwiseMax(S(0)).cwiseMin(S(1));
      return;
    case Activation::HardSigmoidKeras3:
      block = (block.array() / S(6) + S(0.5)).cwiseMax(S(0)).cwiseMin(S(1));
      return;
    case Activation::Softmax:
      // Subtracting the row maximum keeps every exponent ≤ 0 (no overflow); the result is the same.
      for (Eigen::Index r = 0; r < block.rows(); ++r) {
        auto row = block.row(r);
        const S m = row.maxCoeff();
        row = (row.array() - m).exp();
        row /= row.sum();
      }
      return;
  }
}

template <typename S>
void activation_backward_rows(Activation act, ConstActivationRows<S> y, ConstActivationRows<S> dy,
                              ActivationRows<S> dz) {
  switch (act) {
    case Activation::Linear:
      dz = dy;
      return;
    case Activation::Relu:
      dz = (y.array() > S(0)).select(dy.array(), S(0));
      return;
    case Activation::Tanh:
      dz = dy.array() * (S(1) - y.array().square());
      return;
    case Activation::Sigmoid:
      dz = dy.array() * y.array() * (S(1) - y.array());
      return;
    case Activation::HardSigmoid:
      dz = ((y.array() > S(0)) && (y.array() < S(1))).select(dy.array() * S(0.2), S(0));
      return;
    case Activation::HardSigmoidKeras3:
      dz = ((y.array() > S(0)) && (y.array() < S(1))).select(dy.array() / S(6), S(0));
      return;
    case Activation::Softmax:
      for (Eigen::Index r = 0; r < y.rows(); ++r) {
        const S dot = y.row(r).dot(dy.row(r));
        dz.row(r) = y.row(r).array() * (dy.row(r).array() - dot);
      }
      return;
  }
}

template void apply_activation_rows<float>(Activation, ActivationRows<float>);
template void apply_activation_rows<double>(Activation, ActivationRows<double>);
template void activation_backward_rows<float>(Activation, ConstActivationRows<float>, ConstActivationRows<float>,
                                              ActivationRows<float>);
template void activation_backward_rows<double>(Activation, ConstActivationRows<double>,
                                               ConstActivationRows<double>, ActivationRows<double>);

}  // namespace rnn
