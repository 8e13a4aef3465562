#pragma once
// Matrix products through one compiled function per scalar type. Every product in the layers
// (blocks, maps, step views, transposes) goes through multiply(), so Eigen's product machinery
// is instantiated a handful of times instead of once per expression type at every call site —
// which made up a large part of the .wasm — while the products run the same Eigen kernels.

#include "engine/eigen.hpp"

namespace rnn {

// A row-major block with unit inner stride: a matrix, a Map, a block of rows or columns of one.
template <typename S>
using Rows = Eigen::Ref<Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>, 0, Eigen::OuterStride<>>;
template <typename S>
using ConstRows =
    Eigen::Ref<const Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>, 0, Eigen::OuterStride<>>;

enum class Transpose { No, Yes };
enum class Accumulate { No, Yes };

// c = op(a) · op(b), or c += op(a) · op(b). c must already have the product's shape and must not
// overlap a or b.
template <typename S>
void multiply(ConstRows<S> a, Transpose ta, ConstRows<S> b, Transpose tb, Rows<S> c, Accumulate acc);

// out = op(a) · op(b) into a resizable matrix.
template <typename S, typename A, typename B>
void set_product(Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>& out, const A& a, Transpose ta,
                 const B& b, Transpose tb) {
  out.resize(ta == Transpose::No ? a.rows() : a.cols(), tb == Transpose::No ? b.cols() : b.rows());
  multiply<S>(a, ta, b, tb, out, Accumulate::No);
}

}  // namespace rnn
