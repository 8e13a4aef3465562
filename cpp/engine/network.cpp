// Network<S>: the layers of a validated ModelSpec stacked over one flat parameter buffer.
#include "engine/network.hpp"

#include <algorithm>
#include <string>

#include "engine/cold.hpp"
#include "engine/layers/layer.hpp"

namespace rnn {

template <typename S>
struct Network<S>::Impl {
  std::vector<std::unique_ptr<Layer<S>>> layers;
  std::vector<Mat<S>> d_inputs;  // d loss / d input of layer i (i ≥ 1), reused across batches
  Mat<S> output;                 // (batch, time · features) or (batch, features)
  Mat<S> logits;
  Mat<S> d_top;              // d loss / d logits in the last layer's row layout
  std::vector<int32_t> ids;  // the last forward's token ids: the backward pass reads them
  // fused[i]: layer i is an Embedding whose table the recurrent layer i + 1 reads itself
  // (recurrent.hpp): its own forward and backward are skipped.
  std::vector<char> fused;
  int batch = 0;
  bool has_forward = false;
};

namespace {

// A layer's rows (batch · time, f) seen as the model's (batch, time · f) output: same memory.
template <typename S>
void copy_as_batch_rows(const Mat<S>& rows, int batch, int features, Mat<S>& out) {
  const Eigen::Index cols = batch > 0 ? rows.size() / batch : features;
  out = Eigen::Map<const Mat<S>>(rows.data(), batch, cols);
}

}  // namespace

template <typename S>
Network<S>::Network(const ModelSpec& spec, RecurrentPaths paths)
    : spec_(spec), impl_(std::make_unique<Impl>()) {
  if (spec_.layers.empty())
    throw ModelError(
        "The model has no layers: add at least one layer (e.g. Embedding, LSTM, Dense).");
  const int64_t total = spec_.total_params();
  params_.assign(size_t(total), S(0));
  grads_.assign(size_t(total), S(0));
  for (size_t i = 0; i < spec_.layers.size(); ++i) {
    impl_->layers.push_back(make_layer<S>(spec_.layers[i], paths));
    const int64_t offset = spec_.param_offset(i);
    impl_->layers.back()->bind(params_.data() + offset, grads_.data() + offset);
  }
  impl_->d_inputs.resize(spec_.layers.size());
  impl_->fused.assign(spec_.layers.size(), 0);
  for (size_t i = 0; i + 1 < spec_.layers.size(); ++i)
    impl_->fused[i] =
        spec_.layers[i].kind == LayerKind::Embedding && impl_->layers[i + 1]->reads_embedding();
}

template <typename S>
Network<S>::~Network() = default;

template <typename S>
void Network<S>::initialize(uint64_t seed) {
  Rng rng(seed);
  for (size_t i = 0; i < spec_.layers.size(); ++i)
    initialize_layer_weights(spec_.layers[i], params_.data() + spec_.param_offset(i), rng);
}

template <typename S>
void Network<S>::set_keras_version(KerasVersion keras) {
  for (auto& layer : impl_->layers) layer->set_keras_version(keras);
}

template <typename S>
const Mat<S>& Network<S>::forward(const TokenBatch& x, bool training, Rng& rng) {
  if (x.batch < 0 || x.time < 0 || int64_t(x.ids.size()) != int64_t(x.batch) * x.time) {
    throw ModelError("The input batch holds " + std::to_string(x.ids.size()) +
                     " token ids but declares " + std::to_string(x.batch) + " sequences of " +
                     std::to_string(x.time) + " steps; pad every sequence to the same length.");
  }
  // A model whose input length is None reads any length: checked here, before the layers allocate.
  if (x.time != spec_.input_length && x.time > 0) check_review_length(spec_, x.time);
  Impl& m = *impl_;
  m.ids.assign(x.ids.begin(), x.ids.end());
  LayerInput<S> in{x.batch, x.time, nullptr, m.ids.data()};
  for (size_t i = 0; i < m.layers.size(); ++i) {
    if (m.fused[i]) {
      const LayerSpec& e = spec_.layers[i];
      check_token_ids(e, m.ids.data(), int64_t(m.ids.size()), e.input_dim);
      const int64_t offset = spec_.param_offset(i);
      in.embedding = params_.data() + offset;
      in.d_embedding = grads_.data() + offset;
      in.vocab = e.input_dim;
      continue;
    }
    m.layers[i]->forward(in, training, rng);
    in = LayerInput<S>{x.batch, m.layers[i]->output_time(), &m.layers[i]->output(), nullptr};
  }
  const Layer<S>& top = *m.layers.back();
  const int features = spec_.output_layer().output_shape.features;
  copy_as_batch_rows(top.output(), x.batch, features, m.output);
  copy_as_batch_rows(top.logits(), x.batch, features, m.logits);
  m.batch = x.batch;
  m.has_forward = true;
  return m.output;
}

template <typename S>
const Mat<S>& Network<S>::logits() const {
  return impl_->logits;
}

template <typename S>
void Network<S>::backward_from_logits(const Mat<S>& d_logits) {
  Impl& m = *impl_;
  if (!m.has_forward) throw ModelError("backward_from_logits called before any forward pass.");
  const Mat<S>& top_logits = m.layers.back()->logits();
  if (d_logits.size() != top_logits.size()) {
    throw ModelError("The loss gradient has " + std::to_string(d_logits.rows()) + "x" +
                     std::to_string(d_logits.cols()) + " values but the last forward produced " +
                     std::to_string(m.logits.rows()) + "x" + std::to_string(m.logits.cols()) +
                     " logits.");
  }
  m.d_top = Eigen::Map<const Mat<S>>(d_logits.data(), top_logits.rows(), top_logits.cols());
  const size_t n = m.layers.size();
  const Mat<S>* d_out = &m.d_top;
  for (size_t i = n; i-- > 0;) {
    if (m.fused[i]) continue;  // the layer above accumulated the Embedding's gradient
    // Layer 0 reads token ids, a layer above a fused Embedding its table: nothing to propagate.
    Mat<S>* d_in = i > 0 && !m.fused[i - 1] ? &m.d_inputs[i] : nullptr;
    if (i == n - 1)
      m.layers[i]->backward_from_logits(*d_out, d_in);
    else
      m.layers[i]->backward(*d_out, d_in);
    d_out = d_in;
  }
}

template <typename S>
void Network<S>::zero_grads() {
  std::fill(grads_.begin(), grads_.end(), S(0));
}

template <typename S>
SequenceTrace<S> Network<S>::trace(const std::vector<int32_t>& ids) {
  Impl& m = *impl_;
  TokenBatch one{1, int(ids.size()), ids};
  Rng unused(0);  // no dropout at evaluation: nothing is drawn
  SequenceTrace<S> result;
  result.output = forward(one, false, unused);
  int last_recurrent = -1;
  for (size_t i = 0; i < m.layers.size(); ++i) {
    if (!m.layers[i]->is_recurrent_layer()) continue;
    result.layers.emplace_back();
    m.layers[i]->fill_trace(result.layers.back());
    result.layers.back().layer_index = int(i);
    last_recurrent = int(i);
  }
  if (last_recurrent < 0) return result;
  // The layers above the last recurrent one are row-wise (Dense, Dropout): feeding them h_t of
  // every step as rows gives the model's output as if the sequence ended at step t.
  const Mat<S> hidden = result.layers.back().hidden;  // (time, units)
  const Mat<S>* rows = &hidden;
  for (size_t i = size_t(last_recurrent) + 1; i < m.layers.size(); ++i) {
    LayerInput<S> in{int(hidden.rows()), 0, rows, nullptr};
    m.layers[i]->forward(in, false, unused);
    rows = &m.layers[i]->output();
  }
  result.output_per_step = *rows;
  m.has_forward = false;  // the cached state no longer matches a full forward
  return result;
}

template <typename S>
RNN_COLD Mat<S> Network<S>::input_gradient_norms(const TokenBatch& x) {
  Impl& m = *impl_;
  Rng unused(0);  // no dropout: nothing is drawn
  forward(x, false, unused);
  // d z / d logits: 1 at the logit whose gradient is asked for — the only one, or the predicted
  // class's — in the last step's block of columns.
  const Mat<S>& z = m.logits;
  const Eigen::Index features = spec_.output_layer().output_shape.features,
                     last = z.cols() - features;
  Mat<S> d;
  d.setZero(z.rows(), z.cols());
  for (Eigen::Index b = 0; b < z.rows(); ++b) {
    Eigen::Index best = last;
    for (Eigen::Index c = last + 1; c < z.cols(); ++c)
      if (z(b, c) > z(b, best)) best = c;
    d(b, best) = S(1);
  }
  backward_from_logits(d);
  Mat<S> norms;
  for (auto& layer : m.layers)
    if (layer->is_recurrent_layer()) {
      layer->input_gradient_norms(norms);
      break;
    }
  zero_grads();
  m.has_forward = false;
  return norms;
}

template class Network<float>;
template class Network<double>;

}  // namespace rnn
