#include "engine/initializers.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

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

// How Eigen sums t = v^T B in applyHouseholderOnTheLeft: with B row-major (the QR's own matrix),
// its column-major matrix-vector kernel sums each t_j sequentially, in partial sums of 16 terms
// from 128 terms up; with B column-major (householderQ()'s product, which Eigen stores
// column-major), its row-major kernel sums even and odd terms in two lanes (the SSE packet of two
// doubles), adds the lanes, then an odd last term. One column is a plain dot product either way.
enum class SumOrder { Blocked, TwoLanes };

// One Householder reflection H = I - tau [1; v][1; v]^T applied from the left to the block of the
// row-major matrix m (row stride `stride`) at (r0, c0) of nrows x ncols; v holds nrows - 1 values,
// `stride` apart (a column of a matrix of the same width). Eigen 3.4's applyHouseholderOnTheLeft
// term for term: t = v^T B (B = the rows below the first, summed as `order` says), t += first row,
// first row -= tau t, B -= (tau v) t^T.
void apply_householder_left(double* m, int64_t stride, int64_t r0, int64_t c0, int64_t nrows,
                            int64_t ncols, const double* v, double tau, SumOrder order,
                            std::vector<double>& t) {
  double* first = m + r0 * stride + c0;
  if (nrows == 1) {
    for (int64_t j = 0; j < ncols; ++j) first[j] *= 1.0 - tau;
    return;
  }
  if (tau == 0.0) return;
  const int64_t n = nrows - 1;
  const double* below = first + stride;
  auto term = [&](int64_t i, int64_t j) { return below[i * stride + j] * v[i * stride]; };
  t.assign(size_t(ncols), 0.0);
  for (int64_t j = 0; j < ncols; ++j) {
    double sum = 0.0;
    if (ncols == 1) {
      sum = term(0, j);
      for (int64_t i = 1; i < n; ++i) sum += term(i, j);
    } else if (order == SumOrder::Blocked) {
      const int64_t block = n < 128 ? n : (stride * int64_t(sizeof(double)) < 32000 ? 16 : 4);
      for (int64_t i0 = 0; i0 < n; i0 += block) {
        double partial = 0.0;
        for (int64_t i = i0; i < std::min(i0 + block, n); ++i) partial += term(i, j);
        sum += partial;
      }
    } else {
      double even = 0.0, odd = 0.0;
      int64_t i = 0;
      for (; i + 2 <= n; i += 2) {
        even += term(i, j);
        odd += term(i + 1, j);
      }
      double lanes = even + odd;
      if (i < n) lanes += term(i, j);
      sum += lanes;
    }
    t[size_t(j)] = 0.0 + sum;
  }
  for (int64_t j = 0; j < ncols; ++j) t[size_t(j)] += first[j];
  for (int64_t j = 0; j < ncols; ++j) first[j] -= tau * t[size_t(j)];
  for (int64_t i = 0; i < n; ++i) {
    const double tv = tau * v[i * stride];
    double* row = first + (i + 1) * stride;
    for (int64_t j = 0; j < ncols; ++j) row[j] -= tv * t[size_t(j)];
  }
}

