#pragma once
// The CLI's sub-commands. Each takes the arguments after its name and returns the exit status:
// 0 success, 1 a problem with the input (message on stderr), 2 a usage error.

#include <string>
#include <vector>

namespace rnn::cli {

using Args = std::vector<std::string>;

int cmd_summary(const Args& args);  // summary.cpp
int cmd_init(const Args& args);     // init.cpp
int cmd_predict(const Args& args);  // predict.cpp
int cmd_train(const Args& args);    // train.cpp
int cmd_bench(const Args& args);    // bench.cpp

// Shared helpers (io.cpp): whole-file read, or throw std::runtime_error naming the path.
std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& bytes);

}  // namespace rnn::cli
