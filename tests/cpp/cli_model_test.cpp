// `rnn-playground init` and `predict` through the real binary: predictions against hand-computed
// networks, padding rules, output nesting, and every corrupt model folder / bad input we refuse
// (exit 1 with a message, exit 2 for usage, never a crash).

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "engine/model_json.hpp"
#include "engine/network.hpp"
#include "engine/tfjs_format.hpp"

#ifndef RNN_CLI_PATH
#error "RNN_CLI_PATH must name the rnn-playground binary (the CMake test target defines it)"
#endif

namespace rnn {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct CliRun {
  int status = -1;  // exit status; -1 when killed by a signal
  std::string out;
  std::string err;
};

std::string quoted(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void spit(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
}

class CliModel : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = std::string(info->test_suite_name()) + "_" + info->name();
    for (char& c : name)
      if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    dir_ = fs::path(::testing::TempDir()) / ("rnn_cli_model_" + std::to_string(getpid())) / name;
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  CliRun run(const std::string& args) {
    const fs::path out = dir_ / "stdout.txt", err = dir_ / "stderr.txt";
    const std::string command =
        quoted(RNN_CLI_PATH) + " " + args + " >" + quoted(out) + " 2>" + quoted(err);
    const int raw = std::system(command.c_str());
    CliRun r;
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    r.out = slurp(out);
    r.err = slurp(err);
    return r;
  }

  // Writes a model folder with the given weights (engine save, no CLI).
  fs::path save_model(const std::string& name, const std::string& model_json,
                      const std::vector<float>& params) {
    const ModelSpec spec = parse_model_json(model_json);
    const TfjsFiles files = save_tfjs(spec, params);
    const fs::path folder = dir_ / name;
    fs::create_directories(folder);
    spit(folder / "model.json", files.model_json);
    spit(folder / "weights.bin", files.weights_bin);
    return folder;
  }

  fs::path write(const std::string& name, const std::string& text) {
    spit(dir_ / name, text);
    return dir_ / name;
  }

  fs::path dir_;
};

// ---------------------------------------------------------------------------------------------
// A small network computed by hand (double precision loops, independent of the engine).
//   h_t = tanh(x_t Wx + h_{t-1} Wh + b)        SimpleRNN(2), x_t = embedding row of token t
//   y   = sigmoid(h_T Wd + bd)                 Dense(1, sigmoid)

const char* kRnnModel = R"({"class_name": "Sequential", "config": {"name": "hand", "layers": [
  {"class_name": "Embedding", "config": {"name": "embedding", "input_dim": 5, "output_dim": 2,
                                          "batch_input_shape": [null, %LEN%]}},
  {"class_name": "SimpleRNN", "config": {"name": "simple_rnn", "units": 2, "return_sequences": %SEQ%}},
  {"class_name": "Dense", "config": {"name": "dense", "units": %UNITS%, "activation": "%ACT%"}}]}})";

std::string rnn_model(const std::string& length, bool sequences, int dense_units,
                      const std::string& activation) {
  std::string s = kRnnModel;
  auto put = [&](const std::string& key, const std::string& value) {
    s.replace(s.find(key), key.size(), value);
  };
  put("%LEN%", length);
  put("%SEQ%", sequences ? "true" : "false");
  put("%UNITS%", std::to_string(dense_units));
  put("%ACT%", activation);
  return s;
}

struct HandWeights {
  double emb[5][2] = {{0.1, -0.2}, {0.5, 0.3}, {-0.4, 0.8}, {0.9, -0.7}, {-0.6, -0.1}};
  double wx[2][2] = {{0.7, -0.3}, {0.2, 0.6}};
  double wh[2][2] = {{0.4, 0.1}, {-0.5, 0.3}};
  double b[2] = {0.05, -0.1};
  double wd[2][2] = {{1.5, -0.5},
                     {-2.0, 0.25}};  // Dense kernel (2, units); column 1 unused for units=1
  double bd[2] = {0.3, -0.2};

  std::vector<float> params(int dense_units) const {
    std::vector<float> p;
    for (auto& row : emb)
      for (double v : row) p.push_back(float(v));
    for (auto& row : wx)
      for (double v : row) p.push_back(float(v));
    for (auto& row : wh)
      for (double v : row) p.push_back(float(v));
    for (double v : b) p.push_back(float(v));
    for (auto& row : wd)
      for (int u = 0; u < dense_units; ++u) p.push_back(float(row[u]));
    for (int u = 0; u < dense_units; ++u) p.push_back(float(bd[u]));
    return p;
  }

