#include "engine/trainer.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <numeric>

#include "engine/cold.hpp"
#include "engine/enum_names.hpp"
#include "engine/text.hpp"
#include "engine/training_run.hpp"

namespace rnn {

constexpr EnumName<StopReason> kStopReasonNames[] = {{StopReason::Running, "running"},
                                                     {StopReason::Completed, "completed"},
                                                     {StopReason::EarlyStopping, "early_stopping"},
                                                     {StopReason::NonFiniteLoss, "non_finite_loss"},
                                                     {StopReason::StoppedByCaller, "stopped"}};

const char* stop_reason_name(StopReason reason) { return name_of(kStopReasonNames, reason); }

namespace {

using Clock = std::chrono::steady_clock;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

std::string number_text(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  return stream_text(value);
}

// Copies n samples into a batch: data samples indices[0..n) or, without indices, first..first+n.
void gather_batch(const Dataset& data, const int32_t* indices, int first, int n, TokenBatch& batch,
                  std::vector<int32_t>& labels) {
  const size_t time = static_cast<size_t>(data.time);
  batch.batch = n;
  batch.time = data.time;
  batch.ids.resize(static_cast<size_t>(n) * time);
  labels.resize(static_cast<size_t>(n));
  for (int b = 0; b < n; ++b) {
    const size_t sample = static_cast<size_t>(indices ? indices[b] : first + b);
    std::copy_n(data.ids.begin() + static_cast<std::ptrdiff_t>(sample * time), time,
                batch.ids.begin() + static_cast<std::ptrdiff_t>(static_cast<size_t>(b) * time));
    labels[static_cast<size_t>(b)] = data.labels[sample];
  }
}

template <typename S>
bool all_finite(const std::vector<S>& values) {
  for (const S v : values)
    if (!std::isfinite(v)) return false;
  return true;
}

double monitored_value(const std::string& monitor, const EpochLog& log) {
  if (monitor == "val_loss") return log.val_loss;
  if (monitor == "val_accuracy") return log.val_accuracy;
  if (monitor == "loss") return log.loss;
  return log.accuracy;
}

}  // namespace

template <typename S>
RNN_COLD Trainer<S>::Trainer(Network<S>& network, const Dataset& train, const Dataset* validation,
                             FitConfig config)
    : network_(network),
      train_(train),
      validation_(validation != nullptr && validation->count > 0 ? validation : nullptr),
      config_(std::move(config)),
      loss_kind_(loss_kind_for(network.spec())),
      rng_(config_.seed) {
  const ModelSpec& model = network.spec();
  if (config_.epochs < 1) {
    throw ModelError("Training: epochs must be >= 1; received " + std::to_string(config_.epochs) +
                     ".");
  }
  if (config_.batch_size < 1) {
    throw ModelError("Training: batch_size must be >= 1; received " +
                     std::to_string(config_.batch_size) + ".");
  }
  check_dataset(train, "training", model, loss_kind_);
  if (train.count == 0) throw ModelError("Training: the training data holds no sequences.");
  if (validation_) check_dataset(*validation_, "validation", model, loss_kind_);
  config_.optimizer.keras = config_.keras;
  config_.early_stopping.keras = config_.keras;
  network_.set_keras_version(config_.keras);
  optimizer_ = Optimizer<S>::create(config_.optimizer, model);
  if (optimizer_->sparse_tables() && !model.layers.empty() &&
      model.layers.front().kind == LayerKind::Embedding) {
    touched_rows_.offset = model.param_offset(0);
    touched_rows_.width = model.layers.front().output_dim;
    touched_rows_.touched.resize(static_cast<size_t>(model.vocab));
  }
  if (config_.early_stopping.enabled) {
    early_stopping_ = std::make_unique<EarlyStopping>(config_.early_stopping);
    if (!validation_ && config_.early_stopping.monitor.rfind("val_", 0) == 0) {
      throw ModelError("Early stopping monitors " + config_.early_stopping.monitor +
                       " but there is no validation data; give validation data or monitor "
                       "loss / accuracy.");
    }
  }
  // In 64 bits: count + batch_size − 1 overflowed an int for a batch size near 2^31 (the CLI's
  // --batch-size takes any int).
  batches_per_epoch_ =
      static_cast<int>((int64_t(train.count) + config_.batch_size - 1) / config_.batch_size);
  order_.resize(static_cast<size_t>(train.count));
  std::iota(order_.begin(), order_.end(), 0);
}

template <typename S>
Trainer<S>::~Trainer() = default;

template <typename S>
BatchProgress Trainer<S>::run_slice(int max_batches) {
  if (max_batches < 1) {
    throw ModelError("run_slice: max_batches must be >= 1; received " +
                     std::to_string(max_batches) + ".");
  }
  BatchProgress progress;
  progress.batches_per_epoch = batches_per_epoch_;
  progress.epoch = std::min(epoch_index_ + 1, config_.epochs);
  while (progress.batches_run < max_batches && !finished()) {
    if (next_batch_ == 0) start_epoch();
    train_one_batch(progress);
    if (finished()) break;
    if (next_batch_ == batches_per_epoch_) {
      end_epoch();
      progress.epoch_ended = true;
      break;
    }
  }
  progress.finished = finished();
  return progress;
}

// A new epoch: Keras draws a new order of the training samples (from the run's one Rng).
template <typename S>
void Trainer<S>::start_epoch() {
  if (config_.shuffle) rng_.shuffle(order_.data(), order_.size());
  loss_sum_ = 0;
  correct_sum_ = 0;
  samples_seen_ = 0;
  epoch_seconds_ = 0;
}

// One optimizer step on the next batch: forward with dropout, loss and d loss / d logits,
// backward into zeroed gradients, update. The epoch's running means weight each batch by its
// size, as Keras' loss tracker and accuracy metric do.
template <typename S>
void Trainer<S>::train_one_batch(BatchProgress& progress) {
  const Clock::time_point start = Clock::now();
  const int first = next_batch_ * config_.batch_size;
  const int n = std::min(config_.batch_size, train_.count - first);
  gather_batch(train_, order_.data() + first, first, n, batch_, batch_labels_);
  network_.forward(batch_, /*training=*/true, rng_);
  const LossValue<S> value =
      loss_and_gradient(loss_kind_, network_.logits(), batch_labels_, &d_logits_);
  const std::string where =
      "epoch " + std::to_string(epoch_index_ + 1) + ", batch " + std::to_string(next_batch_ + 1);
  if (!std::isfinite(value.loss)) {
    stop_non_finite("The training loss became " + number_text(value.loss) + " at " + where + ".",
                    /*current_weights_bad=*/true);
    return;
  }
  network_.zero_grads();
  network_.backward_from_logits(d_logits_);
  if (!all_finite(network_.grads())) {
    stop_non_finite("A gradient became NaN or infinite at " + where + ".", false);
    return;
  }
  previous_params_ = network_.params();
  has_previous_params_ = true;
  std::vector<uint8_t>& touched = touched_rows_.touched;
  std::fill(touched.begin(), touched.end(), uint8_t(0));
  if (!touched.empty())
    for (const int32_t id : batch_.ids) touched[static_cast<size_t>(id)] = 1;
  optimizer_->step(network_.params(), network_.grads(), touched.empty() ? nullptr : &touched_rows_);

  loss_sum_ += value.loss * n;
  correct_sum_ += value.accuracy * n;
  samples_seen_ += n;
  ++next_batch_;
  epoch_seconds_ += seconds_since(start);

  progress.epoch = epoch_index_ + 1;
  progress.batch = next_batch_;
  progress.loss = loss_sum_ / static_cast<double>(samples_seen_);
  progress.accuracy = correct_sum_ / static_cast<double>(samples_seen_);
  progress.batch_loss = value.loss;
  progress.samples_per_second =
      epoch_seconds_ > 0 ? static_cast<double>(samples_seen_) / epoch_seconds_ : 0.0;
  ++progress.batches_run;
  if (on_batch_) on_batch_(progress);
}

template <typename S>
void Trainer<S>::end_epoch() {
  const Clock::time_point start = Clock::now();
  EpochLog log;
  log.epoch = epoch_index_ + 1;
  log.loss = loss_sum_ / static_cast<double>(samples_seen_);
  log.accuracy = correct_sum_ / static_cast<double>(samples_seen_);
  log.val_loss = kNaN;
  log.val_accuracy = kNaN;
  if (validation_) {
    const LossValue<S> value = evaluate(network_, loss_kind_, *validation_, config_.batch_size);
    log.val_loss = value.loss;
    log.val_accuracy = value.accuracy;
  }
  epoch_seconds_ += seconds_since(start);
  log.seconds = epoch_seconds_;
  history_.push_back(log);
  next_batch_ = 0;
  ++epoch_index_;

  if (validation_ && !std::isfinite(log.val_loss)) {
    stop_non_finite("The validation loss became " + number_text(log.val_loss) + " after epoch " +
                        std::to_string(log.epoch) + ".",
                    /*current_weights_bad=*/true);
    return;
  }
  if (early_stopping_) {
    const EarlyStoppingVerdict verdict = early_stopping_->on_epoch_end(
        log.epoch - 1, monitored_value(config_.early_stopping.monitor, log));
    if (verdict.keep_weights) {
      best_params_ = network_.params();
      has_best_params_ = true;
    }
    if (verdict.stop) {
      finish(StopReason::EarlyStopping,
             "Early stopping after epoch " + std::to_string(log.epoch) + ": " +
                 config_.early_stopping.monitor + " did not improve for " +
                 std::to_string(early_stopping_->wait()) + " epochs (best " +
                 number_text(early_stopping_->best_value()) + " at epoch " +
                 std::to_string(early_stopping_->best_epoch() + 1) + ").");
      return;
    }
  }
  if (epoch_index_ >= config_.epochs) {
    finish(StopReason::Completed, "Completed " + std::to_string(config_.epochs) + " epochs.");
  }
}

// Keras 3 restores the best weights in on_train_end, whether or not training stopped early;
// tf.keras 2 (up to 2.12) restores them only when early stopping ended training.
template <typename S>
void Trainer<S>::finish(StopReason reason, const std::string& message) {
  reason_ = reason;
  message_ = message;
  if (reason != StopReason::StoppedByCaller && early_stopping_ && has_best_params_ &&
      early_stopping_->restores_at_end(reason == StopReason::EarlyStopping)) {
    network_.params() = best_params_;
    message_ += " Restored the weights of epoch " + std::to_string(best_epoch()) + ".";
  }
}

// The weights that produced a non-finite loss are useless; the ones before the last update gave
// a finite loss. (A non-finite gradient leaves the current weights, which gave a finite loss.)
template <typename S>
void Trainer<S>::stop_non_finite(const std::string& what, bool current_weights_bad) {
  std::string message = what + " Training stopped";
  if (current_weights_bad && has_previous_params_) {
    network_.params() = previous_params_;
    message += "; the weights from before the last update are kept";
  } else if (current_weights_bad) {
    message += " before any update";
  } else {
    message += "; the weights before this batch are kept";
  }
  message += ". Try a smaller learning rate or set clipnorm.";
  finish(StopReason::NonFiniteLoss, message);
}

template <typename S>
void Trainer<S>::stop() {
  if (finished()) return;
  finish(
      StopReason::StoppedByCaller,
      "Stopped after " + std::to_string(history_.size()) + " full epochs" +
          (next_batch_ > 0 ? " and " + std::to_string(next_batch_) + " batches" : std::string()) +
          "; the weights trained so far are kept.");
}

template <typename S>
int Trainer<S>::best_epoch() const {
  if (history_.empty()) return 0;
  if (early_stopping_) return early_stopping_->best_epoch() + 1;
  int best = 0;
  double best_value = std::numeric_limits<double>::infinity();
  for (const EpochLog& log : history_) {
    const double value = validation_ ? log.val_loss : log.loss;
    if (value < best_value) {
      best_value = value;
      best = log.epoch;
    }
  }
  return best == 0 ? 1 : best;
}

template <typename S>
LossValue<S> evaluate(Network<S>& network, LossKind kind, const Dataset& data, int batch_size) {
  if (batch_size < 1) {
    throw ModelError("evaluate: batch_size must be >= 1; received " + std::to_string(batch_size) +
                     ".");
  }
  check_dataset(data, "evaluation", network.spec(), kind);
  if (data.count == 0) throw ModelError("evaluate: the data holds no sequences.");
  Rng unused;  // no dropout at evaluation: nothing is drawn
  TokenBatch batch;
  std::vector<int32_t> labels;
  double loss_sum = 0, correct_sum = 0;
  // Advancing by n, not by batch_size: first + batch_size overflowed for a batch size near 2^31.
  for (int first = 0, n = 0; first < data.count; first += n) {
    n = std::min(batch_size, data.count - first);
    gather_batch(data, nullptr, first, n, batch, labels);
    network.forward(batch, /*training=*/false, unused);
    const LossValue<S> value = loss_and_gradient<S>(kind, network.logits(), labels, nullptr);
    loss_sum += value.loss * n;
    correct_sum += value.accuracy * n;
  }
  return {loss_sum / data.count, correct_sum / data.count};
}

template <typename S>
Mat<S> predict(Network<S>& network, const TokenBatch& x, int batch_size) {
  if (batch_size < 1) {
    throw ModelError("predict: batch_size must be >= 1; received " + std::to_string(batch_size) +
                     ".");
  }
  if (x.batch < 0 || x.time < 0 ||
      x.ids.size() != static_cast<size_t>(x.batch) * static_cast<size_t>(x.time)) {
    throw ModelError("predict: " + std::to_string(x.batch) + " sequences of length " +
                     std::to_string(x.time) + " need " +
                     std::to_string(static_cast<int64_t>(x.batch) * x.time) + " ids; received " +
                     std::to_string(x.ids.size()) + ".");
  }
  Mat<S> result;
  Rng unused;
  TokenBatch chunk;
  chunk.time = x.time;
  const size_t time = static_cast<size_t>(x.time);
  for (int first = 0, n = 0; first < x.batch; first += n) {
    n = std::min(batch_size, x.batch - first);
    chunk.batch = n;
    chunk.ids.assign(x.ids.begin() + static_cast<std::ptrdiff_t>(first * time),
                     x.ids.begin() + static_cast<std::ptrdiff_t>((first + n) * time));
    const Mat<S>& output = network.forward(chunk, /*training=*/false, unused);
    if (first == 0) result.resize(x.batch, output.cols());
    result.middleRows(first, n) = output;
  }
  return result;
}

template class Trainer<float>;
template class Trainer<double>;
template LossValue<float> evaluate<float>(Network<float>&, LossKind, const Dataset&, int);
template LossValue<double> evaluate<double>(Network<double>&, LossKind, const Dataset&, int);
template Mat<float> predict<float>(Network<float>&, const TokenBatch&, int);
template Mat<double> predict<double>(Network<double>&, const TokenBatch&, int);

}  // namespace rnn
