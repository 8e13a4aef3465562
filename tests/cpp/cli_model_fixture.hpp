#pragma once
// What the CLI model tests share (cli_model_test.cpp: predictions and init;
// cli_model_files_test.cpp: corrupt folders and bad inputs): a fixture that runs the real binary in
// a fresh folder, models with hand-chosen weights and their hand-computed outputs.

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

namespace rnn::cli_test {

namespace fs = std::filesystem;
using nlohmann::json;

struct CliRun {
  int status = -1;  // exit status; -1 when killed by a signal
  std::string out;
  std::string err;
};

inline std::string quoted(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

inline std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void spit(const fs::path& path, const std::string& bytes) {
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

  // `predict MODEL --input FILE` with `sequences` ({"sequences": ...}) as the file: the parsed
  // predictions (an empty array, with a failed expectation, when the CLI did not answer 0).
  json predict(const fs::path& model, const std::string& sequences) {
    const CliRun r =
        run("predict " + quoted(model) + " --input " + quoted(write("in.json", sequences)));
    EXPECT_EQ(r.status, 0) << r.err;
    return r.status == 0 ? json::parse(r.out) : json::array();
  }

  fs::path dir_;
};

// ---------------------------------------------------------------------------------------------
// A small network computed by hand (double precision loops, independent of the engine).
//   h_t = tanh(x_t Wx + h_{t-1} Wh + b)        SimpleRNN(2), x_t = embedding row of token t
//   y   = sigmoid(h_T Wd + bd)                 Dense(1, sigmoid)

inline const char* kRnnModel =
    R"({"class_name": "Sequential", "config": {"name": "hand", "layers": [
  {"class_name": "Embedding", "config": {"name": "embedding", "input_dim": 5, "output_dim": 2,
                                          "batch_input_shape": [null, %LEN%]}},
  {"class_name": "SimpleRNN", "config": {"name": "simple_rnn", "units": 2, "return_sequences": %SEQ%}},
  {"class_name": "Dense", "config": {"name": "dense", "units": %UNITS%, "activation": "%ACT%"}}]}})";

inline std::string rnn_model(const std::string& length, bool sequences, int dense_units,
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

inline double at(const json& j, std::initializer_list<int> path) {
  const json* p = &j;
  for (int i : path) p = &(*p)[static_cast<size_t>(i)];
  return p->get<double>();
}

}  // namespace rnn::cli_test
