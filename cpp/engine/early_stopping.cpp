#include "engine/early_stopping.hpp"

#include <cmath>
#include <limits>

#include "engine/model_spec.hpp"

namespace rnn {

EarlyStopping::EarlyStopping(const EarlyStoppingConfig& config) : config_(config) {
  const std::string& monitor = config.monitor;
  if (monitor == "val_loss" || monitor == "loss") {
    maximize_ = false;
  } else if (monitor == "val_accuracy" || monitor == "accuracy") {
    maximize_ = true;
  } else {
    throw ModelError("Early stopping: monitor '" + monitor +
                     "' is not a quantity training reports; choose val_loss, val_accuracy, loss "
                     "or accuracy.");
  }
  if (config.patience < 0) {
    throw ModelError("Early stopping: patience must be >= 0 epochs; received " +
                     std::to_string(config.patience) + ".");
  }
  if (config.start_from_epoch < 0) {
    throw ModelError("Early stopping: start_from_epoch must be >= 0; received " +
                     std::to_string(config.start_from_epoch) + ".");
  }
  if (config.keras == KerasVersion::TfKeras2 && config.start_from_epoch != 0) {
    throw ModelError("Early stopping: tf.keras 2 has no start_from_epoch; set it to 0.");
  }
  if (!std::isfinite(config.min_delta)) {
    throw ModelError("Early stopping: min_delta must be a finite number.");
  }
  // Keras takes |min_delta| and starts from the worst possible value.
  config_.min_delta = std::abs(config.min_delta);
  best_ = maximize_ ? -std::numeric_limits<double>::infinity()
                    : std::numeric_limits<double>::infinity();
}

// Keras: min mode improves when value − (−min_delta) < reference, i.e. value + min_delta <
// reference; max mode when value − min_delta > reference. A NaN value never improves.
bool EarlyStopping::is_improvement(double value, double reference) const {
  return maximize_ ? value - config_.min_delta > reference : value + config_.min_delta < reference;
}

// Keras' on_epoch_end, step by step:
//  - before start_from_epoch nothing happens;
//  - the first monitored epoch's weights are kept even if it does not improve (so there is
//    always something to restore);
//  - wait counts epochs since the last improvement; an improvement resets it only if it also
//    beats the baseline (when one is given);
//  - training stops when wait >= patience, never after the very first epoch (epoch 0);
//  - Keras 3 returns after an improvement; tf.keras 2 (2.7-2.10) checks the patience after it
//    too, so patience 0 stops at the second epoch even when it improves (TF 2.6 lacks the
//    epoch-0 guard as well: patience 0 stopped after the first epoch there).
EarlyStoppingVerdict EarlyStopping::on_epoch_end(int epoch, double value) {
  EarlyStoppingVerdict verdict;
  if (epoch < config_.start_from_epoch) return verdict;
  if (!has_kept_weights_) {
    has_kept_weights_ = true;
    verdict.keep_weights = config_.restore_best_weights;
    best_epoch_ = epoch;
  }
  ++wait_;
  if (is_improvement(value, best_)) {
    best_ = value;
    best_epoch_ = epoch;
    verdict.improved = true;
    verdict.keep_weights = config_.restore_best_weights;
    if (!config_.has_baseline || is_improvement(value, config_.baseline)) wait_ = 0;
    if (config_.keras == KerasVersion::Keras3) return verdict;
  }
  if (wait_ >= config_.patience && epoch > 0) {
    stopped_epoch_ = epoch;
    verdict.stop = true;
  }
  return verdict;
}

}  // namespace rnn
