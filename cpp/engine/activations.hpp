#pragma once
// Keras' activations and their backward passes, applied in place to a matrix block whose rows are
// samples (or sample-steps) and whose columns are units. Softmax normalises each row, as Keras
// does along the last axis; every other activation is elementwise.
//
// The backward passes are written in terms of the activation's OUTPUT y (what the layers keep),
// which is enough for every activation here:
//   linear        y = z                          dz = dy
//   relu          y = max(z, 0)                  dz = dy ⊙ [y > 0]
//   tanh          y = tanh z                     dz = dy ⊙ (1 − y²)
//   sigmoid       y = 1 / (1 + e^−z)             dz = dy ⊙ y(1 − y)
//   hard_sigmoid  y = clip(0.2z + 0.5, 0, 1)     dz = dy ⊙ 0.2 ⊙ [0 < y < 1]   (Keras 2, TF.js)
//   hard_sigmoid  y = clip(z/6 + 0.5, 0, 1)      dz = dy ⊙ (1/6) ⊙ [0 < y < 1] (Keras 3)
//   softmax       y_j = e^{z_j} / Σ_k e^{z_k}    dz = y ⊙ (dy − Σ_k dy_k y_k)  (per row)

#include <algorithm>
#include <cmath>
#include <type_traits>

#include "engine/eigen.hpp"
#include "engine/kernels/fast_math.hpp"
#include "engine/model_spec.hpp"

namespace rnn {

// Applies a contiguous-array kernel to every row of a float block (rows are contiguous in a
// row-major block whose inner stride is 1; otherwise element by element).
template <typename Block, typename RowKernel, typename Scalar>
void for_each_float_row(Block& block, RowKernel row_kernel, Scalar (*scalar)(Scalar)) {
  if (block.innerStride() == 1 && (Block::IsRowMajor || block.rows() == 1)) {
    for (Eigen::Index r = 0; r < block.rows(); ++r) row_kernel(&block.coeffRef(r, 0), block.cols());
  } else {
    for (Eigen::Index r = 0; r < block.rows(); ++r)
      for (Eigen::Index c = 0; c < block.cols(); ++c) block.coeffRef(r, c) = scalar(block.coeff(r, c));
  }
}

// y = act(z), in place on `block` (any Eigen block / map of a row-major matrix).
template <typename Block>
void apply_activation(Activation act, Block&& block) {
  using S = typename std::decay_t<Block>::Scalar;
  switch (act) {
    case Activation::Linear:
      return;
    case Activation::Relu:
      block = block.array().cwiseMax(S(0));
      return;
    case Activation::Tanh:
      // float: the fast kernel (error ≤ 1.5e-7, kernels/fast_math.hpp); double: exact std::tanh.
      if constexpr (std::is_same_v<S, float>)
        for_each_float_row(block, kernels::fast_tanh_inplace, kernels::fast_tanh);
      else
        block = block.array().tanh();
      return;
    case Activation::Sigmoid:
      // float: the fast kernel (error ≤ 1.5e-7); double: Eigen's exact logistic, safe far out.
      if constexpr (std::is_same_v<S, float>)
        for_each_float_row(block, kernels::fast_sigmoid_inplace, kernels::fast_sigmoid);
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

// Given y = act(z) and d loss/d y, returns d loss/d z into `dz` (overwritten). `dz` may alias `dy`.
template <typename YBlock, typename DyBlock, typename DzBlock>
void activation_backward(Activation act, const YBlock& y, const DyBlock& dy, DzBlock&& dz) {
  using S = typename YBlock::Scalar;
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

}  // namespace rnn
