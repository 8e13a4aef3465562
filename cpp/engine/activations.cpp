// The activations of activations.hpp, compiled once per scalar type: plain loops over each
// contiguous row (Eigen expressions here cost several KB of .wasm per case for the same work).
#include "engine/activations.hpp"

namespace rnn {

namespace {

// y = f(y) for every value of the block.
template <typename S, typename F>
void map_values(ActivationRows<S>& block, F f) {
  const Eigen::Index cols = block.cols();
  for (Eigen::Index r = 0; r < block.rows(); ++r) {
    S* row = block.data() + r * block.outerStride();
    for (Eigen::Index c = 0; c < cols; ++c) row[c] = f(row[c]);
  }
}

// dz = g(y, dy) for every value (dz may be dy itself: each value is read before it is written).
template <typename S, typename G>
void map_gradient(const ConstActivationRows<S>& y, const ConstActivationRows<S>& dy,
                  ActivationRows<S>& dz, G g) {
  eigen_assert(dy.rows() == y.rows() && dy.cols() == y.cols() && dz.rows() == y.rows() &&
               dz.cols() == y.cols());
  const Eigen::Index cols = y.cols();
  for (Eigen::Index r = 0; r < y.rows(); ++r) {
    const S* yr = y.data() + r * y.outerStride();
    const S* dyr = dy.data() + r * dy.outerStride();
    S* dzr = dz.data() + r * dz.outerStride();
    for (Eigen::Index c = 0; c < cols; ++c) dzr[c] = g(yr[c], dyr[c]);
  }
}

}  // namespace

template <typename S>
void apply_activation_rows(Activation act, ActivationRows<S> block) {
  switch (act) {
    case Activation::Linear:
      return;
    case Activation::Relu:
      // std::max(z, 0) keeps NaN (Keras and TF.js pass it on): the trainer's non-finite check sees
      // it.
      return map_values(block, [](S z) { return std::max(z, S(0)); });
    case Activation::Tanh:
    case Activation::Sigmoid:
      // float: the fast kernels (tanh error ≤ 3.6e-7, sigmoid ≤ 1.5e-7; kernels/fast_math.hpp);
      // double: exact std::tanh, and a logistic that never overflows e^{−z}.
      for (Eigen::Index r = 0; r < block.rows(); ++r) {
        S* row = block.data() + r * block.outerStride();
        if constexpr (std::is_same_v<S, float>) {
          if (act == Activation::Tanh)
            kernels::fast_tanh_inplace(row, block.cols());
          else
            kernels::fast_sigmoid_inplace(row, block.cols());
        } else {
          for (Eigen::Index c = 0; c < block.cols(); ++c) {
            const S z = row[c];
            if (act == Activation::Tanh)
              row[c] = std::tanh(z);
            else
              row[c] =
                  z >= S(0) ? S(1) / (S(1) + std::exp(-z)) : std::exp(z) / (S(1) + std::exp(z));
          }
        }
      }
      return;
    case Activation::HardSigmoid:
      return map_values(block, [](S z) { return std::clamp(z * S(0.2) + S(0.5), S(0), S(1)); });
    case Activation::HardSigmoidKeras3:
      return map_values(block, [](S z) { return std::clamp(z / S(6) + S(0.5), S(0), S(1)); });
    case Activation::Softmax:
      if (block.cols() == 0) return;
      // Subtracting the row maximum keeps every exponent ≤ 0 (no overflow); the result is the same.
      for (Eigen::Index r = 0; r < block.rows(); ++r) {
        S* row = block.data() + r * block.outerStride();
        const S m = *std::max_element(row, row + block.cols());
        S sum = 0;
        for (Eigen::Index c = 0; c < block.cols(); ++c) sum += (row[c] = std::exp(row[c] - m));
        for (Eigen::Index c = 0; c < block.cols(); ++c) row[c] /= sum;
      }
      return;
  }
}

template <typename S>
void activation_backward_rows(Activation act, ConstActivationRows<S> y, ConstActivationRows<S> dy,
                              ActivationRows<S> dz) {
  switch (act) {
    case Activation::Linear:
      return map_gradient(y, dy, dz, [](S, S g) { return g; });
    case Activation::Relu:
      return map_gradient(y, dy, dz, [](S v, S g) { return v > S(0) ? g : S(0); });
    case Activation::Tanh:
      return map_gradient(y, dy, dz, [](S v, S g) { return g * (S(1) - v * v); });
    case Activation::Sigmoid:
      return map_gradient(y, dy, dz, [](S v, S g) { return g * v * (S(1) - v); });
    case Activation::HardSigmoid:
      return map_gradient(y, dy, dz,
                          [](S v, S g) { return v > S(0) && v < S(1) ? g * S(0.2) : S(0); });
    case Activation::HardSigmoidKeras3:
      return map_gradient(y, dy, dz,
                          [](S v, S g) { return v > S(0) && v < S(1) ? g / S(6) : S(0); });
    case Activation::Softmax:
      for (Eigen::Index r = 0; r < y.rows(); ++r) {
        const S* yr = y.data() + r * y.outerStride();
        const S* dyr = dy.data() + r * dy.outerStride();
        S* dzr = dz.data() + r * dz.outerStride();
        S dot = 0;
        for (Eigen::Index c = 0; c < y.cols(); ++c) dot += yr[c] * dyr[c];
        for (Eigen::Index c = 0; c < y.cols(); ++c) dzr[c] = yr[c] * (dyr[c] - dot);
      }
      return;
  }
}

template void apply_activation_rows<float>(Activation, ActivationRows<float>);
template void apply_activation_rows<double>(Activation, ActivationRows<double>);
template void activation_backward_rows<float>(Activation, ConstActivationRows<float>,
                                              ConstActivationRows<float>, ActivationRows<float>);
template void activation_backward_rows<double>(Activation, ConstActivationRows<double>,
                                               ConstActivationRows<double>, ActivationRows<double>);

}  // namespace rnn