// Keras' Orthogonal: QR of a standard normal matrix of the flattened shape (taller side first),
// columns' signs fixed by diag(R) so the distribution is uniform (Haar) over orthogonal matrices,
// transposed when the weight is wider than tall, times `gain`.
// The QR is Householder's, written out as Eigen 3.4's HouseholderQR and householderQ() compute it
// for a thin side of 2 to 47 (every preset; Eigen switches to blocked updates from 48): the same
// operations in the same order, so the same bits (tests/cpp/orthogonal_test.cpp checks this against
// Eigen). Other sizes agree with Eigen to rounding. Eigen's own QR made up a twelfth of the .wasm.
std::vector<double> orthogonal(const std::vector<int>& shape, Rng& rng, double gain,
                               const std::string& what) {
  if (shape.size() < 2) {
    throw ModelError(what +
                     ": the orthogonal initializer needs a weight of at least two dimensions, "
                     "received a shape of rank " +
                     std::to_string(shape.size()) +
                     ". Use it for kernels only (e.g. zeros for biases).");
  }
  int64_t rows = 1;
  for (size_t i = 0; i + 1 < shape.size(); ++i) rows *= shape[i];
  const int64_t cols = shape.back();
  const int64_t tall = std::max(rows, cols), thin = std::min(rows, cols);
  // a: tall x thin, row-major, filled in storage order.
  std::vector<double> a(size_t(tall * thin));
  for (double& x : a) x = rng.normal();
  auto at = [&](int64_t i, int64_t j) -> double& { return a[size_t(i * thin + j)]; };
  std::vector<double> tau(static_cast<size_t>(thin)), t;
  // Factorisation: reflection k zeroes column k below the diagonal (Eigen's makeHouseholder);
  // R's diagonal (beta) stays on the diagonal, the reflection's vector below it.
  for (int64_t k = 0; k < thin; ++k) {
    const double c0 = at(k, k);
    double tail = 0.0;
    if (k + 1 < tall) {
      tail = at(k + 1, k) * at(k + 1, k);
      for (int64_t i = k + 2; i < tall; ++i) tail += at(i, k) * at(i, k);
    }
    double beta;
    if (tail <= std::numeric_limits<double>::min()) {
      tau[size_t(k)] = 0.0;
      beta = c0;
      for (int64_t i = k + 1; i < tall; ++i) at(i, k) = 0.0;
    } else {
      beta = std::sqrt(c0 * c0 + tail);
      if (c0 >= 0.0) beta = -beta;
      for (int64_t i = k + 1; i < tall; ++i) at(i, k) = at(i, k) / (c0 - beta);
      tau[size_t(k)] = (beta - c0) / beta;
    }
    at(k, k) = beta;
    apply_householder_left(a.data(), thin, k, k + 1, tall - k, thin - k - 1,
                           &at(std::min(k + 1, tall - 1), k), tau[size_t(k)], SumOrder::Blocked, t);
  }
  // Q = H_0 H_1 ... H_{thin-1} I (tall x thin), the last reflection first; a square Q only
  // touches its trailing square corner (the rest is still the identity there).
  std::vector<double> q(size_t(tall * thin), 0.0);
  for (int64_t j = 0; j < thin; ++j) q[size_t(j * thin + j)] = 1.0;
  for (int64_t k = thin - 1; k >= 0; --k) {
    const int64_t n = tall - k;
    const int64_t ncols = tall == thin ? n : thin;
    apply_householder_left(q.data(), thin, k, thin - ncols, n, ncols,
                           &at(std::min(k + 1, tall - 1), k), tau[size_t(k)], SumOrder::TwoLanes,
                           t);
  }
  std::vector<double> out(size_t(rows * cols));
  for (int64_t i = 0; i < tall; ++i)
    for (int64_t j = 0; j < thin; ++j) {
      const double d = at(j, j);
      const double value = q[size_t(i * thin + j)] * ((d > 0) ? 1.0 : (d < 0 ? -1.0 : 0.0));
      // (rows, cols) either way: q when tall, its transpose when wide.
      out[size_t(rows >= cols ? i * cols + j : j * cols + i)] = gain * value;
    }
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
    // Keras' VarianceScaling presets (its random_initializers.py), each uniform or truncated
    // normal: Glorot scale 1 over the fans' mean, He scale 2 over fan_in, LeCun scale 1 over
    // fan_in.
    case Initializer::GlorotUniform:
    case Initializer::GlorotNormal:
      return variance_scaling(shape, rng, 1.0, true, spec.kind == Initializer::GlorotUniform);
    case Initializer::HeUniform:
    case Initializer::HeNormal:
      return variance_scaling(shape, rng, 2.0, false, spec.kind == Initializer::HeUniform);
    case Initializer::LecunUniform:
    case Initializer::LecunNormal:
      return variance_scaling(shape, rng, 1.0, false, spec.kind == Initializer::LecunUniform);
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
