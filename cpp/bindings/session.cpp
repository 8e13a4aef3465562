#include "bindings/session.hpp"

#include <cmath>
#include <cstdint>
#include <optional>

#include "engine/messages.hpp"
#include "engine/word_influence.hpp"
#include "engine/data_stats.hpp"
#include "engine/json_object.hpp"
#include "engine/model_json.hpp"
#include "engine/training_run.hpp"

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

// A whole-number setting (absent: `fallback`), in [lo, hi].
int setting_int(const json& s, const char* key, int fallback, int lo, int hi) {
  const json* x = setting(s, key, json::value_t::number_float, "a number");
  if (!x) return fallback;
  const double v = x->get<double>();
  if (!(v >= lo && v <= hi) || std::floor(v) != v)
    fail_with(Msg::setting_range, {key, std::to_string(lo), std::to_string(hi), x->dump()});
  return static_cast<int>(v);
}

// A number setting of limits.def, checked there (`max` lowers its maximum: the pack's sizes);
// absent: nullopt.
std::optional<double> setting_number(const json& s, Setting which, double max = HUGE_VAL) {
  const json* x = setting(s, setting_limit(which).name, json::value_t::number_float, "a number");
  if (!x) return std::nullopt;
  check_setting(which, x->get<double>(), x->dump(), max);
  return x->get<double>();
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

// The epoch record the CLI's train writes too (training_run.hpp).
json epoch_json(const EpochLog& e) { return record_json<json>(epoch_record(e)); }

// What a pack holds (PackInfo), as load_pack and describe_data answer.
JsonObject pack_json(const PackInfo& info) {
  return json_object()
      .add("version", info.version)
      .add("vocab_size", info.vocab_size)
      .add("stored_length", info.stored_length)
      .add("train_count", info.train_count)
      .add("validation_count", info.validation_count)
      .add("test_count", info.test_count)
      .add("num_classes", info.num_classes);
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

// The model's input length and vocabulary for token ids (the same check as the trainer's data).
void check_ids(const TokenBatch& x, const ModelSpec& spec) {
  if (spec.input_length > 0 && x.time != spec.input_length)
    fail_with(Msg::sequence_length, {std::to_string(spec.input_length), std::to_string(x.time)});
  if (const size_t i = first_id_outside(x.ids, spec.vocab); i < x.ids.size())
    fail_with(Msg::token_id_range, {std::to_string(x.ids[i]), std::to_string(i / x.time),
                                    std::to_string(i % x.time), std::to_string(spec.vocab)});
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
    for (const json& id : s) {
      if (!id.is_number_integer()) fail_with(Msg::token_ids_whole, {});
      // Beyond int32: -1, outside every vocabulary (check_ids names it).
      const int64_t v = id.get<int64_t>();
      x.ids.push_back(v < 0 || v > INT32_MAX ? -1 : static_cast<int32_t>(v));
    }
  }
  check_ids(x, spec);
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
  return pack_json(info);
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
  return pack_json(info)
      .add("length_histogram", std::move(hist))
      .add("mean_length", stats.mean)
      .add("median_length", stats.median)
      .add("samples", std::move(sample_list));
}

json Session::start_training(const std::string& model_json, const json& s) {
  const PackInfo& info = pack_info();
  trainer_.reset();
  auto spec = std::make_unique<ModelSpec>(parse_model_json(model_json));
  // The page's defaults; every value is checked against limits.def (training_run.hpp).
  TrainingSettings t;
  t.num_words = int(setting_number(s, Setting::num_words, info.vocab_size).value_or(spec->vocab));
  t.maxlen = int(setting_number(s, Setting::maxlen, info.stored_length)
                     .value_or(spec->input_length > 0 ? spec->input_length : 100));
  t.epochs = int(setting_number(s, Setting::epochs).value_or(10));
  t.batch_size = int(setting_number(s, Setting::batch_size).value_or(32));
  t.seed = int64_t(setting_number(s, Setting::seed).value_or(0));
  if (const json* name =
          setting(s, "optimizer", json::value_t::string, "a name such as \"rmsprop\""))
    t.optimizer = name->get<std::string>();
  t.learning_rate = setting_number(s, Setting::learning_rate);
  t.clipnorm = setting_number(s, Setting::clipnorm).value_or(0);
  t.keras = int(setting_number(s, Setting::keras).value_or(3));
  t.patience = int(setting_number(s, Setting::patience).value_or(0));
  if (t.patience > 0) {
    const json* restore = setting(s, "restore_best", json::value_t::boolean, "true or false");
    t.restore_best = restore && restore->get<bool>();
  }
  const FitConfig config = fit_config(t, *spec, info.vocab_size, info.stored_length);
  data_ =
      std::make_unique<DataSplits>(read_pack(pack_.data(), pack_.size(), t.num_words, t.maxlen));
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
  // The result record the CLI's train writes too (training_run.hpp), and what only the page needs.
  json result = record_json<json>(result_record(*trainer_, &test));
  result["history"] = std::move(history);
  result["message"] =
      trainer_->stop_message().empty() ? json(nullptr) : json(trainer_->stop_message());
  result["total_params"] = spec_->total_params();
  result["seconds"] = seconds;
  return result;
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
  x.ids = std::move(ids);
  check_ids(x, *spec_);
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
