#include "engine/layers/embedding.hpp"

namespace rnn {

template <typename S>
EmbeddingLayer<S>::EmbeddingLayer(const LayerSpec& spec) : Layer<S>(spec) {}

template <typename S>
void EmbeddingLayer<S>::bind(S* params, S* grads) {
  const LayerSpec& l = this->spec_;
  new (&embeddings_) MatMap<S>(params, l.input_dim, l.output_dim);
  new (&d_embeddings_) MatMap<S>(grads, l.input_dim, l.output_dim);
}

template <typename S>
void EmbeddingLayer<S>::forward(const LayerInput<S>& in, bool /*training*/, Rng& /*rng*/) {
  const int64_t rows = int64_t(in.batch) * in.time;
  check_token_ids(this->spec_, in.ids, rows, this->spec_.input_dim);
  this->batch_ = in.batch;
  this->time_ = in.time;
  ids_ = in.ids;
  output_.resize(rows, this->spec_.output_dim);
  // y[r] = E[id_r]
  for (int64_t r = 0; r < rows; ++r) output_.row(r) = embeddings_.row(ids_[r]);
}

template <typename S>
void EmbeddingLayer<S>::backward(const Mat<S>& d_output, Mat<S>* /*d_input*/) {
  // dE[id_r] += dy[r]
  for (Eigen::Index r = 0; r < d_output.rows(); ++r) d_embeddings_.row(ids_[r]) += d_output.row(r);
}

template class EmbeddingLayer<float>;
template class EmbeddingLayer<double>;

}  // namespace rnn
