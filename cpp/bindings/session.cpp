#include "bindings/session.hpp"

#include <cmath>

#include "engine/messages.hpp"
#include "engine/word_influence.hpp"
#include "engine/data_stats.hpp"
#include "engine/json_object.hpp"
#include "engine/model_json.hpp"

namespace rnn::bindings {

using nlohmann::json;

namespace {

// NaN and infinities are not JSON; send null so the page can say "not a number".
json number(double x) { return std::isfinite(x) ? json(x) : json(nullptr); }

// The training setting `key`, or nullptr when absent or null; a value of another JSON type is
// refused by name, never ignored. (One helper for every setting: the .wasm's size.)
const json* setting(const json& s, const char* key, json::value_t kind, const char* must_be) {
  const auto it = s.find(key);
  if (it == s.end() || it->is_null()) return nullptr;
  if (kind == json::value_t::number_float ? !it->is_number() : it->type() != kind)
    fail_with(Msg::setting_type, {key, must_be, it->dump()});
  return &*it;
}

int setting_int(const json& s, const char* key, int fallback, int lo, int hi) {
  const json* x = setting(s, key, json::value_t::number_float, "a number");
  if (!x) return fallback;
  const double v = x->get<double>();
  if (!(v >= lo && v <= hi) || std::floor(v) != v)
    fail_with(Msg::setting_range, {key, std::to_string(lo), std::to_string(hi), x->dump()});
  return static_cast<int>(v);
}

json progress_json(const BatchProgress& p) {
  return json_object()
      .add("epoch", p.epoch)
      .add("batch", p.batch)
      .add("batches_per_epoch", p.batches_per_epoch)
      .add("loss", number(p.loss))
      .add("accuracy", number(p.accuracy))
      .add("batch_loss", number(p.batch_loss))
      .add("samples_per_second", number(p.samples_per_second));
}

json epoch_json(const EpochLog& e) {
  return json_object()
      .add("epoch", e.epoch)
      .add("loss", number(e.loss))
      .add("accuracy", number(e.accuracy))
      .add("val_loss", number(e.val_loss))
      .add("val_accuracy", number(e.val_accuracy))
      .add("seconds", e.seconds);
}

json matrix_json(const Mat<float>& m) {
  json rows = json::array();
  for (Eigen::Index r = 0; r < m.rows(); ++r) {
    json row = json::array();
    for (Eigen::Index c = 0; c < m.cols(); ++c) row.push_back(number(m(r, c)));
    rows.push_back(std::move(row));
  }
  return rows;
}

TokenBatch token_batch(const json& sequences, const ModelSpec& spec) {
  if (!sequences.is_array() || sequences.empty()) fail_with(Msg::no_sequences, {});
  TokenBatch x;
  x.batch = static_cast<int>(sequences.size());
  x.time = -1;
  for (size_t i = 0; i < sequences.size(); ++i) {
    const json& s = sequences[i];
    if (!s.is_array() || s.empty()) fail_with(Msg::sequence_empty, {std::to_string(i)});
    if (x.time < 0) x.time = static_cast<int>(s.size());
    if (static_cast<int>(s.size()) != x.time) fail_with(Msg::sequences_unequal, {});
    if (spec.input_length > 0 && x.time != spec.input_length)
      fail_with(Msg::sequence_length, {std::to_string(spec.input_length), std::to_string(x.time)});
    for (size_t t = 0; t < s.size(); ++t) {
      if (!s[t].is_number_integer()) fail_with(Msg::token_ids_whole, {});
      const int64_t id = s[t].get<int64_t>();
      if (id < 0 || id >= spec.vocab)
        fail_with(Msg::token_id_range, {std::to_string(id), std::to_string(i), std::to_string(t),
                                        std::to_string(spec.vocab)});
      x.ids.push_back(static_cast<int32_t>(id));
    }
  }
  return x;
}

}  // namespace

Session::Session() = default;
Session::~Session() = default;

const PackInfo& Session::pack_info() const {
  if (!info_) fail_with(Msg::no_data_loaded, {});
  return *info_;
}

json Session::load_pack(std::vector<uint8_t> bytes) {
  PackInfo info = read_pack_info(bytes.data(), bytes.size());
  trainer_.reset();
  data_.reset();
  exported_.reset();
  pack_ = std::move(bytes);
  info_ = std::make_unique<PackInfo>(info);
  return json_object()
      .add("version", info.version)
      .add("vocab_size", info.vocab_size)
      .add("stored_length", info.stored_length)
      .add("train_count", info.train_count)
      .add("validation_count", info.validation_count)
      .add("test_count", info.test_count)
      .add("num_classes", info.num_classes);
}

json Session::describe_data(int num_words, int maxlen, int samples) {
  const PackInfo& info = pack_info();
  // Lengths at the pack's full stored length (maxlen only cuts what the model sees).
  const DataSplits full =
      read_pack(pack_.data(), pack_.size(), info.vocab_size, info.stored_length);
  const LengthStats stats = length_stats(full.train, 10);
  json hist = json::array();
  for (const auto& b : stats.histogram)
    hist.push_back(
        json_object().add("bin_start", b.start).add("bin_end", b.end).add("count", b.count));
  const DataSplits cut = read_pack(pack_.data(), pack_.size(), num_words, maxlen);
  json sample_list = json::array();
  for (int i = 0; i < std::min(samples, cut.train.count); ++i) {
    const auto* row = cut.train.ids.data() + static_cast<size_t>(i) * cut.train.time;
    sample_list.push_back(json_object()
                              .add("ids", std::vector<int32_t>(row, row + cut.train.time))
                              .add("label", cut.train.labels[i]));
  }
  return json_object()
      .add("vocab_size", info.vocab_size)
      .add("stored_length", info.stored_length)
      .add("train_count", info.train_count)
      .add("validation_count", info.validation_count)
      .add("test_count", info.test_count)
      .add("length_histogram", std::move(hist))
      .add("mean_length", stats.mean)
      .add("median_length", stats.median)
      .add("samples", std::move(sample_list));
}

json Session::start_training(const std::string& model_json, const json& s) {
  const PackInfo& info = pack_info();
  trainer_.reset();
  auto spec = std::make_unique<ModelSpec>(parse_model_json(model_json));
  const int num_words = setting_int(s, "num_words", spec->vocab, 3, info.vocab_size);
  const int maxlen = setting_int(s, "maxlen", spec->input_length > 0 ? spec->input_length : 100, 1,
                                 info.stored_length);
  if (spec->input_length > 0 && spec->input_length != maxlen)
    fail_with(Msg::input_length_maxlen,
              {std::to_string(spec->input_length), std::to_string(maxlen)});
  if (num_words > spec->vocab)
    fail_with(Msg::num_words_vocab, {std::to_string(num_words), std::to_string(spec->vocab)});
  FitConfig config;
  config.epochs = setting_int(s, "epochs", 10, 1, 10000);
  config.batch_size = setting_int(s, "batch_size", 32, 1, 100000);
  config.seed = static_cast<uint64_t>(setting_int(s, "seed", 0, 0, 2147483647));
  if (const json* name =
          setting(s, "optimizer", json::value_t::string, "a name such as \"rmsprop\""))
    config.optimizer.name = name->get<std::string>();
  if (const json* x = setting(s, "learning_rate", json::value_t::number_float, "a number")) {
    const double lr = x->get<double>();
    if (!(lr > 0 && lr <= 10)) fail_with(Msg::learning_rate_range, {x->dump()});
    config.optimizer.learning_rate = lr;
  }
  if (const json* x = setting(s, "clipnorm", json::value_t::number_float, "a number")) {
    const double c = x->get<double>();
    if (!(c >= 0 && c <= 1000)) fail_with(Msg::clipnorm_range, {x->dump()});
    config.optimizer.clipnorm = c;
  }
  config.keras =
      setting_int(s, "keras", 3, 2, 3) == 2 ? KerasVersion::TfKeras2 : KerasVersion::Keras3;
  const int patience = setting_int(s, "patience", 0, 0, 1000);
  if (patience > 0) {
    config.early_stopping.enabled = true;
    config.early_stopping.patience = patience;
    const json* restore = setting(s, "restore_best", json::value_t::boolean, "true or false");
    config.early_stopping.restore_best_weights = restore && restore->get<bool>();
  }
  data_ = std::make_unique<DataSplits>(read_pack(pack_.data(), pack_.size(), num_words, maxlen));
  auto network = std::make_unique<Network<float>>(*spec);
  network->initialize(config.seed);
  batch_size_ = config.batch_size;
  trainer_ = std::make_unique<Trainer<float>>(*network, data_->train, &data_->validation, config);
  trainer_->optimizer().set_iterations(setting_int(s, "iterations", 0, 0, 2147483647));
  spec_ = std::move(spec);
  network_ = std::move(network);
  return json_object()
      .add("batches_per_epoch", trainer_->batches_per_epoch())
      .add("total_params", spec_->total_params())
      .add("train_count", data_->train.count)
      .add("validation_count", data_->validation.count);
}

json Session::run_slice(int max_batches) {
  if (!trainer_) fail_with(Msg::no_training_run, {});
  json batches = json::array();
  trainer_->set_batch_callback(
      [&](const BatchProgress& p) { batches.push_back(progress_json(p)); });
  const size_t epochs_before = trainer_->history().size();
  trainer_->run_slice(std::max(1, max_batches));
  trainer_->set_batch_callback(nullptr);
  json epochs = json::array();
  for (size_t i = epochs_before; i < trainer_->history().size(); ++i)
    epochs.push_back(epoch_json(trainer_->history()[i]));
  // After an epoch: how much each position can still move the prediction, over a fixed set of
  // validation reviews (the first 64), for the Train tab's gradient chart: one row (the worker
  // passes the row on).
  if (!epochs.empty() && data_->validation.count > 0)
    epochs.back()[std::string("input_gradients")] =
        matrix_json(mean_input_gradients(*network_, data_->validation, 64));
  return json_object()
      .add("batches", std::move(batches))
      .add("epochs", std::move(epochs))
      .add("finished", trainer_->finished());
}

json Session::stop_training() {
  if (trainer_ && !trainer_->finished()) trainer_->stop();
  return json_object().add("stopped", true);
}

json Session::finish_training() {
  if (!trainer_) fail_with(Msg::no_run_to_finish, {});
  if (!trainer_->finished()) trainer_->stop();
  const auto test =
      evaluate(*network_, trainer_->loss_kind(), data_->test, std::max(batch_size_, 64));
  json history = json::array();
  double seconds = 0;
  for (const auto& e : trainer_->history()) {
    history.push_back(epoch_json(e));
    seconds += e.seconds;
  }
  const int best = trainer_->best_epoch();
  const EpochLog* b = best > 0 ? &trainer_->history()[static_cast<size_t>(best - 1)] : nullptr;
  return json_object()
      .add("history", std::move(history))
      .add("stop_reason", stop_reason_name(trainer_->stop_reason()))
      .add("message",
           trainer_->stop_message().empty() ? json(nullptr) : json(trainer_->stop_message()))
      .add("best_epoch", best)
      .add("best_val_loss", b ? number(b->val_loss) : json(nullptr))
      .add("best_val_accuracy", b ? number(b->val_accuracy) : json(nullptr))
      .add("test_loss", number(test.loss))
      .add("test_accuracy", number(test.accuracy))
      .add("total_params", spec_->total_params())
      .add("seconds", seconds);
}

json Session::load_model(const std::string& model_json) {
  auto spec = std::make_unique<ModelSpec>(parse_model_json(model_json));
  auto network = std::make_unique<Network<float>>(*spec);
  trainer_.reset();
  spec_ = std::move(spec);
  network_ = std::move(network);
  return json_object().add("total_params", spec_->total_params());
}

std::vector<float>* Session::state_buffer(int which) {
  if (which == 0) return network_ ? &network_->params() : nullptr;
  return trainer_ ? &trainer_->optimizer().state() : nullptr;
}

const std::vector<int32_t>& Session::data_array(int num_words, int maxlen, int which) {
  const PackInfo& info = pack_info();
  if (num_words < 3 || num_words > info.vocab_size || maxlen < 1 || maxlen > info.stored_length ||
      which < 0 || which > 5)
    fail_with(Msg::data_outside_pack, {});
  if (!exported_ || exported_words_ != num_words || exported_maxlen_ != maxlen) {
    exported_ =
        std::make_unique<DataSplits>(read_pack(pack_.data(), pack_.size(), num_words, maxlen));
    exported_words_ = num_words;
    exported_maxlen_ = maxlen;
  }
  const Dataset& split = which < 2   ? exported_->train
                         : which < 4 ? exported_->validation
                                     : exported_->test;
  return which % 2 == 0 ? split.ids : split.labels;
}

json Session::predict(const json& sequences) {
  if (!network_) fail_with(Msg::no_trained_model, {});
  const TokenBatch x = token_batch(sequences, *spec_);
  return matrix_json(rnn::predict(*network_, x, 256));
}

json Session::predict_ids(std::vector<int32_t> ids, int count) {
  if (!network_) fail_with(Msg::no_trained_model, {});
  if (count < 1 || ids.size() % static_cast<size_t>(count) != 0 || ids.empty())
    fail_with(Msg::predict_count, {});
  TokenBatch x;
  x.batch = count;
  x.time = static_cast<int>(ids.size() / static_cast<size_t>(count));
  if (spec_->input_length > 0 && x.time != spec_->input_length)
    fail_with(Msg::sequence_length, {std::to_string(spec_->input_length), std::to_string(x.time)});
  for (size_t i = 0; i < ids.size(); ++i)
    if (ids[i] < 0 || ids[i] >= spec_->vocab)
      fail_with(Msg::token_id_range, {std::to_string(ids[i]), std::to_string(i / x.time),
                                      std::to_string(i % x.time), std::to_string(spec_->vocab)});
  x.ids = std::move(ids);
  return matrix_json(rnn::predict(*network_, x, 256));
}

namespace {

json layer_json(const LayerTrace<float>& l, const LayerSpec& spec, const float* weights) {
  // The gates' values are the columns of "values" (the worker names them for the heat maps).
  // One-hot input: "x" is null and x_t is e_{id_t}, id_t the request's id (the worker fills it in).
  const bool lstm = l.cell.size() > 0, one_hot = !l.input_ids.empty();
  JsonObject out = json_object();
  std::move(out)
      .add("name", l.layer_name)
      .add("kind", layer_kind_name(l.kind))
      .add("reset_after", spec.reset_after);
  const std::pair<const char*, const Mat<float>*> matrices[] = {
      {"hidden", &l.hidden},
      {"cell", lstm ? &l.cell : nullptr},
      {"x", one_hot ? nullptr : &l.input},
      {"h_prev", &l.hidden_prev},
      {"c_prev", lstm ? &l.cell_prev : nullptr},
      {"pre", &l.pre},
      {"values", &l.values}};
  for (const auto& [key, m] : matrices)
    std::move(out).add(key, m ? matrix_json(*m) : json(nullptr));
  // The layer's own weights in Keras' layout (kernel, recurrent_kernel, bias): the page lists the
  // terms of a pre-activation with them, and checks hold the step values against them.
  json list = json::array();
  for (const WeightSpec& w : weight_specs(spec)) {
    const int64_t cols = w.shape.back();
    list.push_back(matrix_json(Eigen::Map<const Mat<float>>(weights, w.size() / cols, cols)));
    weights += w.size();
  }
  return std::move(out).add("weights", std::move(list));
}

}  // namespace

// One padded review: every recurrent layer's per-step values with its weights (network.hpp,
// LayerTrace), the outputs after each step, ‖∂z/∂x_t‖ at every step, and the outputs with each
// kept token replaced by the out-of-vocabulary id 2. The page asks for all of it at once.
json Session::trace(const json& ids) {
  if (!network_) fail_with(Msg::no_trained_model, {});
  const TokenBatch x = token_batch(json::array({ids}), *spec_);
  const SequenceTrace<float> t = network_->trace(x.ids);
  json layers = json::array();
  for (const auto& l : t.layers)
    layers.push_back(
        layer_json(l, spec_->layers[size_t(l.layer_index)],
                   network_->params().data() + spec_->param_offset(size_t(l.layer_index))));
  std::vector<int> steps;  // the kept steps (id ≠ 0), in order: the worker knows them from the ids
  return json_object()
      .add("output", matrix_json(t.output))
      .add("per_step", matrix_json(t.output_per_step))
      .add("layers", std::move(layers))
      .add("input_gradients", matrix_json(network_->input_gradient_norms(x)))
      .add("occlusion", matrix_json(occlusion_outputs(*network_, x.ids, 2, steps)));
}

}  // namespace rnn::bindings
