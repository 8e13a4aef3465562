// rnn-playground train: Keras-style fit on a data pack, one JSON line per epoch, then a summary
// line with the test evaluation.

#include <cmath>
#include <iostream>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/keras_file.hpp"
#include "engine/model_json.hpp"
#include "engine/network.hpp"
#include "engine/pack.hpp"
#include "engine/trainer.hpp"

namespace rnn::cli {

namespace {

const char* kTrainUsage =
    "usage: rnn-playground train MODEL.json --data PACK [options]\n"
    "\n"
    "Trains as Keras' fit on the pack's training split, validates on its validation split after\n"
    "every epoch and evaluates on its test split at the end. Prints one JSON object per epoch\n"
    "({\"epoch\",\"loss\",\"accuracy\",\"val_loss\",\"val_accuracy\",\"seconds\"}) and, last,\n"
    "{\"best_epoch\",\"best_val_loss\",\"best_val_accuracy\",\"test_loss\",\"test_accuracy\",\n"
    "\"epochs_run\",\"stop_reason\"}.\n"
    "\n"
    "options:\n"
    "  --data PACK            data pack file (required)\n"
    "  --num-words N          vocabulary: ids >= N become 2 (default: the model's vocabulary)\n"
    "  --maxlen L             sequence length, padded/truncated 'pre' (default: the model's input "
    "length)\n"
    "  --epochs E             default 1\n"
    "  --batch-size B         default 32\n"
    "  --optimizer NAME       rmsprop (default), adam or sgd\n"
    "  --lr X                 learning rate (default: Keras' for the optimizer)\n"
    "  --clipnorm X           scale each weight's gradient to L2 norm <= X (Keras' clipnorm; "
    "default off)\n"
    "  --patience P           turns early stopping on (monitor val_loss) with this patience\n"
    "  --restore-best         with --patience: restore the best epoch's weights at the end\n"
    "  --seed S               seeds initialisation, shuffling and dropout (default 0)\n"
    "  --keras 2|3            whose arithmetic: 3 = Keras 3 (default), 2 = tf.keras 2 (TF "
    "2.6-2.10):\n"
    "                         RMSprop's epsilon, early stopping's restore rule (README, parity "
    "notes)\n"
    "  --out PATH             save the trained model: a Keras 3 .keras file when PATH ends in "
    ".keras\n"
    "                         (with the optimizer, learning rate and loss in its compile_config), "
    "else\n"
    "                         a folder in the TF.js layers format (model.json, weights.bin)\n"
    "\n"
    "exit status: 0 done; 1 bad input, or the loss became NaN/infinite (training stops, the last\n"
    "good weights are kept and still evaluated and saved); 2 usage error.\n";

struct TrainOptions {
  std::string model_path, data_path, out_dir;
  std::optional<int> num_words, maxlen, patience;
  int epochs = 1;
  int batch_size = 32;
  std::string optimizer = "rmsprop";
  double learning_rate = -1;
  double clipnorm = 0;
  bool restore_best = false;
  uint64_t seed = 0;
  KerasVersion keras = KerasVersion::Keras3;
};

TrainOptions parse_options(const Args& args) {
  TrainOptions o;
  constexpr long long kIntMax = std::numeric_limits<int>::max();
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--restore-best") {
      o.restore_best = true;
      continue;
    }
    if (arg.rfind("--", 0) != 0) {
      if (!o.model_path.empty()) throw UsageError{"unexpected argument '" + arg + "'"};
      o.model_path = arg;
      continue;
    }
    if (i + 1 >= args.size()) throw UsageError{arg + " needs a value"};
    const std::string& value = args[++i];
    if (arg == "--data")
      o.data_path = value;
    else if (arg == "--out")
      o.out_dir = value;
    else if (arg == "--num-words")
      o.num_words = int(parse_integer(arg, value, 3, kIntMax));
    else if (arg == "--maxlen")
      o.maxlen = int(parse_integer(arg, value, 1, kIntMax));
    else if (arg == "--epochs")
      o.epochs = int(parse_integer(arg, value, 1, 1000000));
    else if (arg == "--batch-size")
      o.batch_size = int(parse_integer(arg, value, 1, kIntMax));
    else if (arg == "--patience")
      o.patience = int(parse_integer(arg, value, 0, kIntMax));
    else if (arg == "--seed")
      o.seed = uint64_t(parse_integer(arg, value, 0, std::numeric_limits<long long>::max()));
    else if (arg == "--lr")
      o.learning_rate = parse_positive(arg, value);
    else if (arg == "--clipnorm")
      o.clipnorm = parse_positive(arg, value);
    else if (arg == "--keras") {
      if (value != "2" && value != "3")
        throw UsageError{"--keras must be 2 (tf.keras 2, TF 2.6-2.10) or 3 (Keras 3); received '" +
                         value + "'"};
      o.keras = value == "2" ? KerasVersion::TfKeras2 : KerasVersion::Keras3;
    } else if (arg == "--optimizer") {
      if (value != "rmsprop" && value != "adam" && value != "sgd")
        throw UsageError{"--optimizer must be rmsprop, adam or sgd; received '" + value + "'"};
      o.optimizer = value;
    } else {
      throw UsageError{"unknown option '" + arg + "'"};
    }
  }
  if (o.model_path.empty()) throw UsageError{"MODEL.json is missing"};
  if (o.data_path.empty()) throw UsageError{"--data PACK is missing"};
  if (o.restore_best && !o.patience) {
    throw UsageError{"--restore-best belongs to early stopping; give --patience P as well"};
  }
  return o;
}

