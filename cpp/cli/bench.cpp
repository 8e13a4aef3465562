// rnn-playground bench: the native side of the speed benchmark (scripts/bench.ts). Trains a model
// on a data pack for a fixed number of batches, then predicts validation reviews, and prints one
// JSON object with the timings. The same figures are measured for the WebAssembly build and for
// TF.js by scripts/bench.ts, so the three can be compared in one run on the same data.

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cmath>
#include <iostream>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "engine/model_json.hpp"
#include "engine/network.hpp"
#include "engine/pack.hpp"
#include "engine/trainer.hpp"
#include "engine/data_stats.hpp"
#include "engine/training_run.hpp"

namespace rnn::cli {

namespace {

const char* kBenchUsage =
    "usage: rnn-playground bench MODEL.json --data PACK [options]\n"
    "\n"
    "Trains the model (RMSprop) on the pack's training split for a fixed number of batches after "
    "a\n"
    "few warm-up batches, then predicts the first validation reviews, and prints one JSON object:\n"
    "{\"engine\":\"native\",\"ms_per_batch\" (median),\"ms_per_batch_mean\",\"cpu_ms_per_batch\" "
    "(median\n"
    "process CPU "
    "time),\"batches\",\"batch_size\",\"predict_count\",\"predictions_per_second\",\"epoch_"
    "seconds\",\"train_count\",\n"
    "\"validation_count\",\"build\":{...}}. epoch_seconds = train_count / batch_size * "
    "ms_per_batch\n"
    "+ validation_count / predictions_per_second (one epoch with its validation pass).\n"
    "\n"
    "options:\n"
    "  --data PACK         data pack file (required)\n"
    "  --num-words N       vocabulary (default: the model's)\n"
    "  --maxlen L          sequence length (default: the model's input length)\n"
    "  --batch-size B      default 64\n"
    "  --batches N         timed training batches (default 50)\n"
    "  --warmup W          untimed batches first (default 3)\n"
    "  --predict P         validation reviews to predict (default 5000; at most the split's size)\n"
    "  --lr X              RMSprop learning rate (default 1e-4, the curriculum's)\n"
    "  --seed S            default 0\n";

struct BenchOptions {
  std::string model_path, data_path;
  TrainingSettings settings;  // one epoch of batches of 64, RMSprop at the curriculum's 1e-4
  bool num_words_given = false, maxlen_given = false;
  int batches = 50;
  int warmup = 3;
  int predict_count = 5000;
};

// The command line of `bench`: the training settings within the engine's limits (limits.def), the
// timing options in [0 or 1, 2^31 - 1].
int parse_options(const Args& args, BenchOptions& o) {
  std::optional<std::string> data, num_words, maxlen, batch_size, seed, lr, batches, warmup,
      predict;
  const CommandLine line{&o.model_path,
                         {{"--data", &data},
                          {"--num-words", &num_words},
                          {"--maxlen", &maxlen},
                          {"--batch-size", &batch_size},
                          {"--seed", &seed},
                          {"--lr", &lr},
                          {"--batches", &batches},
                          {"--warmup", &warmup},
                          {"--predict", &predict}},
                         {}};
  return parse_command_line(args, kBenchUsage, line, [&] {
    constexpr long long kIntMax = std::numeric_limits<int>::max();
    TrainingSettings& s = o.settings;
    s.batch_size = 64;
    s.learning_rate = 1e-4;
    read_setting(num_words, "--num-words", Setting::num_words, s.num_words);
    read_setting(maxlen, "--maxlen", Setting::maxlen, s.maxlen);
    read_setting(batch_size, "--batch-size", Setting::batch_size, s.batch_size);
    read_setting(seed, "--seed", Setting::seed, s.seed);
    read_setting(lr, "--lr", Setting::learning_rate, s.learning_rate);
    o.num_words_given = num_words.has_value();
    o.maxlen_given = maxlen.has_value();
    if (batches) o.batches = int(parse_integer("--batches", *batches, 1, kIntMax));
    if (warmup) o.warmup = int(parse_integer("--warmup", *warmup, 0, kIntMax));
    if (predict) o.predict_count = int(parse_integer("--predict", *predict, 1, kIntMax));
    if (o.model_path.empty()) throw UsageError{"MODEL.json is missing"};
    if (!data) throw UsageError{"--data PACK is missing"};
    o.data_path = *data;
  });
}

// What the binary was compiled with, so the table can state it.
nlohmann::ordered_json build_info() {
  nlohmann::ordered_json info;
#if defined(__clang__)
  info["compiler"] = std::string("clang ") + __clang_version__;
#elif defined(__GNUC__)
  info["compiler"] = std::string("g++ ") + __VERSION__;
#endif
#if defined(NDEBUG)
  info["ndebug"] = true;
#else
  info["ndebug"] = false;
#endif
#if defined(__OPTIMIZE__)
  info["optimized"] = true;
#else
  info["optimized"] = false;
#endif
  std::vector<std::string> simd;
#if defined(__SSE2__)
  simd.push_back("sse2");
#endif
#if defined(__SSE4_1__)
  simd.push_back("sse4.1");
#endif
#if defined(__AVX__)
  simd.push_back("avx");
#endif
#if defined(__AVX2__)
  simd.push_back("avx2");
#endif
#if defined(__FMA__)
  simd.push_back("fma");
#endif
  info["simd"] = simd;
  info["eigen_simd"] = Eigen::SimdInstructionSetsInUse();
  return info;
}

using Clock = std::chrono::steady_clock;

// CPU time of this process: on a machine shared with other work it counts only our own cycles,
// a cross-check of the wall-clock figures.
double process_cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return 1e3 * double(t.tv_sec) + 1e-6 * double(t.tv_nsec);
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

int cmd_bench(const Args& args) {
  BenchOptions options;
  if (const int status = parse_options(args, options); status >= 0) return status;
  TrainingSettings& settings = options.settings;

  const ModelSpec spec = parse_model_json(read_file(options.model_path));
  if (const int status = sizes_from_model(spec, options.num_words_given, options.maxlen_given,
                                          kBenchUsage, settings);
      status >= 0)
    return status;
  const std::string bytes = read_file(options.data_path);
  const auto* pack = reinterpret_cast<const uint8_t*>(bytes.data());
  const PackInfo info = read_pack_info(pack, bytes.size());
  const FitConfig config = fit_config(settings, spec, info.vocab_size, info.stored_length);
  const DataSplits data = read_pack(pack, bytes.size(), settings.num_words, settings.maxlen);

  Network<float> network(spec);
  network.initialize(config.seed);
  Trainer<float> trainer(network, data.train, &data.validation, config);
  // Validation runs when an epoch ends; keep it out of the per-batch figures.
  if (options.warmup + options.batches >= trainer.batches_per_epoch()) {
    std::cerr << "error: --warmup + --batches must stay below one epoch ("
              << trainer.batches_per_epoch() << " batches of " << config.batch_size << ")\n";
    return 2;
  }
  if (options.warmup > 0) trainer.run_slice(options.warmup);

  // One timestamp per batch: the median resists another process taking the core for a moment.
  std::vector<double> batch_ms, batch_cpu_ms;
  batch_ms.reserve(size_t(options.batches));
  batch_cpu_ms.reserve(size_t(options.batches));
  Clock::time_point last = Clock::now();
  double last_cpu = process_cpu_ms();
  trainer.set_batch_callback([&](const BatchProgress&) {
    const Clock::time_point now = Clock::now();
    const double cpu = process_cpu_ms();
    batch_ms.push_back(std::chrono::duration<double, std::milli>(now - last).count());
    batch_cpu_ms.push_back(cpu - last_cpu);
    last = now;
    last_cpu = cpu;
  });
  const Clock::time_point train_start = Clock::now();
  last = train_start;
  last_cpu = process_cpu_ms();
  const BatchProgress progress = trainer.run_slice(options.batches);
  const double train_seconds = seconds_since(train_start);
  trainer.set_batch_callback(nullptr);
  if (trainer.finished()) {
    std::cerr << "error: training stopped early: " << trainer.stop_message() << "\n";
    return 1;
  }

  // The first predict_count validation reviews, 256 at a time (as the worker predicts); best of
  // three passes, the first of which also warms the buffers up.
  const int predict_count = std::min(options.predict_count, data.validation.count);
  TokenBatch x;
  x.batch = predict_count;
  x.time = data.validation.time;
  x.ids.assign(data.validation.ids.begin(),
               data.validation.ids.begin() + size_t(predict_count) * size_t(x.time));
  double predict_seconds = std::numeric_limits<double>::infinity();
  double checksum = 0;
  for (int pass = 0; pass < 3; ++pass) {
    const Clock::time_point start = Clock::now();
    const Mat<float> outputs = predict(network, x, 256);
    predict_seconds = std::min(predict_seconds, seconds_since(start));
    checksum = outputs.template cast<double>().sum();
  }

  const double ms_per_batch = median(batch_ms);
  const double predictions_per_second = predict_count / predict_seconds;
  nlohmann::ordered_json out;
  out["engine"] = "native";
  out["model"] = spec.name;
  out["batch_size"] = config.batch_size;
  out["batches"] = options.batches;
  out["ms_per_batch"] = ms_per_batch;
  out["ms_per_batch_mean"] = 1000.0 * train_seconds / options.batches;
  out["cpu_ms_per_batch"] = median(batch_cpu_ms);
  out["predict_count"] = predict_count;
  out["predictions_per_second"] = predictions_per_second;
  out["train_count"] = data.train.count;
  out["validation_count"] = data.validation.count;
  out["epoch_seconds"] = double(data.train.count) / config.batch_size * ms_per_batch / 1000.0 +
                         data.validation.count / predictions_per_second;
  out["loss"] = progress.loss;  // running mean over the epoch so far: a sanity check that it trains
  out["prediction_mean"] = checksum / predict_count;
  out["build"] = build_info();
  std::cout << out.dump() << std::endl;
  return 0;
}

}  // namespace rnn::cli
