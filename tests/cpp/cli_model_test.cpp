// `rnn-playground init` and `predict` through the real binary: predictions against hand-computed
// networks, padding rules, output nesting, init's seeded weights, usage errors (exit 2) and input
// problems (exit 1). Corrupt model folders and bad inputs: cli_model_files_test.cpp.

#include "cli_model_fixture.hpp"  // runs the binary RNN_CLI_PATH names: native tests only

namespace rnn::cli_test {
namespace {

TEST_F(CliModel, PredictMatchesHandComputationWithPrePaddingAndTruncation) {
  const HandWeights w;
  const fs::path model = save_model("m", rnn_model("3", false, 1, "sigmoid"), w.params(1));
  const fs::path input =
      write("in.json", R"({"sequences": [[1, 2, 3], [3], [4, 4, 1, 2, 3], [], [0, 0, 3]]})");
  const CliRun r = run("predict " + quoted(model) + " --input " + quoted(input));  // its text below
  ASSERT_EQ(r.status, 0) << r.err;
  const json y = json::parse(r.out);
  ASSERT_EQ(y.size(), 5u);
  const double full = w.dense(w.hidden({1, 2, 3}).back(), 0, true);
  const double padded = w.dense(w.hidden({0, 0, 3}).back(), 0, true);  // 'pre' padding with id 0
  const double empty = w.dense(w.hidden({0, 0, 0}).back(), 0, true);
  for (int s = 0; s < 5; ++s) ASSERT_EQ(y[s].size(), 1u);
  EXPECT_NEAR(at(y, {0, 0}), full, 1e-6);
  EXPECT_NEAR(at(y, {1, 0}), padded, 1e-6);
  EXPECT_NEAR(at(y, {2, 0}), full, 1e-6);  // 'pre' truncation keeps the last 3 tokens
  EXPECT_NEAR(at(y, {3, 0}), empty, 1e-6);
  EXPECT_NEAR(at(y, {4, 0}), padded, 1e-6);
  EXPECT_GT(std::abs(full - padded), 1e-3);  // the cases really differ
  // At least 8 significant digits: "0.xxxxxxxxx".
  const size_t first_digit = r.out.find("0.");
  const size_t end = r.out.find(']', first_digit);
  EXPECT_GE(end - first_digit - 2, 8u) << r.out;
}

TEST_F(CliModel, PredictThreeDimensionalOutputNestsOneArrayPerStep) {
  const HandWeights w;
  const fs::path model = save_model("m", rnn_model("3", true, 2, "linear"), w.params(2));
  const json y = predict(model, R"({"sequences": [[2, 4, 1], [3]]})");
  ASSERT_EQ(y.size(), 2u);
  const std::vector<std::vector<int>> padded = {{2, 4, 1}, {0, 0, 3}};
  for (int s = 0; s < 2; ++s) {
    const auto h = w.hidden(padded[s]);
    ASSERT_EQ(y[s].size(), 3u);
    for (int t = 0; t < 3; ++t) {
      ASSERT_EQ(y[s][t].size(), 2u);
      for (int u = 0; u < 2; ++u) EXPECT_NEAR(at(y, {s, t, u}), w.dense(h[t], u, false), 1e-6);
    }
  }
}

TEST_F(CliModel, PredictWithoutInputLengthReadsEachSequenceAsItIs) {
  const HandWeights w;
  const fs::path model = save_model("m", rnn_model("null", false, 1, "sigmoid"), w.params(1));
  const json y = predict(model, R"({"sequences": [[3], [1, 2, 3], [2, 3], [4]]})");
  ASSERT_EQ(y.size(), 4u);
  const std::vector<std::vector<int>> seqs = {{3}, {1, 2, 3}, {2, 3}, {4}};
  for (int s = 0; s < 4; ++s)
    EXPECT_NEAR(at(y, {s, 0}), w.dense(w.hidden(seqs[s]).back(), 0, true), 1e-6);

  const CliRun empty = run("predict " + quoted(model) + " --input " +
                           quoted(write("e.json", R"({"sequences": [[1], []]})")));
  EXPECT_EQ(empty.status, 1);
  EXPECT_NE(empty.err.find("sequence 1 is empty"), std::string::npos) << empty.err;
}

TEST_F(CliModel, PredictOneHotModelUsesKernelRows) {
  // SimpleRNN(1) on one-hot (2, 3): h_t = tanh(W[id_t] + h_{t-1} * r + b); Dense(1, linear).
  const char* model_json = R"({"class_name": "Sequential", "config": {"name": "oh", "layers": [
    {"class_name": "SimpleRNN", "config": {"name": "rnn", "units": 1, "batch_input_shape": [null, 2, 3]}},
    {"class_name": "Dense", "config": {"name": "out", "units": 1}}]}})";
  const std::vector<float> params = {0.5f,          -1.0f,          2.0f, /*recurrent*/ 0.75f,
                                     /*bias*/ 0.1f, /*dense*/ 3.0f, -0.5f};
  const fs::path model = save_model("m", model_json, params);
  const json y = predict(model, R"({"sequences": [[2, 1], [0], []]})");
  auto expected = [&](int a, int b) {
    const double h1 = std::tanh(double(params[a]) + 0.1f);
    const double h2 = std::tanh(double(params[b]) + h1 * 0.75 + 0.1f);
    return 3.0 * h2 - 0.5;
  };
  EXPECT_NEAR(at(y, {0, 0}), expected(2, 1), 1e-6);
  EXPECT_NEAR(at(y, {1, 0}), expected(0, 0), 1e-6);  // [0] padded to [0, 0]
  EXPECT_NEAR(at(y, {2, 0}), expected(0, 0), 1e-6);
}