// NaN (no validation data, no epoch) becomes JSON null.
nlohmann::ordered_json number_or_null(double value) {
  if (std::isfinite(value)) return value;
  return nullptr;
}

int fail(const std::string& message) {
  std::cerr << "error: " << message << "\n";
  return 1;
}

}  // namespace

int cmd_train(const Args& args) {
  TrainOptions options;
  if (const int status = parse_command_line(args, kTrainUsage, parse_options, options); status >= 0)
    return status;

  ModelSpec spec;
  DataSplits data;
  try {
    spec = parse_model_json(read_file(options.model_path));
  } catch (const std::exception& e) {
    return fail(options.model_path + ": " + e.what());
  }
  const int num_words = options.num_words.value_or(spec.vocab);
  if (num_words > spec.vocab) {
    return fail("--num-words " + std::to_string(num_words) + " exceeds the model's vocabulary of " +
                std::to_string(spec.vocab) + " ids; use --num-words " + std::to_string(spec.vocab) +
                " or less, or enlarge the model's vocabulary.");
  }
  if (!options.maxlen && spec.input_length == -1) {
    std::cerr << "error: the model does not fix its input length; give --maxlen L\n" << kTrainUsage;
    return 2;
  }
  const int maxlen = options.maxlen.value_or(spec.input_length);
  try {
    const std::string bytes = read_file(options.data_path);
    data =
        read_pack(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), num_words, maxlen);
  } catch (const std::exception& e) {
    return fail(options.data_path + ": " + e.what());
  }

  FitConfig config;
  config.epochs = options.epochs;
  config.batch_size = options.batch_size;
  config.seed = options.seed;
  config.keras = options.keras;
  config.optimizer.name = options.optimizer;
  config.optimizer.learning_rate = options.learning_rate;
  config.optimizer.clipnorm = options.clipnorm;
  if (options.patience) {
    config.early_stopping.enabled = true;
    config.early_stopping.patience = *options.patience;
    config.early_stopping.restore_best_weights = options.restore_best;
  }

  try {
    Network<float> network(spec);
    network.initialize(options.seed);
    Trainer<float> trainer(network, data.train, &data.validation, config);
    while (!trainer.finished()) {
      const BatchProgress progress = trainer.run_slice(256);
      if (!progress.epoch_ended) continue;
      const EpochLog& log = trainer.history().back();
      nlohmann::ordered_json line;
      line["epoch"] = log.epoch;
      line["loss"] = number_or_null(log.loss);
      line["accuracy"] = number_or_null(log.accuracy);
      line["val_loss"] = number_or_null(log.val_loss);
      line["val_accuracy"] = number_or_null(log.val_accuracy);
      line["seconds"] = log.seconds;
      std::cout << line.dump() << std::endl;
    }

    nlohmann::ordered_json summary;
    const int best = trainer.best_epoch();
    const EpochLog* best_log = best > 0 ? &trainer.history()[size_t(best - 1)] : nullptr;
    summary["best_epoch"] = best;
    summary["best_val_loss"] = best_log ? number_or_null(best_log->val_loss) : nullptr;
    summary["best_val_accuracy"] = best_log ? number_or_null(best_log->val_accuracy) : nullptr;
    summary["test_loss"] = nullptr;
    summary["test_accuracy"] = nullptr;
    if (data.test.count > 0) {
      const LossValue<float> test =
          evaluate(network, trainer.loss_kind(), data.test, config.batch_size);
      summary["test_loss"] = number_or_null(test.loss);
      summary["test_accuracy"] = number_or_null(test.accuracy);
    }
    summary["epochs_run"] = static_cast<int>(trainer.history().size());
    summary["stop_reason"] = stop_reason_name(trainer.stop_reason());
    std::cout << summary.dump() << std::endl;

    if (!options.out_dir.empty()) {
      nlohmann::json compile = {{"optimizer", options.optimizer}};
      if (options.learning_rate > 0) compile["learning_rate"] = options.learning_rate;
      save_model_file(options.out_dir, spec, network.params(), compile.dump());
    }
    if (trainer.stop_reason() == StopReason::NonFiniteLoss) {
      std::cerr << "error: " << trainer.stop_message() << "\n";
      return 1;
    }
    return 0;
  } catch (const std::exception& e) {
    return fail(e.what());
  }
}

}  // namespace rnn::cli