  // Hidden state after each token.
  std::vector<std::array<double, 2>> hidden(const std::vector<int>& ids) const {
    std::array<double, 2> h{0, 0};
    std::vector<std::array<double, 2>> all;
    for (int id : ids) {
      std::array<double, 2> next{};
      for (int j = 0; j < 2; ++j) {
        double z = b[j];
        for (int i = 0; i < 2; ++i)
          z += float(emb[id][i]) * float(wx[i][j]) + h[i] * float(wh[i][j]);
        next[j] = std::tanh(z);
      }
      h = next;
      all.push_back(h);
    }
    return all;
  }

  double dense(const std::array<double, 2>& h, int unit, bool sigmoid) const {
    const double z = h[0] * float(wd[0][unit]) + h[1] * float(wd[1][unit]) + float(bd[unit]);
    return sigmoid ? 1.0 / (1.0 + std::exp(-z)) : z;
  }
};

double at(const json& j, std::initializer_list<int> path) {
  const json* p = &j;
  for (int i : path) p = &(*p)[static_cast<size_t>(i)];
  return p->get<double>();
}

TEST_F(CliModel, PredictMatchesHandComputationWithPrePaddingAndTruncation) {
  const HandWeights w;
  const fs::path model = save_model("m", rnn_model("3", false, 1, "sigmoid"), w.params(1));
  const fs::path input =
      write("in.json", R"({"sequences": [[1, 2, 3], [3], [4, 4, 1, 2, 3], [], [0, 0, 3]]})");
  const CliRun r = run("predict " + quoted(model) + " --input " + quoted(input));
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
  const fs::path input = write("in.json", R"({"sequences": [[2, 4, 1], [3]]})");
  const CliRun r = run("predict " + quoted(model) + " --input " + quoted(input));
  ASSERT_EQ(r.status, 0) << r.err;
  const json y = json::parse(r.out);
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
  const fs::path input = write("in.json", R"({"sequences": [[3], [1, 2, 3], [2, 3], [4]]})");
  const CliRun r = run("predict " + quoted(model) + " --input " + quoted(input));
  ASSERT_EQ(r.status, 0) << r.err;
  const json y = json::parse(r.out);
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
  const CliRun r = run("predict " + quoted(model) + " --input " +
                       quoted(write("in.json", R"({"sequences": [[2, 1], [0], []]})")));
  ASSERT_EQ(r.status, 0) << r.err;
  const json y = json::parse(r.out);
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

  const CliRun r = run("predict " + quoted(a) + " --input " +
                       quoted(write("in.json", R"({"sequences": [[1, 2]]})")));
  ASSERT_EQ(r.status, 0) << r.err;
  const json y = json::parse(r.out);
  const float p = static_cast<float>(at(y, {0, 0}));
  EXPECT_GT(p, 0.0f);
  EXPECT_LT(p, 1.0f);
}

// ---------------------------------------------------------------------------------------------
// Corrupt model folders: predict must exit 1 with a message naming the problem.

struct BrokenFolder {
  const char* what;
  std::function<void(const fs::path& folder, const fs::path& outside)> damage;
  const char* message_part;
};
void PrintTo(const BrokenFolder& b, std::ostream* os) { *os << b.what; }

class CorruptFolder : public CliModel, public ::testing::WithParamInterface<BrokenFolder> {};

void edit_manifest(const fs::path& folder, const std::function<void(json&)>& edit) {
  json doc = json::parse(slurp(folder / "model.json"));
  edit(doc);
  spit(folder / "model.json", doc.dump());
}

TEST_P(CorruptFolder, PredictRefusesItWithExitOne) {
  const HandWeights w;
  const fs::path folder = save_model("m", rnn_model("3", false, 1, "sigmoid"), w.params(1));
  const fs::path outside = dir_ / "outside.bin";
  spit(outside, slurp(folder / "weights.bin"));  // a valid weight file, but not in the folder
  GetParam().damage(folder, outside);
  const CliRun r = run("predict " + quoted(folder) + " --input " +
                       quoted(write("in.json", R"({"sequences": [[1]]})")));
  EXPECT_EQ(r.status, 1) << GetParam().what << "\nstdout: " << r.out << "\nstderr: " << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find(GetParam().message_part), std::string::npos)
      << GetParam().what << ": " << r.err;
}

