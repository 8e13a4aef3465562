#include "engine/training_run.hpp"

#include <algorithm>
#include <cmath>

#include "engine/cold.hpp"
#include "engine/messages.hpp"

namespace rnn {

namespace {

constexpr SettingLimit kLimits[] = {
#define RNN_LIMIT(setting, min, max, integer, min_exclusive, about) \
  {#setting, min, max, integer, min_exclusive},
#include "engine/limits.def"
#undef RNN_LIMIT
};

std::string whole_text(double value) { return std::to_string(static_cast<int64_t>(value)); }

}  // namespace

const SettingLimit& setting_limit(Setting setting) { return kLimits[static_cast<int>(setting)]; }

bool within_limit(Setting setting, double value, double max) {
  const SettingLimit& limit = setting_limit(setting);
  return (!limit.integer || std::floor(value) == value) &&
         (limit.min_exclusive ? value > limit.min : value >= limit.min) &&
         value <= std::min(limit.max, max);
}

RNN_COLD void check_setting(Setting setting, double value, const std::string& received,
                            double max) {
  if (within_limit(setting, value, max)) return;
  if (setting == Setting::learning_rate) fail_with(Msg::learning_rate_range, {received});
  if (setting == Setting::clipnorm) fail_with(Msg::clipnorm_range, {received});
  const SettingLimit& limit = setting_limit(setting);
  fail_with(Msg::setting_range,
            {limit.name, whole_text(limit.min), whole_text(std::min(limit.max, max)), received});
}

void check_setting(Setting setting, double value, const std::string& received) {
  check_setting(setting, value, received, setting_limit(setting).max);
}

RNN_COLD FitConfig fit_config(const TrainingSettings& s, const ModelSpec& model, int pack_vocab,
                              int pack_length) {
  // Each value was read through check_setting (the bindings) or parse_setting (the CLI), so it is
  // within limits.def; left are how the settings fit the model and the pack's sizes.
  if (model.input_length > 0 && model.input_length != s.maxlen)
    fail_with(Msg::input_length_maxlen,
              {std::to_string(model.input_length), std::to_string(s.maxlen)});
  if (s.num_words > model.vocab)
    fail_with(Msg::num_words_vocab, {std::to_string(s.num_words), std::to_string(model.vocab)});
  check_setting(Setting::num_words, s.num_words, std::to_string(s.num_words), pack_vocab);
  check_setting(Setting::maxlen, s.maxlen, std::to_string(s.maxlen), pack_length);

  FitConfig config;
  config.epochs = s.epochs;
  config.batch_size = s.batch_size;
  config.seed = static_cast<uint64_t>(s.seed);
  config.optimizer.name = s.optimizer;
  config.optimizer.learning_rate = s.learning_rate.value_or(-1);
  config.optimizer.clipnorm = s.clipnorm;
  config.keras = s.keras == 2 ? KerasVersion::TfKeras2 : KerasVersion::Keras3;
  if (s.patience > 0) {
    config.early_stopping.enabled = true;
    config.early_stopping.patience = s.patience;
    config.early_stopping.restore_best_weights = s.restore_best;
  }
  return config;
}

size_t first_id_outside(const std::vector<int32_t>& ids, int vocab) {
  return static_cast<size_t>(first_id_outside(ids.data(), static_cast<int64_t>(ids.size()), vocab));
}

namespace {
// A data check's ModelError: `english` with its {parameters} filled in (fill_message, the coded
// messages' form; these texts have no code yet, so the page shows them as they are).
[[noreturn]] RNN_COLD void fail_data(const char* parameters, const char* english,
                                     const std::vector<std::string>& params) {
  throw ModelError(fill_message(parameters, english, params));
}
}  // namespace

// Everything the network and the loss would otherwise trip over later, said up front and in the
// user's terms (data settings num_words / maxlen, model settings input_dim / input_length).
RNN_COLD void check_dataset(const Dataset& data, const std::string& which, const ModelSpec& model,
                            LossKind kind) {
  if (data.count < 0 || data.time < 0 ||
      data.ids.size() != static_cast<size_t>(data.count) * static_cast<size_t>(data.time) ||
      data.labels.size() != static_cast<size_t>(data.count)) {
    fail_data("which count time ids got_ids got_labels",
              "The {which} data is inconsistent: {count} sequences of length {time} need {ids} "
              "ids and {count} labels; received {got_ids} and {got_labels}.",
              {which, std::to_string(data.count), std::to_string(data.time),
               std::to_string(static_cast<int64_t>(data.count) * data.time),
               std::to_string(data.ids.size()), std::to_string(data.labels.size())});
  }
  if (data.count == 0) return;
  if (data.time < 1) {
    fail_data("which",
              "The {which} sequences are empty (maxlen 0); load the data with maxlen >= 1.",
              {which});
  }
  if (model.input_length != -1 && data.time != model.input_length) {
    fail_data("length which time",
              "The model reads sequences of {length} tokens (its input length) but the {which} "
              "data has maxlen {time}; load the data with maxlen={length} or change the model's "
              "input length.",
              {std::to_string(model.input_length), which, std::to_string(data.time)});
  }
  if (const size_t i = first_id_outside(data.ids, model.vocab); i < data.ids.size()) {
    fail_data(
        "id which sequence step vocab",
        "Token id {id} ({which} sequence {sequence}, step {step}) is outside the model's "
        "vocabulary of {vocab} ids; load the data with num_words <= {vocab} or enlarge the "
        "model's vocabulary.",
        {std::to_string(data.ids[i]), which, std::to_string(i / static_cast<size_t>(data.time)),
         std::to_string(i % static_cast<size_t>(data.time)), std::to_string(model.vocab)});
  }
  const int classes = kind == LossKind::BinaryCrossentropy ? 2 : model.output_layer().units;
  for (int i = 0; i < data.count; ++i) {
    const int32_t label = data.labels[static_cast<size_t>(i)];
    if (label < 0 || label >= classes) {
      fail_data("label which sequence classes loss",
                "Label {label} of {which} sequence {sequence} does not fit the model's output "
                "({classes} classes, {loss}); give the last Dense layer one unit per class "
                "(softmax), or one unit (sigmoid) for labels 0/1.",
                {std::to_string(label), which, std::to_string(i), std::to_string(classes),
                 loss_name(kind)});
    }
  }
}

namespace {
RecordField whole(const char* key, double value) { return {key, RecordField::Kind::Whole, value}; }
RecordField number(const char* key, double value) {
  return {key, RecordField::Kind::Number, value};
}
}  // namespace

Record epoch_record(const EpochLog& log) {
  return {whole("epoch", log.epoch),
          number("loss", log.loss),
          number("accuracy", log.accuracy),
          number("val_loss", log.val_loss),
          number("val_accuracy", log.val_accuracy),
          number("seconds", log.seconds)};
}

Record result_record(const Trainer<float>& trainer, const LossValue<float>* test) {
  const int best = trainer.best_epoch();
  const EpochLog* b = best > 0 ? &trainer.history()[static_cast<size_t>(best - 1)] : nullptr;
  constexpr double kNull = HUGE_VAL;  // a Number entry that is not finite is written as null
  return {whole("best_epoch", best),
          number("best_val_loss", b ? b->val_loss : kNull),
          number("best_val_accuracy", b ? b->val_accuracy : kNull),
          number("test_loss", test ? test->loss : kNull),
          number("test_accuracy", test ? test->accuracy : kNull),
          whole("epochs_run", static_cast<double>(trainer.history().size())),
          {"stop_reason", RecordField::Kind::Text, 0, stop_reason_name(trainer.stop_reason())}};
}

}  // namespace rnn
