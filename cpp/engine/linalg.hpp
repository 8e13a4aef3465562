#pragma once
// Matrix products through one compiled function per scalar type. Every product in the layers
// (blocks, maps, step views, transposes) goes through multiply(), built on the recurrent step's
// row-product kernel (wasm_simd128 under WebAssembly; linalg.cpp says how) rather than Eigen's
// GEMM: the same speed on these tall, thin shapes, and about 30 KB less .wasm than Eigen's
// product machinery.

#include "engine/eigen.hpp"

namespace rnn {

// A row-major block with unit inner stride: a matrix, a Map, a block of rows or columns of one.
template <typename S>
using Rows = Eigen::Ref<Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>, 0,
                        Eigen::OuterStride<>>;
template <typename S>
using ConstRows =
    Eigen::Ref<const Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>, 0,
               Eigen::OuterStride<>>;

enum class Transpose { No, Yes };
enum class Accumulate { No, Yes };

// c = op(a) · op(b), or c += op(a) · op(b). c must already have the product's shape and must not
// overlap a or b.
template <typename S>
void multiply(ConstRows<S> a, Transpose ta, ConstRows<S> b, Transpose tb, Rows<S> c,
              Accumulate acc);

// out[j] += Σ_i m(i, j) (the bias gradients), summed row after row: the same bits wherever the
// data sits in memory (Eigen's colwise().sum() peels and vectorises by the address's alignment,
// which changed the last bits between two identical networks in WebAssembly).
template <typename S>
void add_column_sums(ConstRows<S> m, S* out);

// out = op(a) · op(b) into a resizable matrix.
template <typename S, typename A, typename B>
void set_product(Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>& out, const A& a,
                 Transpose ta, const B& b, Transpose tb) {
  out.resize(ta == Transpose::No ? a.rows() : a.cols(), tb == Transpose::No ? b.cols() : b.rows());
  multiply<S>(a, ta, b, tb, out, Accumulate::No);
}

}  // namespace rnn
