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

// A row-major block with unit inner stride (a matrix, a Map, rows or columns of one): what the
// activations work on. One compiled function per scalar type serves every block type.
template <typename S>
using ActivationRows = Eigen::Ref<Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>,
                                  0, Eigen::OuterStride<>>;
template <typename S>
using ConstActivationRows =
    Eigen::Ref<const Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>, 0,
               Eigen::OuterStride<>>;

// y = act(z), in place (activations.cpp).
template <typename S>
void apply_activation_rows(Activation act, ActivationRows<S> block);
// Given y = act(z) and d loss/d y, writes d loss/d z into `dz` (overwritten); `dz` may alias `dy`.
template <typename S>
void activation_backward_rows(Activation act, ConstActivationRows<S> y, ConstActivationRows<S> dy,
                              ActivationRows<S> dz);

// The same for any Eigen block / map of a row-major matrix.
template <typename Block>
void apply_activation(Activation act, Block&& block) {
  apply_activation_rows<typename std::decay_t<Block>::Scalar>(act, block);
}
template <typename YBlock, typename DyBlock, typename DzBlock>
void activation_backward(Activation act, const YBlock& y, const DyBlock& dy, DzBlock&& dz) {
  activation_backward_rows<typename YBlock::Scalar>(act, y, dy, dz);
}

}  // namespace rnn
