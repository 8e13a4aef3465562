#include "engine/initializers.hpp"

#include <cmath>
#include <sstream>

#include "engine/eigen.hpp"
#include <Eigen/QR>

namespace rnn {

Fans compute_fans(const std::vector<int>& shape) {
  if (shape.empty()) return {1.0, 1.0};
  if (shape.size() == 1) return {double(shape[0]), double(shape[0])};
  // Keras: for rank > 2 the leading axes form a receptive field; our weights are at most 2-D.
  double receptive = 1.0;
  for (size_t i = 0; i + 2 < shape.size(); ++i) receptive *= shape[i];
  return {shape[shape.size() - 2] * receptive, shape.back() * receptive};
}

namespace {

int64_t element_count(const std::vector<int>& shape) {
  int64_t n = 1;
  for (int d : shape) n *= d;
  return n;
}

// Normal(mean, stddev) re-drawn until within two standard deviations (Keras' truncated normal).
double truncated_normal(Rng& rng, double mean, double stddev) {
  for (;;) {
    const double z = rng.normal();
    if (std::fabs(z) <= 2.0) return mean + stddev * z;
  }
}

// Keras' VarianceScaling: n = fan_in or the fans' mean; "uniform" draws from ±sqrt(3·scale/n),
// "truncated_normal" from a normal truncated at 2σ whose σ is corrected for the truncation
// (0.8796… is the standard deviation of a unit normal truncated to [−2, 2]).
std::vector<double> variance_scaling(const std::vector<int>& shape, Rng& rng, double scale,
                                     bool fan_avg, bool uniform) {
  const Fans fans = compute_fans(shape);
  const double n = fan_avg ? (fans.fan_in + fans.fan_out) / 2.0 : fans.fan_in;
  const double s = scale / std::max(1.0, n);
  std::vector<double> out(size_t(element_count(shape)));
  if (uniform) {
    const double limit = std::sqrt(3.0 * s);
    for (double& v : out) v = rng.uniform(-limit, limit);
  } else {
    const double stddev = std::sqrt(s) / 0.87962566103423978;
    for (double& v : out) v = truncated_normal(rng, 0.0, stddev);
  }
  return out;
}

// Keras' Orthogonal: QR of a standard normal matrix of the flattened shape (taller side first),
// columns' signs fixed by diag(R) so the distribution is uniform (Haar) over orthogonal matrices,
// transposed when the weight is wider than tall, times `gain`.
std::vector<double> orthogonal(const std::vector<int>& shape, Rng& rng, double gain,
                               const std::string& what) {
  if (shape.size() < 2) {
    std::ostringstream os;
    os << what << ": the orthogonal initializer needs a weight of at least two dimensions, "
       << "received a shape of rank " << shape.size()
       << ". Use it for kernels only (e.g. zeros for biases).";
    throw ModelError(os.str());
  }
  int64_t rows = 1;
  for (size_t i = 0; i + 1 < shape.size(); ++i) rows *= shape[i];
  const int64_t cols = shape.back();
  const int64_t tall = std::max(rows, cols), thin = std::min(rows, cols);
  using MatD = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
  MatD a(tall, thin);
  for (int64_t i = 0; i < a.size(); ++i) a.data()[i] = rng.normal();
  Eigen::HouseholderQR<MatD> qr(a);
  MatD q = qr.householderQ() * MatD::Identity(tall, thin);
  const MatD r = qr.matrixQR().topRows(thin).template triangularView<Eigen::Upper>();
  for (int64_t j = 0; j < thin; ++j) {
    const double d = r(j, j);
    q.col(j) *= (d > 0) ? 1.0 : (d < 0 ? -1.0 : 0.0);
  }
  MatD w = (rows < cols) ? MatD(q.transpose()) : q;  // (rows, cols) either way
  std::vector<double> out(size_t(rows * cols));
  for (int64_t i = 0; i < rows * cols; ++i) out[size_t(i)] = gain * w.data()[i];
  return out;
}

}  // namespace

std::vector<double> draw_initializer(const InitializerSpec& spec, const std::vector<int>& shape,
                                     Rng& rng, const std::string& what) {
  const size_t n = size_t(element_count(shape));
  switch (spec.kind) {
    case Initializer::Zeros:
      return std::vector<double>(n, 0.0);
    case Initializer::Ones:
      return std::vector<double>(n, 1.0);
    case Initializer::Constant:
      return std::vector<double>(n, spec.a);
    case Initializer::GlorotUniform:
      return variance_scaling(shape, rng, 1.0, true, true);
    case Initializer::GlorotNormal:
      return variance_scaling(shape, rng, 1.0, true, false);
    case Initializer::HeUniform:
      return variance_scaling(shape, rng, 2.0, false, true);
    case Initializer::HeNormal:
      return variance_scaling(shape, rng, 2.0, false, false);
    case Initializer::LecunUniform:
      return variance_scaling(shape, rng, 1.0, false, true);
    case Initializer::LecunNormal:
      return variance_scaling(shape, rng, 1.0, false, false);
    case Initializer::Orthogonal:
      return orthogonal(shape, rng, spec.gain, what);
    case Initializer::RandomUniform: {
      std::vector<double> out(n);
      for (double& v : out) v = rng.uniform(spec.a, spec.b);
      return out;
    }
    case Initializer::RandomNormal: {
      std::vector<double> out(n);
      for (double& v : out) v = spec.a + spec.b * rng.normal();
      return out;
    }
    case Initializer::TruncatedNormal: {
      std::vector<double> out(n);
      for (double& v : out) v = truncated_normal(rng, spec.a, spec.b);
      return out;
    }
  }
  throw ModelError(what + ": unknown initializer.");
}

}  // namespace rnn
