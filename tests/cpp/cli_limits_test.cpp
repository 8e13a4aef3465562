// The CLI's `train` and `bench` hold every training setting to limits.def, the engine's one table
// of limits (training_run.hpp; the page gets the same table as limits.generated.ts): a value just
// outside a limit is a usage error — exit 2, "error: <option> needs <the limit>; received
// '<value>'" and the command's usage on stderr, nothing on stdout — and a value at the limit is
// taken. The expected limits below are written out by hand from limits.def. Runs the real binary.

#include <string>
#include <vector>

#include "cli_model_fixture.hpp"
#include "engine/training_run.hpp"

namespace rnn::cli_test {
namespace {

struct Refusal {
  Setting setting;
  const char* option;
  const char* value;
  const char* limit;  // the words after "needs"
};

// Each limit of limits.def, from both sides, as `train` takes it.
const std::vector<Refusal> kTrainRefusals = {
    {Setting::num_words, "--num-words", "2", "a whole number in [3, 10000]"},
    {Setting::num_words, "--num-words", "10001", "a whole number in [3, 10000]"},
    {Setting::maxlen, "--maxlen", "0", "a whole number in [1, 500]"},
    {Setting::maxlen, "--maxlen", "501", "a whole number in [1, 500]"},
    {Setting::learning_rate, "--lr", "0", "a number above 0 and at most 10"},
    {Setting::learning_rate, "--lr", "11", "a number above 0 and at most 10"},
    {Setting::learning_rate, "--lr", "1e36", "a number above 0 and at most 10"},
    {Setting::learning_rate, "--lr", "-1", "a number above 0 and at most 10"},
    {Setting::clipnorm, "--clipnorm", "-0.5", "a number in [0, 1000]"},
    {Setting::clipnorm, "--clipnorm", "1000.5", "a number in [0, 1000]"},
    {Setting::batch_size, "--batch-size", "0", "a whole number in [1, 100000]"},
    {Setting::batch_size, "--batch-size", "100001", "a whole number in [1, 100000]"},
    {Setting::epochs, "--epochs", "0", "a whole number in [1, 10000]"},
    {Setting::epochs, "--epochs", "10001", "a whole number in [1, 10000]"},
    {Setting::patience, "--patience", "-1", "a whole number in [0, 1000]"},
    {Setting::patience, "--patience", "1001", "a whole number in [0, 1000]"},
    {Setting::seed, "--seed", "-1", "a whole number in [0, 2147483647]"},
    {Setting::seed, "--seed", "2147483648", "a whole number in [0, 2147483647]"},
    {Setting::keras, "--keras", "1", "a whole number in [2, 3]"},
    {Setting::keras, "--keras", "4", "a whole number in [2, 3]"},
};

// Every setting of limits.def, in its order.
constexpr Setting kEverySetting[] = {
#define RNN_LIMIT(setting, min, max, integer, min_exclusive, about) Setting::setting,
#include "engine/limits.def"
#undef RNN_LIMIT
};

// The training settings `bench` has options for (it always trains RMSprop for a fixed number of
// batches, so it has no --epochs, --patience, --clipnorm or --keras).
const std::vector<Setting> kBenchSettings = {Setting::num_words, Setting::maxlen,
                                             Setting::learning_rate, Setting::batch_size,
                                             Setting::seed};

// tests/data/tiny.pack (vocabulary 12, 6 stored ids, 3 training reviews) and a model it fits.
const char* kTinyModel = R"({"class_name":"Sequential","config":{"name":"tiny","layers":[
  {"class_name":"Embedding","config":{"name":"embedding","input_dim":12,"output_dim":3,"batch_input_shape":[null,6]}},
  {"class_name":"LSTM","config":{"name":"lstm","units":2}},
  {"class_name":"Dense","config":{"name":"dense","units":1,"activation":"sigmoid"}}]}})";

class CliLimits : public CliModel {
 protected:
  std::string files() {
    return quoted(write("model.json", kTinyModel)) + " --data " +
           quoted(std::string(RNN_TEST_DATA_DIR) + "/tiny.pack");
  }
  void expect_refused(const std::string& command, const Refusal& r) {
    SCOPED_TRACE(command + " " + r.option + " " + r.value);
    const CliRun got = run(command + " " + files() + " " + r.option + " " + r.value);
    EXPECT_EQ(got.status, 2);
    EXPECT_EQ(got.out, "");
    const std::string want = std::string("error: ") + r.option + " needs " + r.limit +
                             "; received '" + r.value + "'\nusage: rnn-playground " + command;
    EXPECT_EQ(got.err.rfind(want, 0), 0u) << got.err;
  }
};

TEST_F(CliLimits, TrainRefusesEverySettingOutsideLimitsDef) {
  // Every limit of limits.def has a case here, from below and from above.
  for (const Setting setting : kEverySetting) {
    int cases = 0;
    for (const Refusal& r : kTrainRefusals) cases += r.setting == setting;
    EXPECT_GE(cases, 2) << setting_limit(setting).name;
  }
  for (const Refusal& r : kTrainRefusals) expect_refused("train", r);
}

TEST_F(CliLimits, BenchRefusesEverySettingOutsideLimitsDef) {
  for (const Refusal& r : kTrainRefusals)
    for (const Setting s : kBenchSettings)
      if (r.setting == s) expect_refused("bench", r);
}

// The largest learning rate limits.def allows is taken (the page's set-up takes it too).
TEST_F(CliLimits, TheLimitItselfIsTaken) {
  const CliRun train = run("train " + files() + " --lr 10 --epochs 1");
  EXPECT_EQ(train.status, 0) << train.err;
  const CliRun bench =
      run("bench " + files() + " --lr 10 --batch-size 1 --warmup 0 --batches 1 --predict 1");
  EXPECT_EQ(bench.status, 0) << bench.err;
  EXPECT_NE(bench.out.find("\"engine\":\"native\""), std::string::npos) << bench.out;
}

}  // namespace
}  // namespace rnn::cli_test
