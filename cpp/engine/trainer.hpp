#pragma once
// Training as Keras' `fit`, run in slices of batches so that a caller (the worker, the CLI) can
// report progress, pause or stop between them; plus `evaluate` and `predict`.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "engine/dataset.hpp"
#include "engine/early_stopping.hpp"
#include "engine/losses.hpp"
#include "engine/network.hpp"
#include "engine/optimizers.hpp"
#include "engine/rng.hpp"

namespace rnn {

struct FitConfig {
  int epochs = 1;
  int batch_size = 32;  // the last batch of an epoch holds the remainder
  OptimizerConfig optimizer;
  uint64_t seed = 0;    // seeds the run's one Rng: shuffling and dropout masks
  bool shuffle = true;  // a new order of the training samples every epoch
  EarlyStoppingConfig early_stopping;
  // Whose arithmetic to follow where the generations differ; the trainer hands it to the
  // optimizer, to early stopping (their own `keras` fields are overwritten) and to the network's
  // recurrent layers (their dropout masks).
  KerasVersion keras = KerasVersion::Keras3;
};

// One finished epoch, as Keras' history: loss and accuracy are the means over the epoch's batches
// weighted by their sizes, with dropout on and the weights changing along the way (what Keras'
// progress bar prints); val_* are computed after the epoch without dropout (NaN without
// validation data).
struct EpochLog {
  int epoch = 0;  // from 1
  double loss = 0, accuracy = 0, val_loss = 0, val_accuracy = 0;
  double seconds = 0;  // time spent inside run_slice for this epoch, validation included
};

// Where training is after a slice (or after one batch, for the batch callback).
struct BatchProgress {
  int epoch = 0;  // from 1: the epoch of the last batch run
  int batch = 0;  // from 1: the last batch run, within its epoch
  int batches_per_epoch = 0;
  double loss = 0;  // running mean over the epoch's batches so far
  double accuracy = 0;
  double batch_loss = 0;          // the last batch's own loss (the per-batch chart)
  double samples_per_second = 0;  // this epoch so far
  int batches_run = 0;            // in this slice
  bool epoch_ended = false;       // the last batch ended an epoch: validation ran, history() grew
  bool finished = false;
};

enum class StopReason {
  Running,
  Completed,      // all epochs ran
  EarlyStopping,  // the monitored quantity stopped improving
  NonFiniteLoss,  // a loss or gradient became NaN or infinite; the last good weights are kept
  StoppedByCaller,
};
const char* stop_reason_name(StopReason reason);  // "running", "completed", "early_stopping", ...

template <typename S>
class Trainer {
 public:
  // Checks the configuration and the data against the model (ModelError naming what to change):
  // sizes, token ids within the vocabulary, labels the loss accepts, a sequence length the model
  // accepts, and a monitor that exists. `validation` may be null (or empty): no val_* then.
  // The network must already be initialised; the trainer keeps references to it and the data.
  Trainer(Network<S>& network, const Dataset& train, const Dataset* validation, FitConfig config);
  ~Trainer();

  // Runs at most max_batches batches (>= 1) and returns; a slice also ends at the end of an
  // epoch, so each slice ends at most one epoch. Does nothing once finished.
  BatchProgress run_slice(int max_batches);
  // Ends training now, keeping the weights trained so far (no best-weights restore).
  void stop();

  bool finished() const { return reason_ != StopReason::Running; }
  StopReason stop_reason() const { return reason_; }
  // Why training stopped, in words (empty while running).
  const std::string& stop_message() const { return message_; }
  const std::vector<EpochLog>& history() const { return history_; }
  // From 1; 0 before any epoch ended. With early stopping, its best epoch (the one restored with
  // restore_best_weights); otherwise the epoch with the lowest val_loss (lowest loss without
  // validation data), the first on ties.
  int best_epoch() const;
  int batches_per_epoch() const { return batches_per_epoch_; }
  LossKind loss_kind() const { return loss_kind_; }
  const Optimizer<S>& optimizer() const { return *optimizer_; }
  Optimizer<S>& optimizer() { return *optimizer_; }
  const FitConfig& config() const { return config_; }

  // Called after every batch, inside run_slice (optional).
  void set_batch_callback(std::function<void(const BatchProgress&)> callback) {
    on_batch_ = std::move(callback);
  }

 private:
  void start_epoch();
  void train_one_batch(BatchProgress& progress);
  void end_epoch();
  void finish(StopReason reason, const std::string& message);
  void stop_non_finite(const std::string& what, bool current_weights_bad);

  Network<S>& network_;
  const Dataset& train_;
  const Dataset* validation_;
  FitConfig config_;
  LossKind loss_kind_;
  std::unique_ptr<Optimizer<S>> optimizer_;
  std::unique_ptr<EarlyStopping> early_stopping_;
  Rng rng_;

  int batches_per_epoch_ = 0;
  int epoch_index_ = 0;  // from 0
  int next_batch_ = 0;   // within the epoch; 0 = the epoch has not started
  std::vector<int32_t> order_;
  double loss_sum_ = 0, correct_sum_ = 0;
  int64_t samples_seen_ = 0;
  double epoch_seconds_ = 0;

  TokenBatch batch_;
  std::vector<int32_t> batch_labels_;
  Mat<S> d_logits_;
  TouchedRows touched_rows_;  // tf.keras 2 momentum: the Embedding rows looked up (empty: unused)
  std::vector<S> previous_params_;  // the weights before the last update (for NaN recovery)
  bool has_previous_params_ = false;
  std::vector<S> best_params_;  // early stopping's restore_best_weights
  bool has_best_params_ = false;

  std::vector<EpochLog> history_;
  StopReason reason_ = StopReason::Running;
  std::string message_;
  std::function<void(const BatchProgress&)> on_batch_;
};

// Loss and accuracy over a whole dataset without dropout, in batches of batch_size, weighted by
// sample (equal to the mean over all samples, as Keras' evaluate).
template <typename S>
LossValue<S> evaluate(Network<S>& network, LossKind kind, const Dataset& data, int batch_size);

// The model's outputs for every sequence, without dropout, computed batch_size sequences at a
// time: (x.batch, output features), rows in the order of x.
template <typename S>
Mat<S> predict(Network<S>& network, const TokenBatch& x, int batch_size);

extern template class Trainer<float>;
extern template class Trainer<double>;

}  // namespace rnn
