// `rnn-playground train` on a small synthetic pack: the documented JSON lines, early stopping,
// NaN handling, saving, and every error path with its exit status. Runs the real binary.

#include <gtest/gtest.h>
#include <unistd.h>
#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "engine/pack.hpp"
#include "engine/rng.hpp"

namespace {

using json = nlohmann::ordered_json;  // keeps the printed key order

struct TrainRun {
  int status;
  std::string out, err;
  std::vector<json> lines;  // stdout parsed line by line
};

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// ctest runs each test in its own process, several at once: every process gets its own files.
std::string temp_path(const std::string& name) {
  return ::testing::TempDir() + "/cli_train_" + std::to_string(getpid()) + "_" + name;
}

void write_bytes(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

TrainRun train(const std::string& args) {
  const std::string out = temp_path("out.txt"), err = temp_path("err.txt");
  const std::string cmd = std::string(RNN_CLI_PATH) + " train " + args + " >" + out + " 2>" + err;
  const int raw = std::system(cmd.c_str());
  TrainRun run{WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, slurp(out), slurp(err), {}};
  std::istringstream lines(run.out);
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty()) run.lines.push_back(json::parse(line));  // throws (test error) if not JSON
  }
  return run;
}

// Reviews of 4..14 tokens from ids 3..19 (stored_length 12, so longer ones keep their last 12);
// label = token 5 occurs. The validation split's labels are flipped when `flip_validation`, so
// that learning the training split makes val_loss worse.
std::string make_pack(bool flip_validation) {
  rnn::Rng rng(77);
  rnn::PackContents pack;
  pack.vocab_size = 20;
  pack.stored_length = 12;
  auto fill = [&](rnn::PackSplit& split, int count, bool flip) {
    for (int i = 0; i < count; ++i) {
      const int length = 4 + static_cast<int>(rng.below(11));
      std::vector<int32_t> review;
      for (int t = 0; t < length; ++t) review.push_back(3 + static_cast<int32_t>(rng.below(17)));
      if (review.size() > 12) review.erase(review.begin(), review.end() - 12);
      int label = 0;
      for (size_t t = review.size() >= 10 ? review.size() - 10 : 0; t < review.size(); ++t)
        label |= review[t] == 5;  // what the model sees at maxlen 10
      split.sequences.push_back(review);
      split.labels.push_back(flip ? 1 - label : label);
    }
  };
  fill(pack.train, 160, false);
  fill(pack.validation, 48, flip_validation);
  fill(pack.test, 48, false);
  const std::string path = temp_path(flip_validation ? "flipped.pack" : "plain.pack");
  write_bytes(path, rnn::write_pack(pack));
  return path;
}

// Embedding(20, 4) -> LSTM(4) -> Dense(1, sigmoid); `dense_kernel` is the Dense layer's
// kernel_initializer (JSON), Keras' default when empty.
std::string model_file(const std::string& dense_kernel = "") {
  const std::string path = temp_path(dense_kernel.empty() ? "model.json" : "model_kernel.json");
  write_bytes(path, R"({"class_name":"Sequential","config":{"name":"tiny","layers":[
    {"class_name":"Embedding","config":{"name":"embedding","input_dim":20,"output_dim":4,"batch_input_shape":[null,10]}},
    {"class_name":"LSTM","config":{"name":"lstm","units":4}},
    {"class_name":"Dense","config":{"name":"dense","units":1,"activation":"sigmoid")" +
                        (dense_kernel.empty() ? "" : R"(,"kernel_initializer":)" + dense_kernel) +
                        "}}]}}");
  return path;
}

TEST(CliTrain, PrintsOneLinePerEpochThenTheSummary) {
  const std::string out_dir = temp_path("saved");
  const TrainRun r =
      train(model_file() + " --data " + make_pack(false) +
            " --epochs 3 --batch-size 16 --optimizer adam --lr 0.02 --seed 4 --out " + out_dir);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "");
  ASSERT_EQ(r.lines.size(), 4u) << r.out;
  for (int epoch = 1; epoch <= 3; ++epoch) {
    const json& line = r.lines[size_t(epoch - 1)];
    std::vector<std::string> keys;
    for (auto it = line.begin(); it != line.end(); ++it) keys.push_back(it.key());
    EXPECT_EQ(keys, (std::vector<std::string>{"epoch", "loss", "accuracy", "val_loss",
                                              "val_accuracy", "seconds"}));
    EXPECT_EQ(line["epoch"], epoch);
    EXPECT_GT(line["loss"].get<double>(), 0);
    EXPECT_GE(line["val_accuracy"].get<double>(), 0);
    EXPECT_LE(line["val_accuracy"].get<double>(), 1);
    EXPECT_GE(line["seconds"].get<double>(), 0);
  }
  // Training learns: the last epoch's loss is below the first's.
  EXPECT_LT(r.lines[2]["loss"].get<double>(), r.lines[0]["loss"].get<double>());
  const json& summary = r.lines[3];
  for (const char* key : {"best_epoch", "best_val_loss", "best_val_accuracy", "test_loss",
                          "test_accuracy", "epochs_run"})
    EXPECT_TRUE(summary.contains(key)) << key;
  EXPECT_EQ(summary["epochs_run"], 3);
  EXPECT_EQ(summary["stop_reason"], "completed");
  // Without early stopping the best epoch is the one with the lowest val_loss.
  const int best = summary["best_epoch"];
  ASSERT_GE(best, 1);
  for (int e = 0; e < 3; ++e)
    EXPECT_LE(summary["best_val_loss"].get<double>(), r.lines[size_t(e)]["val_loss"].get<double>());
  EXPECT_EQ(summary["best_val_loss"], r.lines[size_t(best - 1)]["val_loss"]);
  EXPECT_GT(summary["test_loss"].get<double>(), 0);
  EXPECT_FALSE(slurp(out_dir + "/model.json").empty());
  // 4·4·(4 + 4 + 1) + 20·4 + 4 + 1 = 229 float32 weights.
  EXPECT_EQ(slurp(out_dir + "/weights.bin").size(), 229u * 4);
}

