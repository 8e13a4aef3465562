#pragma once
// Keras' EarlyStopping callback (Keras 3, or tf.keras 2 as in TF 2.7-2.10) as a policy: it sees one
// monitored value per epoch and says whether to keep the current weights as the best and whether to
// stop. The trainer owns the weights and acts on the verdicts.

#include <string>

#include "engine/keras_version.hpp"

namespace rnn {

struct EarlyStoppingConfig {
  bool enabled = false;
  std::string monitor = "val_loss";   // "val_loss", "val_accuracy", "loss", "accuracy"; the mode
                                      // follows the name: *loss minimised, *accuracy maximised
  int patience = 0;                   // epochs without improvement before stopping
  double min_delta = 0;               // an improvement must beat the best by more than this
  bool restore_best_weights = false;  // Keras 3: at the end of training, even when it did not stop
                                      // early; tf.keras 2: only when it stopped early
  KerasVersion keras = KerasVersion::Keras3;
  // Additions beyond the first agreed API (Keras has them too):
  bool has_baseline = false;  // if set, wait is only reset by epochs that also beat it
  double baseline = 0;
  int start_from_epoch = 0;  // epochs (counted from 0) ignored before monitoring starts
                             // (Keras 2.11 and later: 0 with tf.keras 2)
};

struct EarlyStoppingVerdict {
  bool improved = false;      // this epoch is the new best
  bool keep_weights = false;  // copy the current weights as the best ones (restore_best_weights)
  bool stop = false;          // stop training after this epoch
};

class EarlyStopping {
 public:
  // Throws ModelError for an unknown monitor, a negative patience or start_from_epoch, or a
  // start_from_epoch with tf.keras 2 (it has none).
  explicit EarlyStopping(const EarlyStoppingConfig& config);

  // After epoch `epoch` (counted from 0, as Keras' on_epoch_end) with the monitored value.
  EarlyStoppingVerdict on_epoch_end(int epoch, double value);

  const EarlyStoppingConfig& config() const { return config_; }
  bool maximize() const { return maximize_; }
  // The best value so far (+inf / -inf before any) and its epoch, counted from 0 (Keras'
  // best_epoch; 0 when nothing improved).
  double best_value() const { return best_; }
  int best_epoch() const { return best_epoch_; }
  int wait() const { return wait_; }
  // The epoch (from 0) after which training was stopped; 0 if it was not (as Keras).
  int stopped_epoch() const { return stopped_epoch_; }
  // Whether the best weights go back into the model when training ends for `stopped_early`
  // (true: this callback stopped it) or another reason (all epochs ran, a NaN, ...).
  bool restores_at_end(bool stopped_early) const {
    return config_.restore_best_weights && (stopped_early || config_.keras == KerasVersion::Keras3);
  }

 private:
  bool is_improvement(double value, double reference) const;

  EarlyStoppingConfig config_;
  bool maximize_ = false;
  double best_;
  int best_epoch_ = 0;
  int wait_ = 0;
  int stopped_epoch_ = 0;
  bool has_kept_weights_ = false;
};

}  // namespace rnn
