// `rnn-playground predict` refuses every corrupt model folder and bad input file we know of:
// exit 1 with a message naming the problem, never a crash. Shared fixture: cli_model_fixture.hpp.

#include "cli_model_fixture.hpp"  // runs the binary RNN_CLI_PATH names: native tests only

namespace rnn::cli_test {
namespace {

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

// A damage that makes the manifest name `path` as the weights file.
std::function<void(const fs::path&, const fs::path&)> weights_path(const std::string& path) {
  return [path](const fs::path& f, const fs::path&) {
    edit_manifest(f, [&](json& d) { d["weightsManifest"][0]["paths"] = {path}; });
  };
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
                         ::testing::
                             Values(BrokenFolder{"no folder",
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
                                                   const std::string text = slurp(f / "model.json");
                                                   spit(f / "model.json",
                                                        text.substr(0, text.size() - 20));
                                                 },
                                                 "not valid JSON"},
                                    BrokenFolder{"no weights.bin",
                                                 [](const fs::path& f, const fs::path&) {
                                                   fs::remove(f / "weights.bin");
                                                 },
                                                 "has no such file"},
                                    BrokenFolder{"truncated weights.bin",
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
                                    BrokenFolder{
                                        "shape mismatch",
                                        [](const fs::path& f, const fs::path&) {
                                          edit_manifest(f, [](json& d) {
                                            d["weightsManifest"][0]["weights"][1]["shape"] = {1, 4};
                                          });
                                        },
                                        "the topology needs [2, 2]"},
                                    BrokenFolder{"topology changed",
                                                 [](const fs::path& f, const fs::path&) {
                                                   edit_manifest(f, [](json& d) {
                                                     d["modelTopology"]["config"]["layers"][0]
                                                      ["config"]["output_dim"] = 3;
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
                                    BrokenFolder{"missing weight",
                                                 [](const fs::path& f, const fs::path&) {
                                                   edit_manifest(f, [](json& d) {
                                                     d["weightsManifest"][0]["weights"].erase(5);
                                                   });
                                                   spit(f / "weights.bin",
                                                        slurp(f / "weights.bin").substr(0, 4 * 22));
                                                 },
                                                 "no values for 'dense/bias'"},
                                    BrokenFolder{"extra weight",
                                                 [](const fs::path& f, const fs::path&) {
                                                   edit_manifest(f, [](json& d) {
                                                     d["weightsManifest"][0]["weights"].push_back(
                                                         {{"name", "dense/extra"},
                                                          {"shape", {1}},
                                                          {"dtype", "float32"}});
                                                   });
                                                 },
                                                 "no place for: 'dense/extra'"},
                                    BrokenFolder{"path with ..", weights_path("../outside.bin"),
                                                 "leaves the model's folder"},
                                    BrokenFolder{"absolute path",
                                                 [](const fs::path& f, const fs::path& outside) {
                                                   edit_manifest(f, [&](json& d) {
                                                     d["weightsManifest"][0]["paths"] = {
                                                         outside.string()};
                                                   });
                                                 },
                                                 "absolute path"},
                                    BrokenFolder{"URL", weights_path("https://example.com/w.bin"),
                                                 "URL"},
                                    BrokenFolder{"backslash",
                                                 weights_path("..\\outside.bin"), "backslash"},
                                    BrokenFolder{"symbolic link leaving the folder",
                                                 [](const fs::path& f, const fs::path& outside) {
                                                   fs::remove(f / "weights.bin");
                                                   fs::create_symlink(outside, f / "weights.bin");
                                                 },
                                                 "resolves outside the model's folder"},
                                    BrokenFolder{"NaN weight",
                                                 [](const fs::path& f, const fs::path&) {
                                                   std::string bin = slurp(f / "weights.bin");
                                                   const char nan_bits[] = {
                                                       0x00, 0x00, static_cast<char>(0xC0), 0x7F};
                                                   bin.replace(
                                                       4 * 22, 4, nan_bits,
                                                       4);  // the Dense bias, the last value
                                                   spit(f / "weights.bin", bin);
                                                 },
                                                 "non-finite"},
                                    BrokenFolder{"unsupported layer",
                                                 [](const fs::path& f, const fs::path&) {
                                                   edit_manifest(f, [](json& d) {
                                                     d["modelTopology"]["config"]["layers"][1]
                                                      ["class_name"] = "Conv1D";
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

}  // namespace
}  // namespace rnn::cli_test
