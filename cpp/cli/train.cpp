// rnn-playground train: Keras-style fit on a data pack, one JSON line per epoch, then a summary
// line with the test evaluation.

#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/keras_file.hpp"
#include "engine/training_run.hpp"
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
  TrainingSettings settings;  // the CLI's defaults: 1 epoch of batches of 32, RMSprop
  bool num_words_given = false, maxlen_given = false;
};

// The command line of `train`: the training settings within the engine's limits (limits.def).
int parse_options(const Args& args, TrainOptions& o) {
  std::optional<std::string> data, out, optimizer, num_words, maxlen, epochs, batch_size, patience,
      seed, lr, clipnorm, keras;
  bool restore_best = false;
  CommandLine line{&o.model_path,
                   {{"--data", &data},
                    {"--out", &out},
                    {"--optimizer", &optimizer},
                    {"--num-words", &num_words},
                    {"--maxlen", &maxlen},
                    {"--epochs", &epochs},
                    {"--batch-size", &batch_size},
                    {"--patience", &patience},
                    {"--seed", &seed},
                    {"--lr", &lr},
                    {"--clipnorm", &clipnorm},
                    {"--keras", &keras}},
                   {{"--restore-best", &restore_best}}};
  return parse_command_line(args, kTrainUsage, line, [&] {
    TrainingSettings& s = o.settings;
    read_setting(num_words, "--num-words", Setting::num_words, s.num_words);
    read_setting(maxlen, "--maxlen", Setting::maxlen, s.maxlen);
    read_setting(epochs, "--epochs", Setting::epochs, s.epochs);
    read_setting(batch_size, "--batch-size", Setting::batch_size, s.batch_size);
    read_setting(patience, "--patience", Setting::patience, s.patience);
    read_setting(seed, "--seed", Setting::seed, s.seed);
    read_setting(lr, "--lr", Setting::learning_rate, s.learning_rate);
    read_setting(clipnorm, "--clipnorm", Setting::clipnorm, s.clipnorm);
    read_setting(keras, "--keras", Setting::keras, s.keras);
    o.num_words_given = num_words.has_value();
    o.maxlen_given = maxlen.has_value();
    s.optimizer = optimizer.value_or("rmsprop");
    if (s.optimizer != "rmsprop" && s.optimizer != "adam" && s.optimizer != "sgd")
      throw UsageError{"--optimizer must be rmsprop, adam or sgd; received '" + s.optimizer + "'"};
    if (o.model_path.empty()) throw UsageError{"MODEL.json is missing"};
    if (!data) throw UsageError{"--data PACK is missing"};
    o.data_path = *data;
    o.out_dir = out.value_or("");
    if (restore_best && !patience) {
      throw UsageError{"--restore-best belongs to early stopping; give --patience P as well"};
    }
    s.restore_best = restore_best;
  });
}

int fail(const std::string& message) {
  std::cerr << "error: " << message << "\n";
  return 1;
}

}  // namespace

int cmd_train(const Args& args) {
  TrainOptions options;
  if (const int status = parse_options(args, options); status >= 0) return status;
  TrainingSettings& settings = options.settings;

  ModelSpec spec;
  try {
    spec = parse_model_json(read_file(options.model_path));
  } catch (const std::exception& e) {
    return fail(options.model_path + ": " + e.what());
  }
  if (const int status = sizes_from_model(spec, options.num_words_given, options.maxlen_given,
                                          kTrainUsage, settings);
      status >= 0)
    return status;
  const std::string* stage = &options.data_path;  // what an error is about, for its message
  try {
    const std::string bytes = read_file(options.data_path);
    const PackInfo pack =
        read_pack_info(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
    stage = nullptr;
    const FitConfig config = fit_config(settings, spec, pack.vocab_size, pack.stored_length);
    stage = &options.data_path;
    const DataSplits data = read_pack(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(),
                                      settings.num_words, settings.maxlen);
    stage = nullptr;

    Network<float> network(spec);
    network.initialize(config.seed);
    Trainer<float> trainer(network, data.train, &data.validation, config);
    while (!trainer.finished()) {
      const BatchProgress progress = trainer.run_slice(256);
      if (!progress.epoch_ended) continue;
      std::cout
          << record_json<nlohmann::ordered_json>(epoch_record(trainer.history().back())).dump()
          << std::endl;
    }
    LossValue<float> test;
    if (data.test.count > 0)
      test = evaluate(network, trainer.loss_kind(), data.test, config.batch_size);
    std::cout << record_json<nlohmann::ordered_json>(
                     result_record(trainer, data.test.count > 0 ? &test : nullptr))
                     .dump()
              << std::endl;

    if (!options.out_dir.empty()) {
      nlohmann::json compile = {{"optimizer", settings.optimizer}};
      if (settings.learning_rate) compile["learning_rate"] = *settings.learning_rate;
      save_model_file(options.out_dir, spec, network.params(), compile.dump());
    }
    if (trainer.stop_reason() == StopReason::NonFiniteLoss) {
      std::cerr << "error: " << trainer.stop_message() << "\n";
      return 1;
    }
    return 0;
  } catch (const std::exception& e) {
    return fail(stage ? *stage + ": " + e.what() : e.what());
  }
}

}  // namespace rnn::cli