INSTANTIATE_TEST_SUITE_P(Folders, CorruptFolder,
                         ::testing::Values(BrokenFolder{"no folder",
                                                        [](const fs::path& f, const fs::path&) {
                                                          fs::remove_all(f);
                                                        },
                                                        "is not a model folder"},
                                           BrokenFolder{"a file instead of a folder",
                                                        [](const fs::path& f, const fs::path&) {
                                                          fs::remove_all(f);
                                                          spit(f, "x");
                                                        },
                                                        "is not a model folder"},
                                           BrokenFolder{"no model.json",
                                                        [](const fs::path& f, const fs::path&) {
                                                          fs::remove(f / "model.json");
                                                        },
                                                        "holds no model.json"},
                                           BrokenFolder{"empty model.json",
                                                        [](const fs::path& f, const fs::path&) {
                                                          spit(f / "model.json", "");
                                                        },
                                                        "not valid JSON"},
                                           BrokenFolder{"truncated model.json",
                                                        [](const fs::path& f, const fs::path&) {
                                                          const std::string text =
                                                              slurp(f / "model.json");
                                                          spit(f / "model.json",
                                                               text.substr(0, text.size() - 20));
                                                        },
                                                        "not valid JSON"},
                                           BrokenFolder{"no weights.bin",
                                                        [](const fs::path& f, const fs::path&) {
                                                          fs::remove(f / "weights.bin");
                                                        },
                                                        "has no such file"},
                                           BrokenFolder{
                                               "truncated weights.bin",
                                               [](const fs::path& f, const fs::path&) {
                                                 spit(f / "weights.bin",
                                                      slurp(f / "weights.bin").substr(0, 30));
                                               },
                                               "truncated"},
                                           BrokenFolder{"weights.bin too long",
                                                        [](const fs::path& f, const fs::path&) {
                                                          spit(f / "weights.bin",
                                                               slurp(f / "weights.bin") + "abcd");
                                                        },
                                                        "longer than described"},
                                           BrokenFolder{"shape mismatch",
                                                        [](const fs::path& f, const fs::path&) {
                                                          edit_manifest(f, [](json& d) {
                                                            d["weightsManifest"][0]["weights"][1]
                                                             ["shape"] = {1, 4};
                                                          });
                                                        },
                                                        "the topology needs [2, 2]"},
                                           BrokenFolder{"topology changed",
                                                        [](const fs::path& f, const fs::path&) {
                                                          edit_manifest(f, [](json& d) {
                                                            d["modelTopology"]["config"]["layers"]
                                                             [0]["config"]["output_dim"] = 3;
                                                          });
                                                        },
                                                        "'embedding/embeddings' has shape [5,2] "
                                                        "but the topology needs [5, 3]"},
                                           BrokenFolder{
                                               "int32 dtype",
                                               [](const fs::path& f, const fs::path&) {
                                                 edit_manifest(f, [](json& d) {
                                                   d["weightsManifest"][0]["weights"][0]["dtype"] =
                                                       "int32";
                                                 });
                                               },
                                               "only \"float32\""},
                                           BrokenFolder{
                                               "missing weight",
                                               [](const fs::path& f, const fs::path&) {
                                                 edit_manifest(f, [](json& d) {
                                                   d["weightsManifest"][0]["weights"].erase(5);
                                                 });
                                                 spit(f / "weights.bin",
                                                      slurp(f / "weights.bin").substr(0, 4 * 22));
                                               },
                                               "no values for 'dense/bias'"},
                                           BrokenFolder{
                                               "extra weight",
                                               [](const fs::path& f, const fs::path&) {
                                                 edit_manifest(f, [](json& d) {
                                                   d["weightsManifest"][0]["weights"].push_back(
                                                       {{"name", "dense/extra"},
                                                        {"shape", {1}},
                                                        {"dtype", "float32"}});
                                                 });
                                               },
                                               "no place for: 'dense/extra'"},
                                           BrokenFolder{"path with ..",
                                                        [](const fs::path& f, const fs::path&) {
                                                          edit_manifest(f, [](json& d) {
                                                            d["weightsManifest"][0]["paths"] = {
                                                                "../outside.bin"};
                                                          });
                                                        },
                                                        "leaves the model's folder"},
                                           BrokenFolder{
                                               "absolute path",
                                               [](const fs::path& f, const fs::path& outside) {
                                                 edit_manifest(f, [&](json& d) {
                                                   d["weightsManifest"][0]["paths"] = {
                                                       outside.string()};
                                                 });
                                               },
                                               "absolute path"},
                                           BrokenFolder{"URL",
                                                        [](const fs::path& f, const fs::path&) {
                                                          edit_manifest(f, [](json& d) {
                                                            d["weightsManifest"][0]["paths"] = {
                                                                "https://example.com/w.bin"};
                                                          });
                                                        },
                                                        "URL"},
                                           BrokenFolder{"backslash",
                                                        [](const fs::path& f, const fs::path&) {
                                                          edit_manifest(f, [](json& d) {
                                                            d["weightsManifest"][0]["paths"] = {
                                                                "..\\outside.bin"};
                                                          });
                                                        },
                                                        "backslash"},
                                           BrokenFolder{
                                               "symbolic link leaving the folder",
                                               [](const fs::path& f, const fs::path& outside) {
                                                 fs::remove(f / "weights.bin");
                                                 fs::create_symlink(outside, f / "weights.bin");
                                               },
                                               "resolves outside the model's folder"},
                                           BrokenFolder{
                                               "NaN weight",
                                               [](const fs::path& f, const fs::path&) {
                                                 std::string bin = slurp(f / "weights.bin");
                                                 const char nan_bits[] = {
                                                     0x00, 0x00, static_cast<char>(0xC0), 0x7F};
                                                 bin.replace(4 * 22, 4, nan_bits,
                                                             4);  // the Dense bias, the last value
                                                 spit(f / "weights.bin", bin);
                                               },
                                               "non-finite"},
                                           BrokenFolder{"unsupported layer",
                                                        [](const fs::path& f, const fs::path&) {
                                                          edit_manifest(f, [](json& d) {
                                                            d["modelTopology"]["config"]["layers"]
                                                             [1]["class_name"] = "Conv1D";
                                                          });
                                                        },
                                                        "Conv1D"}),
                         [](const ::testing::TestParamInfo<BrokenFolder>& info) {
                           std::string name = info.param.what;
                           for (char& c : name)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return name;
                         });

