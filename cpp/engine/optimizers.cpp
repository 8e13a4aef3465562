#include "engine/optimizers.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "engine/cold.hpp"
#include "engine/messages.hpp"
#include "engine/text.hpp"

namespace rnn {

namespace {

std::string lower_case(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

RNN_COLD void require(bool ok, const std::string& optimizer, const char* field, double value,
                      const char* allowed) {
  if (!ok) {
    throw ModelError("Optimizer " + optimizer + ": " + field + " must be " + allowed +
                     "; received " + stream_text(value) + ".");
  }
}

// SGD, Keras 3 and tf.keras 2 alike (tf.keras 2 updates Embedding rows sparsely with momentum):
//   without momentum:  w ← w − lr·g
//   with momentum μ:   m ← μ·m − lr·g;  w ← w + m               (nesterov: w ← w + μ·m − lr·g)
template <typename S>
class Sgd final : public Optimizer<S> {
 public:
  Sgd(const OptimizerConfig& config, const ModelSpec& model)
      : Optimizer<S>(config, model, config.momentum != 0 ? 1 : 0) {}

 protected:
  void update(S* w, const S* g, int64_t begin, int64_t end, int64_t) override {
    const S lr = static_cast<S>(this->config_.learning_rate);
    if (this->state().empty()) {
      for (int64_t i = begin; i < end; ++i) w[i] -= g[i] * lr;
      return;
    }
    const S mu = static_cast<S>(this->config_.momentum);
    S* m = this->slot(0);  // velocity
    for (int64_t i = begin; i < end; ++i) {
      m[i] = m[i] * mu - g[i] * lr;
      if (this->config_.nesterov)
        w[i] += m[i] * mu - g[i] * lr;
      else
        w[i] += m[i];
    }
  }
};

// RMSprop:
//   v ← ρ·v + (1 − ρ)·g²
//   Keras 3:                      Δ = lr·g / √(v + ε)
//   tf.keras 2, momentum 0:       Δ = lr·g / (√v + ε)      (its own dense path)
//   tf.keras 2, momentum > 0:     Δ = lr·g / √(v + ε)      (TensorFlow's ApplyRMSProp kernel)
//   without momentum: w ← w − Δ;  with momentum μ: m ← μ·m + Δ;  w ← w − m
template <typename S>
class RmsProp final : public Optimizer<S> {
 public:
  RmsProp(const OptimizerConfig& config, const ModelSpec& model)
      : Optimizer<S>(config, model, config.momentum > 0 ? 2 : 1) {}

 protected:
  void update(S* w, const S* g, int64_t begin, int64_t end, int64_t) override {
    const S lr = static_cast<S>(this->config_.learning_rate);
    const S rho = static_cast<S>(this->config_.rho);
    const S one_minus_rho = static_cast<S>(1.0 - this->config_.rho);
    const S eps = static_cast<S>(this->config_.epsilon);
    const S mu = static_cast<S>(this->config_.momentum);
    S* v = this->slot(0);  // mean square
    S* m = this->config_.momentum > 0 ? this->slot(1) : nullptr;
    // Δ = lr·g / (√(v + ε_in) + ε_out): one of the two is ε, the other 0 (adding 0 is exact).
    const bool eps_outside = !m && this->config_.keras == KerasVersion::TfKeras2;
    const S eps_in = eps_outside ? S(0) : eps;
    const S eps_out = eps_outside ? eps : S(0);
    for (int64_t i = begin; i < end; ++i) {
      v[i] = rho * v[i] + one_minus_rho * (g[i] * g[i]);
      const S increment = (lr * g[i]) / (std::sqrt(v[i] + eps_in) + eps_out);
      if (!m) {
        w[i] -= increment;
      } else {
        m[i] = mu * m[i] + increment;
        w[i] -= m[i];
      }
    }
  }
};

// Adam, Keras 3 and tf.keras 2 alike (t = iterations + 1; epsilon outside the square root,
// "epsilon hat"; tf.keras 2's sparse Embedding path updates every row too):
//   m ← m + (g − m)(1 − β₁);  v ← v + (g² − v)(1 − β₂)
//   α = lr·√(1 − β₂ᵗ) / (1 − β₁ᵗ);  w ← w − α·m / (√v + ε)
template <typename S>
class Adam final : public Optimizer<S> {
 public:
  Adam(const OptimizerConfig& config, const ModelSpec& model) : Optimizer<S>(config, model, 2) {}

 protected:
  void update(S* w, const S* g, int64_t begin, int64_t end, int64_t iteration) override {
    const S lr = static_cast<S>(this->config_.learning_rate);
    const S beta_1 = static_cast<S>(this->config_.beta_1);
    const S beta_2 = static_cast<S>(this->config_.beta_2);
    const S one_minus_beta_1 = static_cast<S>(1.0 - this->config_.beta_1);
    const S one_minus_beta_2 = static_cast<S>(1.0 - this->config_.beta_2);
    const S eps = static_cast<S>(this->config_.epsilon);
    const S t = static_cast<S>(iteration + 1);
    const S alpha = lr * std::sqrt(S(1) - std::pow(beta_2, t)) / (S(1) - std::pow(beta_1, t));
    S* m = this->slot(0);  // first moment
    S* v = this->slot(1);  // second moment
    for (int64_t i = begin; i < end; ++i) {
      m[i] += (g[i] - m[i]) * one_minus_beta_1;
      v[i] += (g[i] * g[i] - v[i]) * one_minus_beta_2;
      w[i] -= (m[i] * alpha) / (std::sqrt(v[i]) + eps);
    }
  }
};

}  // namespace

RNN_COLD double default_learning_rate(const std::string& optimizer_name) {
  const std::string name = lower_case(optimizer_name);
  if (name == "sgd") return 0.01;
  if (name == "rmsprop" || name == "adam") return 0.001;
  fail_with(Msg::unknown_optimizer, {optimizer_name});
}

template <typename S>
Optimizer<S>::Optimizer(const OptimizerConfig& config, const ModelSpec& model, int slots)
    : config_(config) {
  for (size_t layer = 0; layer < model.layers.size(); ++layer) {
    int64_t offset = model.param_offset(layer);
    for (const WeightSpec& weight : weight_specs(model.layers[layer])) {
      variables_.emplace_back(offset, weight.size());
      offset += weight.size();
    }
  }
  total_ = model.total_params();
  state_.assign(static_cast<size_t>(slots) * static_cast<size_t>(total_), S(0));
}

template <typename S>
RNN_COLD std::unique_ptr<Optimizer<S>> Optimizer<S>::create(const OptimizerConfig& requested,
                                                            const ModelSpec& model) {
  OptimizerConfig config = requested;
  config.name = lower_case(requested.name);
  if (config.learning_rate == -1) config.learning_rate = default_learning_rate(config.name);
  const std::string& name = config.name;
  default_learning_rate(name);  // rejects an unknown name before anything else
  require(std::isfinite(config.learning_rate) && config.learning_rate > 0, name, "learning_rate",
          config.learning_rate, "a number > 0 (for example 0.001)");
  require(std::isfinite(config.clipnorm) && config.clipnorm >= 0, name, "clipnorm", config.clipnorm,
          ">= 0 (0 turns clipping off)");
  if (name == "sgd") {
    require(config.momentum >= 0 && config.momentum <= 1, name, "momentum", config.momentum,
            "in [0, 1]");
    return std::unique_ptr<Optimizer<S>>(new Sgd<S>(config, model));
  }
  if (config.nesterov) {
    throw ModelError("Optimizer " + name +
                     ": nesterov applies to sgd only; turn it off or choose sgd.");
  }
  require(std::isfinite(config.epsilon) && config.epsilon >= 0, name, "epsilon", config.epsilon,
          ">= 0 (Keras' default is 1e-7)");
  if (name == "rmsprop") {
    require(config.rho >= 0 && config.rho <= 1, name, "rho", config.rho, "in [0, 1]");
    require(config.momentum >= 0 && config.momentum <= 1, name, "momentum", config.momentum,
            "in [0, 1]");
    return std::unique_ptr<Optimizer<S>>(new RmsProp<S>(config, model));
  }
  require(config.beta_1 >= 0 && config.beta_1 < 1, name, "beta_1", config.beta_1, "in [0, 1)");
  require(config.beta_2 >= 0 && config.beta_2 < 1, name, "beta_2", config.beta_2, "in [0, 1)");
  return std::unique_ptr<Optimizer<S>>(new Adam<S>(config, model));
}

// clipnorm, as Keras 3, for each weight variable g on its own:
//   g ← g·c / max(‖g‖₂, c)
// which leaves g unchanged (up to rounding) when ‖g‖₂ ≤ c.
template <typename S>
void Optimizer<S>::step(std::vector<S>& params, const std::vector<S>& grads,
                        const TouchedRows* rows) {
  if (static_cast<int64_t>(params.size()) != total_ ||
      static_cast<int64_t>(grads.size()) != total_) {
    throw ModelError("Optimizer " + config_.name + ": expected " + std::to_string(total_) +
                     " parameters and gradients; received " + std::to_string(params.size()) +
                     " and " + std::to_string(grads.size()) + ".");
  }
  const S* gradient = grads.data();
  if (config_.clipnorm > 0) {
    const S clip = static_cast<S>(config_.clipnorm);
    clipped_.resize(grads.size());
    for (const auto& [offset, size] : variables_) {
      double sum_of_squares = 0.0;
      for (int64_t i = offset; i < offset + size; ++i)
        sum_of_squares += static_cast<double>(grads[i]) * static_cast<double>(grads[i]);
      const S norm = static_cast<S>(std::sqrt(sum_of_squares));
      const S divisor = std::max(norm, clip);
      for (int64_t i = offset; i < offset + size; ++i) clipped_[i] = (grads[i] * clip) / divisor;
    }
    gradient = clipped_.data();
  }
  if (rows == nullptr || !sparse_tables()) {
    update(params.data(), gradient, 0, total_, iterations_);
  } else {
    // Everything outside the table densely; inside it, only the looked-up rows.
    update(params.data(), gradient, 0, rows->offset, iterations_);
    int64_t start = rows->offset;
    for (const uint8_t touched : rows->touched) {
      if (touched) update(params.data(), gradient, start, start + rows->width, iterations_);
      start += rows->width;
    }
    update(params.data(), gradient, start, total_, iterations_);
  }
  ++iterations_;
}

template class Optimizer<float>;
template class Optimizer<double>;

}  // namespace rnn
