#include "engine/layers/dropout.hpp"

namespace rnn {

template <typename S>
void DropoutLayer<S>::forward(const LayerInput<S>& in, bool training, Rng& rng) {
  this->batch_ = in.batch;
  this->time_ = in.time;
  const Mat<S>& x = *in.values;
  dropped_ = training && this->spec_.rate > 0.0;
  if (!dropped_) {
    output_ = x;
    return;
  }
  mask_.resize(x.rows(), x.cols());
  draw_dropout_mask(mask_, this->spec_.rate, rng);
  output_ = x.cwiseProduct(mask_);  // y = x ⊙ m
}

template <typename S>
void DropoutLayer<S>::backward(const Mat<S>& d_output, Mat<S>* d_input) {
  if (!d_input) return;
  if (dropped_)
    *d_input = d_output.cwiseProduct(mask_);  // dx = dy ⊙ m
  else
    *d_input = d_output;
}

template class DropoutLayer<float>;
template class DropoutLayer<double>;

}  // namespace rnn
