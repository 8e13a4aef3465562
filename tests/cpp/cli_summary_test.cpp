// `rnn-playground summary`: the Keras-style summary on stdout and exit 0; an invalid model's
// message on stderr and exit 1; a usage error exit 2. Runs the real binary.

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

namespace {

struct CliRun {
  int status;
  std::string out, err;
};

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

CliRun run_cli(const std::string& args) {
  // ctest runs tests in parallel processes: give each run its own files.
  static int counter = 0;
  const std::string stem = ::testing::TempDir() + "/cli_summary_" + std::to_string(getpid()) + "_" +
                           std::to_string(counter++);
  const std::string out = stem + ".out", err = stem + ".err";
  const std::string cmd = std::string(RNN_CLI_PATH) + " " + args + " >" + out + " 2>" + err;
  const int raw = std::system(cmd.c_str());
  return {WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, slurp(out), slurp(err)};
}

std::string write_temp(const std::string& name, const std::string& text) {
  const std::string path = ::testing::TempDir() + "/" + std::to_string(getpid()) + "_" + name;
  std::ofstream(path) << text;
  return path;
}

}  // namespace

TEST(CliSummary, EverySharedSpellingPrintsKerasTotals) {
  for (const char* f : {"lstm_keras2.json", "lstm_keras3.json", "lstm_tfjs_topology.json",
                        "lstm_tfjs_converter_model.json"}) {
    SCOPED_TRACE(f);
    const CliRun r = run_cli(std::string("summary ") + RNN_TEST_DATA_DIR + "/keras-json/" + f);
    EXPECT_EQ(r.status, 0);
    EXPECT_NE(r.out.find("Layer (type)"), std::string::npos);
    EXPECT_NE(r.out.find("Output Shape"), std::string::npos);
    EXPECT_NE(r.out.find("Param #"), std::string::npos);
    EXPECT_NE(r.out.find("(None, 100, 16)"), std::string::npos);
    EXPECT_NE(r.out.find("\nTotal params: 8,809\n"), std::string::npos);
    EXPECT_NE(r.out.find("\nTrainable params: 8,809\n"), std::string::npos);
    EXPECT_NE(r.out.find("\nNon-trainable params: 0\n"), std::string::npos);
    EXPECT_EQ(r.err, "");
  }
}

TEST(CliSummary, InvalidModelGoesToStderrWithStatus1) {
  const std::string path =
      write_temp("bad_stack.json", R"({"class_name":"Sequential","config":{"layers":[
    {"class_name":"Embedding","config":{"name":"embedding","input_dim":500,"output_dim":16,"batch_input_shape":[null,100]}},
    {"class_name":"LSTM","config":{"name":"lstm","units":8}},
    {"class_name":"LSTM","config":{"name":"lstm_1","units":8}}]}})");
  const CliRun r = run_cli("summary " + path);
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("LSTM layer 'lstm_1' needs a sequence"), std::string::npos) << r.err;
}

TEST(CliSummary, MalformedAndMissingFilesAndUsage) {
  EXPECT_EQ(run_cli("summary " + write_temp("garbage.json", "\x01\x02{{{")).status, 1);
  EXPECT_EQ(run_cli("summary " +
                    write_temp("deep.json", std::string(50000, '[') + std::string(50000, ']')))
                .status,
            1);
  const CliRun missing = run_cli("summary /nonexistent/model.json");
  EXPECT_EQ(missing.status, 1);
  EXPECT_NE(missing.err.find("/nonexistent/model.json"), std::string::npos);
  EXPECT_EQ(run_cli("summary").status, 2);
  EXPECT_EQ(run_cli("frobnicate").status, 2);
}

// Every command answers --help (and -h) with its usage on stdout and exit 0; the bare program and
// an unknown command print the list of commands on stderr and exit 2.
TEST(CliUsage, EveryCommandHasHelp) {
  for (const char* command : {"summary", "init", "predict", "train", "bench"}) {
    for (const char* flag : {"--help", "-h"}) {
      SCOPED_TRACE(std::string(command) + " " + flag);
      const CliRun r = run_cli(std::string(command) + " " + flag);
      EXPECT_EQ(r.status, 0) << r.err;
      EXPECT_EQ(r.out.rfind(std::string("usage: rnn-playground ") + command + " ", 0), 0u) << r.out;
      EXPECT_EQ(r.err, "");
    }
  }
  const CliRun list = run_cli("--help");
  EXPECT_EQ(list.status, 0);
  EXPECT_EQ(list.out.rfind("usage: rnn-playground <command>", 0), 0u) << list.out;
  const CliRun unknown = run_cli("frobnicate");
  EXPECT_EQ(unknown.status, 2);
  EXPECT_EQ(
      unknown.err.rfind("error: unknown command 'frobnicate'\nusage: rnn-playground <command>", 0),
      0u)
      << unknown.err;
}