TEST_F(CliModel, InitSavesTheSeededInitialisationAndPredictReadsIt) {
  const fs::path model_file = write("model.json", rnn_model("4", false, 1, "sigmoid"));
  const fs::path a = dir_ / "a", b = dir_ / "b", c = dir_ / "c";
  ASSERT_EQ(run("init " + quoted(model_file) + " --seed 7 --out " + quoted(a)).status, 0);
  ASSERT_EQ(run("init " + quoted(model_file) + " --out " + quoted(b) + " --seed 7").status, 0);
  ASSERT_EQ(run("init " + quoted(model_file) + " --seed 8 --out " + quoted(c)).status, 0);
  EXPECT_EQ(slurp(a / "weights.bin"), slurp(b / "weights.bin"));  // same seed, same bytes
  EXPECT_NE(slurp(a / "weights.bin"), slurp(c / "weights.bin"));

  const ModelSpec spec = parse_model_json(slurp(model_file));
  Network<float> network(spec);
  network.initialize(7);
  const LoadedModel loaded =
      load_tfjs(slurp(a / "model.json"), [&](const std::string& p) { return slurp(a / p); });
  ASSERT_EQ(loaded.params.size(), network.params().size());
  EXPECT_EQ(std::memcmp(loaded.params.data(), network.params().data(), loaded.params.size() * 4),
            0);

  const json y = predict(a, R"({"sequences": [[1, 2]]})");
  const float p = static_cast<float>(at(y, {0, 0}));
  EXPECT_GT(p, 0.0f);
  EXPECT_LT(p, 1.0f);
}

// ---------------------------------------------------------------------------------------------
// Corrupt model folders: predict must exit 1 with a message naming the problem.