TEST(CliTrain, TheSameSeedGivesTheSameNumbers) {
  const std::string args = model_file() + " --data " + make_pack(false) + " --epochs 2 --seed 9";
  const TrainRun a = train(args), b = train(args);
  ASSERT_EQ(a.status, 0) << a.err;
  ASSERT_EQ(a.lines.size(), 3u);
  ASSERT_EQ(b.lines.size(), 3u);
  for (size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(a.lines[i]["loss"], b.lines[i]["loss"]);
    EXPECT_EQ(a.lines[i]["val_loss"], b.lines[i]["val_loss"]);
  }
  EXPECT_EQ(a.lines[2]["test_loss"], b.lines[2]["test_loss"]);
}

TEST(CliTrain, EarlyStoppingOnAWorseningValidationLoss) {
  const TrainRun r =
      train(model_file() + " --data " + make_pack(true) +
            " --epochs 30 --batch-size 16 --optimizer adam --lr 0.02 --patience 1 --restore-best");
  ASSERT_EQ(r.status, 0) << r.err;
  const json& summary = r.lines.back();
  EXPECT_EQ(summary["stop_reason"], "early_stopping");
  const int epochs_run = summary["epochs_run"];
  EXPECT_LT(epochs_run, 30);
  EXPECT_EQ(r.lines.size(), size_t(epochs_run) + 1);
  // Patience 1: the run ends one epoch after the best one.
  EXPECT_EQ(summary["best_epoch"].get<int>(), epochs_run - 1);
}

// Every setting within limits.def (SGD at Keras' default 0.01) and a model that diverges: its
// Dense kernel starts at 1e30 (the largest initializer value the engine takes), so the logit and
// d loss / d h are ~1e30, and the first SGD step throws the LSTM's and the Embedding's weights
// beyond float range: the second batch's loss is NaN.
TEST(CliTrain, ADivergingLossStopsWithAMessageAndStatus1) {
  const std::string model = model_file(R"({"class_name":"Constant","config":{"value":1e30}})");
  const std::string pack = make_pack(false), out_dir = temp_path("diverged");
  const TrainRun r =
      train(model + " --data " + pack + " --epochs 5 --optimizer sgd --lr 0.01 --out " + out_dir);
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("learning rate"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("at epoch 1, batch 2. Training stopped; the weights from before the last "
                       "update are kept"),
            std::string::npos)
      << r.err;
  ASSERT_FALSE(r.lines.empty());
  EXPECT_EQ(r.lines.back()["stop_reason"], "non_finite_loss");
  EXPECT_FALSE(slurp(out_dir + "/weights.bin").empty());  // the last good weights are saved
  // What the message advises works: clipnorm bounds each step, and the same run completes.
  const TrainRun clipped =
      train(model + " --data " + pack + " --epochs 5 --optimizer sgd --lr 0.01 --clipnorm 1");
  EXPECT_EQ(clipped.status, 0) << clipped.err;
  ASSERT_FALSE(clipped.lines.empty());
  EXPECT_EQ(clipped.lines.back()["stop_reason"], "completed");
}

TEST(CliTrain, UsageErrorsExitWith2) {
  const std::string model = model_file(), pack = make_pack(false);
  for (const std::string& args :
       {std::string(""), model, model + " --data", model + " --data " + pack + " --epochs abc",
        model + " --data " + pack + " --epochs 0",
        model + " --data " + pack + " --optimizer adagrad", model + " --data " + pack + " --lr -1",
        model + " --data " + pack + " --restore-best",
        model + " --data " + pack + " --frobnicate 1", model + " extra.json --data " + pack}) {
    const TrainRun r = train(args);
    EXPECT_EQ(r.status, 2) << args;
    EXPECT_NE(r.err.find("error:"), std::string::npos) << args;
    EXPECT_TRUE(r.lines.empty()) << args;
  }
}

TEST(CliTrain, BadInputExitsWith1AndSaysWhy) {
  const std::string model = model_file(), pack = make_pack(false);
  const std::string pack_bytes = slurp(pack);
  const std::string truncated = temp_path("truncated.pack");
  write_bytes(truncated, pack_bytes.substr(0, pack_bytes.size() / 2));
  const std::string bad_model = temp_path("bad_model.json");
  write_bytes(bad_model, "{ not json");
  struct Case {
    std::string args, fragment;
  };
  for (const Case& c : std::vector<Case>{
           {model + " --data " + temp_path("missing.pack"), "missing.pack"},
           {model + " --data " + truncated, "truncated.pack"},
           {bad_model + " --data " + pack, "bad_model.json"},
           {model + " --data " + pack + " --num-words 50", "vocabulary"},
           {model + " --data " + pack + " --maxlen 11", "maxlen"},
       }) {
    const TrainRun r = train(c.args);
    EXPECT_EQ(r.status, 1) << c.args << "\n" << r.err;
    EXPECT_NE(r.err.find(c.fragment), std::string::npos) << c.args << "\n" << r.err;
    EXPECT_TRUE(r.lines.empty()) << c.args;
  }
}

}  // namespace
