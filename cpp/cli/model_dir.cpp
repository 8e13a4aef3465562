#include "cli/model_dir.hpp"

#include <filesystem>
#include <stdexcept>
#include <system_error>

#include "cli/commands.hpp"

namespace rnn::cli {
namespace fs = std::filesystem;

void save_model_dir(const std::string& dir, const ModelSpec& spec,
                    const std::vector<float>& params) {
  const TfjsFiles files =
      save_tfjs(spec, params);  // before touching the disk: nothing half-written
  std::error_code error;
  if (fs::exists(dir, error) && !fs::is_directory(dir, error)) {
    throw std::runtime_error("cannot save the model to '" + dir + "': it is a file, not a folder");
  }
  fs::create_directories(dir, error);
  if (error) throw std::runtime_error("cannot create the folder '" + dir + "': " + error.message());
  write_file((fs::path(dir) / kTfjsWeightsFile).string(), files.weights_bin);
  write_file((fs::path(dir) / "model.json").string(), files.model_json);
}

LoadedModel load_model_dir(const std::string& dir) {
  std::error_code error;
  if (!fs::is_directory(dir, error)) {
    throw std::runtime_error(
        "'" + dir +
        "' is not a model folder (it does not exist or is a file); "
        "a model folder holds model.json and weights.bin, as 'rnn-playground init' writes");
  }
  const fs::path folder = fs::canonical(dir, error);
  if (error) throw std::runtime_error("cannot open the folder '" + dir + "': " + error.message());
  const fs::path model_path = folder / "model.json";
  if (!fs::is_regular_file(model_path, error)) {
    throw std::runtime_error(
        "'" + dir + "' holds no model.json; a model folder holds model.json and weights.bin");
  }
  const std::string model_json = read_file(model_path.string());

  auto read_shard = [&](const std::string& relative) -> std::string {
    // load_tfjs has refused unsafe spellings already; a symbolic link could still point outside.
    const fs::path file = fs::weakly_canonical(folder / relative, error);
    const std::string inside = folder.string() + "/";
    if (error || file.string().compare(0, inside.size(), inside) != 0) {
      throw ModelError("model.json: weight file '" + relative +
                       "' resolves outside the model's folder '" + dir +
                       "' (a symbolic link?); keep the weight files inside the folder");
    }
    if (!fs::is_regular_file(file, error)) {
      throw ModelError("model.json names the weight file '" + relative + "', but '" + dir +
                       "' has no such file; copy it next to model.json or save the model again");
    }
    return read_file(file.string());
  };
  try {
    return load_tfjs(model_json, read_shard);
  } catch (const ModelError& e) {
    throw ModelError(dir + "/" + e.what());
  }
}

}  // namespace rnn::cli
