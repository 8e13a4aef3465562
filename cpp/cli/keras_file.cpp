// Loading and saving a model by its path's ending (keras_file.hpp): .keras, .h5 or a TF.js folder.

#include "cli/keras_file.hpp"

#include <ctime>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "cli/commands.hpp"
#include "cli/model_dir.hpp"

namespace rnn::cli {
namespace {

bool ends_with(const std::string& s, const char* tail) {
  const std::string t = tail;
  return s.size() >= t.size() && s.compare(s.size() - t.size(), t.size(), t) == 0;
}

LoadedModel load_keras(const std::string& path) {
  const KerasZip zip = read_keras_zip(read_file(path));
  const std::string listing = hdf5_listing(zip.weights, "model.weights.h5");
  const KerasOpened opened = keras_open(zip.config, listing);
  LoadedModel model{opened.spec,
                    hdf5_read_weights(zip.weights, opened.weights, opened.spec.total_params())};
  check_finite_weights(model.params, opened.weights);
  return model;
}

LoadedModel load_h5(const std::string& path) {
  const std::string bytes = read_file(path);
  const KerasOpened opened = h5_model_open(hdf5_listing(bytes, "'" + path + "'"));
  LoadedModel model{opened.spec,
                    hdf5_read_weights(bytes, opened.weights, opened.spec.total_params())};
  check_finite_weights(model.params, opened.weights);
  return model;
}

}  // namespace

bool is_keras_path(const std::string& path) { return ends_with(path, ".keras"); }
bool is_h5_path(const std::string& path) { return ends_with(path, ".h5"); }

LoadedModel load_model_file(const std::string& path) {
  if (!is_keras_path(path) && !is_h5_path(path)) return load_model_dir(path);
  std::error_code error;
  if (std::filesystem::is_directory(path, error))
    throw std::runtime_error(path +
                             ": is a folder; a .keras or .h5 model is one file (a TF.js model is a "
                             "folder without that ending)");
  try {
    return is_keras_path(path) ? load_keras(path) : load_h5(path);
  } catch (const ModelError& e) {
    throw ModelError(e.code(), e.params(), path + ": " + e.what());
  } catch (const std::runtime_error& e) {
    const std::string what = e.what();
    if (what.rfind(path, 0) == 0 || what.rfind("'" + path, 0) == 0) throw;
    throw std::runtime_error(path + ": " + what);
  }
}

void save_model_file(const std::string& path, const ModelSpec& spec,
                     const std::vector<float>& params, const std::string& compile_json) {
  if (!is_keras_path(path)) return save_model_dir(path, spec, params);
  if (static_cast<int64_t>(params.size()) != spec.total_params())
    throw ModelError("save: the model has " + std::to_string(spec.total_params()) +
                     " parameters but " + std::to_string(params.size()) + " values were given");
  // metadata.json's date_saved, as Keras writes it ("%Y-%m-%d@%H:%M:%S"), in UTC.
  nlohmann::json compile = nlohmann::json::parse(compile_json.empty() ? "{}" : compile_json);
  if (!compile.contains("date_saved")) {
    char date[32];
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    std::strftime(date, sizeof date, "%Y-%m-%d@%H:%M:%S", &utc);
    compile["date_saved"] = date;
  }
  const KerasArchive archive = keras_save(spec, compile.dump());
  check_finite_weights(params, archive.datasets);
  write_keras_zip(
      path, {archive.metadata_json, archive.config_json, hdf5_write_weights(archive, params)});
}

}  // namespace rnn::cli