// ---------------------------------------------------------------------------------------------
// Bad predict inputs (exit 1, naming the first bad id) and usage errors (exit 2).

struct BadInput {
  const char* what;
  const char* text;
  const char* message_part;
};
void PrintTo(const BadInput& b, std::ostream* os) { *os << b.what; }

class BadPredictInput : public CliModel, public ::testing::WithParamInterface<BadInput> {};

TEST_P(BadPredictInput, RefusedWithExitOne) {
  const HandWeights w;
  const fs::path model = save_model("m", rnn_model("3", false, 1, "sigmoid"), w.params(1));
  const CliRun r =
      run("predict " + quoted(model) + " --input " + quoted(write("in.json", GetParam().text)));
  EXPECT_EQ(r.status, 1) << r.out << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find(GetParam().message_part), std::string::npos) << r.err;
}

INSTANTIATE_TEST_SUITE_P(
    Inputs, BadPredictInput,
    ::testing::Values(
        BadInput{"not JSON", "[[1, 2", "not valid JSON"},
        BadInput{"a bare list", "[[1, 2]]", "no \"sequences\" array"},
        BadInput{"sequences not a list", R"({"sequences": 3})", "no \"sequences\" array"},
        BadInput{"sequence not a list", R"({"sequences": [[1], 2]})",
                 "sequence 1 is 2, not a list"},
        BadInput{"fraction", R"({"sequences": [[1, 1.5]]})",
                 "sequence 0, position 1: 1.5 is not an integer"},
        BadInput{"string id", R"({"sequences": [[1], [2, "3"]]})",
                 "sequence 1, position 1: \"3\" is not an integer"},
        BadInput{"negative id", R"({"sequences": [[1, -1]]})",
                 "sequence 0, position 1: token id -1 is outside"},
        BadInput{"id equal to the vocabulary", R"({"sequences": [[1, 2], [3, 4, 0, 5, 9]]})",
                 "sequence 1, position 3: token id 5 is outside this model's vocabulary: ids must "
                 "be in [0, 5)"},
        BadInput{"huge id", R"({"sequences": [[18446744073709551615]]})",
                 "token id 18446744073709551615 is outside"},
        BadInput{"bad id in the part truncation drops", R"({"sequences": [[7, 1, 2, 3]]})",
                 "sequence 0, position 0: token id 7"},
        // Issue 13: deep nesting is refused before parsing (the messages dump values recursively).
        BadInput{"deep nesting", R"({"sequences": [[[[[[[[[[1]]]]]]]]]]})", "nested too deeply"}),
    [](const ::testing::TestParamInfo<BadInput>& info) {
      std::string name = info.param.what;
      for (char& c : name)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
      return name;
    });

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
           quoted(write(
               "huge.json",
               R"({"class_name":"Sequential","config":{"layers":[)"
               R"({"class_name":"Embedding","config":{"name":"e","input_dim":5,"output_dim":4,"batch_input_shape":[null,3]}},)"
               R"({"class_name":"LSTM","config":{"name":"lstm","units":1073741824}}]}})")) +
           " --out " + quoted(dir_ / "o"),
       "units=1073741824"},
      {"init " +
           quoted(write(
               "inf.json",
               R"({"class_name":"Sequential","config":{"layers":[)"
               R"({"class_name":"Embedding","config":{"name":"e","input_dim":5,"output_dim":4,"batch_input_shape":[null,3]}},)"
               R"({"class_name":"Dense","config":{"name":"d","units":1,"kernel_initializer":)"
               R"({"class_name":"Constant","config":{"value":1e300}}}}]}})")) +
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
}  // namespace rnn
