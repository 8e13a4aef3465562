#pragma once
// One way to run. The training settings a learner gives — the page's set-up (through the
// bindings), the CLI's `train` and `bench` options — are checked here against ONE set of limits
// (limits.def, which the page receives as a generated file) and the model and data pack, and
// turned into a FitConfig; here too are the data checks every caller shares (token ids within the
// vocabulary; Keras' 'pre' padding is pad_pre in dataset.hpp, below the pack reader that uses it)
// and the epoch and result records the worker and the CLI write. Pure: no I/O.

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/dataset.hpp"
#include "engine/model_spec.hpp"
#include "engine/trainer.hpp"

namespace rnn {

// ---- The limits (limits.def) ----

enum class Setting : int {
#define RNN_LIMIT(setting, min, max, integer, min_exclusive, about) setting,
#include "engine/limits.def"
#undef RNN_LIMIT
};

struct SettingLimit {
  const char* name;  // as the page's set-up and the bindings' settings JSON spell it
  double min, max;
  bool integer;
  bool min_exclusive;  // the minimum itself is refused (a learning rate must be above 0)
};
const SettingLimit& setting_limit(Setting setting);

// Within the limit (and a whole number where the limit says so); `max` lowers the limit's maximum
// (a loaded pack's vocabulary or stored length).
bool within_limit(Setting setting, double value, double max);
// ModelError with the setting's coded message (Msg::setting_range, learning_rate_range,
// clipnorm_range) quoting `received` as the caller got it, unless within_limit.
void check_setting(Setting setting, double value, const std::string& received, double max);
void check_setting(Setting setting, double value, const std::string& received);

// ---- Settings -> FitConfig ----

// A run's settings with the caller's defaults filled in (the page's and the CLI's differ).
struct TrainingSettings {
  int num_words = 0;  // ids >= num_words become 2 (out of vocabulary)
  int maxlen = 0;     // sequence length, padded and cut 'pre'
  int epochs = 1;
  int batch_size = 32;
  std::string optimizer = "rmsprop";
  std::optional<double> learning_rate;  // absent: Keras' default for the optimizer
  double clipnorm = 0;                  // 0: off
  int patience = 0;                     // > 0 turns early stopping on (monitor val_loss)
  bool restore_best = false;            // with patience: restore_best_weights
  int64_t seed = 0;
  int keras = 3;  // 2: tf.keras 2's arithmetic, 3: Keras 3's
};

// The run's FitConfig for settings already read within limits.def (check_setting above; the CLI's
// parse_setting) and the pack (pack_vocab, pack_length: num_words and maxlen at most these):
// checks that num_words fits the model's vocabulary and maxlen equals its input length, then maps
// each setting to its FitConfig field. ModelError (a coded message) names the setting to change.
FitConfig fit_config(const TrainingSettings& settings, const ModelSpec& model, int pack_vocab,
                     int pack_length);

// ---- Data checks ----

// The index of the first id outside [0, vocab), or ids.size() when every id is inside: the one
// token-id check (the trainer's data, the bindings' predict and trace, the CLI's predict input);
// each caller words the message for what it read.
size_t first_id_outside(const std::vector<int32_t>& ids, int vocab);

// Sizes, token ids, labels and sequence length of `data` against the model and loss: ModelError
// in the learner's terms (num_words / maxlen, input_dim / input_length). `which` names the split.
void check_dataset(const Dataset& data, const std::string& which, const ModelSpec& model,
                   LossKind kind);

// ---- Records ----

// One entry of a record, in order: a whole number, a number (not finite: null, as JSON has no
// NaN) or a text. Each caller writes the entries in its own JSON type (the CLI keeps the order).
struct RecordField {
  enum class Kind { Whole, Number, Text };
  const char* key;
  Kind kind;
  double number = 0;
  const char* text = nullptr;
};
using Record = std::vector<RecordField>;

// {"epoch","loss","accuracy","val_loss","val_accuracy","seconds"}: one finished epoch.
Record epoch_record(const EpochLog& log);
// {"best_epoch","best_val_loss","best_val_accuracy","test_loss","test_accuracy","epochs_run",
// "stop_reason"}: a finished run; `test` null when the test split is empty (null entries).
Record result_record(const Trainer<float>& trainer, const LossValue<float>* test);

template <typename Json>
Json record_json(const Record& record) {
  Json out = Json::object();
  for (const RecordField& f : record) {
    Json& value = out[f.key];
    if (f.kind == RecordField::Kind::Text)
      value = f.text;
    else if (f.kind == RecordField::Kind::Whole)
      value = static_cast<int64_t>(f.number);
    else if (std::isfinite(f.number))
      value = f.number;
  }
  return out;
}

}  // namespace rnn