TEST_F(CliModel, UsageErrorsExitTwo) {
  const HandWeights w;
  const fs::path model = save_model("m", rnn_model("3", false, 1, "sigmoid"), w.params(1));
  const fs::path model_file = write("model.json", rnn_model("3", false, 1, "sigmoid"));
  const std::string in = quoted(write("in.json", R"({"sequences": [[1]]})"));
  const std::vector<std::string> bad = {
      "predict " + quoted(model),               // no --input
      "predict --input " + in,                  // no DIR
      "predict " + quoted(model) + " --input",  // option without a value
      "predict " + quoted(model) + " --input " + in + " --batch 3",
      "predict " + quoted(model) + " " + quoted(model) + " --input " + in,
      "init " + quoted(model_file) + " --seed 1",   // no --out
      "init --seed 1 --out " + quoted(dir_ / "o"),  // no MODEL.json
      "init " + quoted(model_file) + " --seed -1 --out " + quoted(dir_ / "o"),
      "init " + quoted(model_file) + " --seed abc --out " + quoted(dir_ / "o"),
      "init " + quoted(model_file) + " --seed 99999999999999999999 --out " + quoted(dir_ / "o"),
      "init " + quoted(model_file) + " --seed 1 --seed 2 --out " + quoted(dir_ / "o"),
  };
  for (const std::string& args : bad) {
    const CliRun r = run(args);
    EXPECT_EQ(r.status, 2) << args << "\n" << r.err;
    EXPECT_NE(r.err.find("usage: rnn-playground"), std::string::npos) << args << "\n" << r.err;
  }
  EXPECT_FALSE(fs::exists(dir_ / "o"));
}

// A Sequential model of an Embedding (5 ids, length 3) and then `layer` (its JSON).
std::string after_embedding(const std::string& layer) {
  return R"({"class_name":"Sequential","config":{"layers":[)"
         R"({"class_name":"Embedding","config":{"name":"e","input_dim":5,"output_dim":4,"batch_input_shape":[null,3]}},)" +
         layer + "]}}";
}

TEST_F(CliModel, InitAndPredictInputProblemsExitOne) {
  const HandWeights w;
  const fs::path model = save_model("m", rnn_model("3", false, 1, "sigmoid"), w.params(1));
  struct Case {
    std::string args;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"init " + quoted(dir_ / "absent.json") + " --out " + quoted(dir_ / "o"), "absent.json"},
      {"init " +
           quoted(write("bad.json", R"({"class_name": "Sequential", "config": {"layers": []}})")) +
           " --out " + quoted(dir_ / "o"),
       "bad.json"},
      {"init " + quoted(write("good.json", rnn_model("3", false, 1, "sigmoid"))) + " --out " +
           quoted(write("a_file", "x")),
       "is a file, not a folder"},
      {"predict " + quoted(model) + " --input " + quoted(dir_ / "absent_input.json"),
       "absent_input.json"},
      // Issue 13: an LSTM of 2^30 units counted 0 parameters in 32 bits and `init` wrote past its
      // buffer (a segmentation fault); a Constant 1e300 became +inf and `init` saved a model that
      // `predict` refused. Both are refused when the model is read.
      {"init " +
           quoted(
               write("huge.json",
                     after_embedding(
                         R"({"class_name":"LSTM","config":{"name":"lstm","units":1073741824}})"))) +
           " --out " + quoted(dir_ / "o"),
       "units=1073741824"},
      {"init " +
           quoted(write(
               "inf.json",
               after_embedding(
                   R"({"class_name":"Dense","config":{"name":"d","units":1,"kernel_initializer":)"
                   R"({"class_name":"Constant","config":{"value":1e300}}}})"))) +
           " --out " + quoted(dir_ / "o"),
       "kernel_initializer"},
  };
  for (const Case& c : cases) {
    const CliRun r = run(c.args);
    EXPECT_EQ(r.status, 1) << c.args << "\n" << r.err;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << c.args << "\n" << r.err;
  }
  EXPECT_FALSE(fs::exists(dir_ / "o"));
}

TEST_F(CliModel, PredictOfNoSequencesIsAnEmptyList) {
  const HandWeights w;
  const fs::path model = save_model("m", rnn_model("3", false, 1, "sigmoid"), w.params(1));
  const CliRun r = run("predict " + quoted(model) + " --input " +
                       quoted(write("in.json", R"({"sequences": []})")));
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(json::parse(r.out), json::array());
}

}  // namespace
}  // namespace rnn::cli_test
