#include "engine/losses.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "engine/cold.hpp"
#include "engine/enum_names.hpp"
#include "engine/messages.hpp"

namespace rnn {

RNN_COLD LossKind loss_kind_for(const ModelSpec& model) {
  if (model.layers.empty())
    throw ModelError("The model has no layers; add at least a Dense layer.");
  const LayerSpec& last = model.output_layer();
  if (last.kind != LayerKind::Dense)
    fail_with(Msg::output_not_dense, {last.name, layer_kind_name(last.kind)});
  if (last.output_shape.has_time)
    fail_with(Msg::output_per_step, {last.name, layer_kind_name(last.kind)});
  if (last.units == 1 && last.activation == Activation::Sigmoid)
    return LossKind::BinaryCrossentropy;
  if (last.units > 1 && last.activation == Activation::Softmax)
    return LossKind::SparseCategoricalCrossentropy;
  fail_with(Msg::output_activation, {last.name, layer_kind_name(last.kind),
                                     std::to_string(last.units), activation_name(last.activation)});
}

constexpr EnumName<LossKind> kLossNames[] = {
    {LossKind::BinaryCrossentropy, "binary_crossentropy"},
    {LossKind::SparseCategoricalCrossentropy, "sparse_categorical_crossentropy"}};

const char* loss_name(LossKind kind) { return name_of(kLossNames, kind); }

namespace {

// σ(z) without overflow: for z < 0, 1 / (1 + e^{-z}) would compute e^{|z|}.
template <typename S>
S stable_sigmoid(S z) {
  if (z >= S(0)) return S(1) / (S(1) + std::exp(-z));
  const S e = std::exp(z);
  return e / (S(1) + e);
}

// Binary cross-entropy of p = σ(z) against y ∈ {0, 1}:
//   L = −y log σ(z) − (1 − y) log(1 − σ(z)) = max(z, 0) − z·y + log(1 + e^{−|z|})
// (the right-hand form never overflows), and dL/dz = σ(z) − y.
// Accuracy as Keras' binary accuracy: the prediction σ(z) > 0.5 against the label.
template <typename S>
LossValue<S> binary_crossentropy(const Mat<S>& logits, const std::vector<int32_t>& labels,
                                 Mat<S>* d_logits) {
  const Eigen::Index n = logits.rows();
  if (logits.cols() != 1) {
    throw ModelError("Binary cross-entropy needs one output per sample; received " +
                     std::to_string(logits.cols()) + " columns.");
  }
  if (d_logits) d_logits->resize(n, 1);
  double loss_sum = 0.0;
  double correct = 0.0;
  const S inv_n = S(1) / static_cast<S>(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    const int32_t label = labels[static_cast<size_t>(i)];
    if (label != 0 && label != 1) {
      throw ModelError("Binary cross-entropy needs labels 0 or 1; received " +
                       std::to_string(label) + " for sample " + std::to_string(i) +
                       ". Use Dense(k, activation='softmax') for more than two classes.");
    }
    const S z = logits(i, 0);
    const S y = static_cast<S>(label);
    const S loss = std::max(z, S(0)) - z * y + std::log1p(std::exp(-std::abs(z)));
    const S p = stable_sigmoid(z);
    loss_sum += static_cast<double>(loss);
    const int predicted = p > S(0.5) ? 1 : 0;
    if (predicted == label) correct += 1.0;
    if (d_logits) (*d_logits)(i, 0) = (p - y) * inv_n;
  }
  return {loss_sum / static_cast<double>(n), correct / static_cast<double>(n)};
}

// Sparse categorical cross-entropy of p = softmax(z) against the class index y:
//   L = −log p_y = logsumexp(z) − z_y, with logsumexp(z) = m + log Σ_j e^{z_j − m}, m = max_j z_j,
// and dL/dz_j = p_j − [j = y].
// Accuracy as Keras' sparse categorical accuracy: argmax_j p_j (first on ties) equals y.
template <typename S>
LossValue<S> sparse_categorical_crossentropy(const Mat<S>& logits,
                                             const std::vector<int32_t>& labels, Mat<S>* d_logits) {
  const Eigen::Index n = logits.rows();
  const Eigen::Index k = logits.cols();
  if (d_logits) d_logits->resize(n, k);
  double loss_sum = 0.0;
  double correct = 0.0;
  const S inv_n = S(1) / static_cast<S>(n);
  Eigen::Matrix<S, 1, Eigen::Dynamic> p(k);
  for (Eigen::Index i = 0; i < n; ++i) {
    const int32_t label = labels[static_cast<size_t>(i)];
    if (label < 0 || label >= k) {
      throw ModelError("Sparse categorical cross-entropy needs class indices in [0, " +
                       std::to_string(k) + "); received " + std::to_string(label) + " for sample " +
                       std::to_string(i) +
                       ". Give the last Dense layer as many units as there are classes.");
    }
    const S m = logits.row(i).maxCoeff();
    p = (logits.row(i).array() - m).exp().matrix();
    const S sum = p.sum();
    const S log_sum_exp = m + std::log(sum);
    loss_sum += static_cast<double>(log_sum_exp - logits(i, label));
    p /= sum;
    Eigen::Index predicted = 0;
    p.maxCoeff(&predicted);  // Eigen returns the first maximum
    if (predicted == label) correct += 1.0;
    if (d_logits) {
      d_logits->row(i) = p * inv_n;
      (*d_logits)(i, label) -= inv_n;
    }
  }
  return {loss_sum / static_cast<double>(n), correct / static_cast<double>(n)};
}

}  // namespace

template <typename S>
LossValue<S> loss_and_gradient(LossKind kind, const Mat<S>& logits,
                               const std::vector<int32_t>& labels,
                               typename std::common_type<Mat<S>>::type* d_logits) {
  if (logits.rows() == 0) throw ModelError("A loss needs at least one sample; the batch is empty.");
  if (static_cast<size_t>(logits.rows()) != labels.size()) {
    throw ModelError("The batch has " + std::to_string(logits.rows()) + " outputs but " +
                     std::to_string(labels.size()) + " labels; give one label per sequence.");
  }
  switch (kind) {
    case LossKind::BinaryCrossentropy:
      return binary_crossentropy(logits, labels, d_logits);
    case LossKind::SparseCategoricalCrossentropy:
      return sparse_categorical_crossentropy(logits, labels, d_logits);
  }
  throw ModelError("Unknown loss kind.");
}

template LossValue<float> loss_and_gradient<float>(LossKind, const Mat<float>&,
                                                   const std::vector<int32_t>&, Mat<float>*);
template LossValue<double> loss_and_gradient<double>(LossKind, const Mat<double>&,
                                                     const std::vector<int32_t>&, Mat<double>*);

}  // namespace rnn
