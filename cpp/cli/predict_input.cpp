#include "cli/predict_input.hpp"

#include <climits>
#include <cstdint>
#include <nlohmann/json.hpp>

#include "engine/json_object.hpp"
#include "engine/model_spec.hpp"
#include "engine/training_run.hpp"

namespace rnn::cli {

using nlohmann::json;

std::vector<std::vector<int32_t>> read_sequences(const std::string& text, int vocab,
                                                 bool fixed_length) {
  // {"sequences": [[id, ...], ...]} is three levels deep; deeper text is refused before parsing
  // (the messages below dump values, which nlohmann does recursively).
  if (json_nesting_depth(text, 8) > 8)
    throw ModelError("nested too deeply; expected {\"sequences\": [[token ids], ...]}");
  const json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded())
    throw ModelError("not valid JSON; expected {\"sequences\": [[token ids], ...]}");
  if (!doc.is_object() || !doc.contains("sequences") || !doc["sequences"].is_array()) {
    throw ModelError("expected {\"sequences\": [[token ids], ...]}: no \"sequences\" array");
  }
  const json& sequences = doc["sequences"];
  std::vector<std::vector<int32_t>> out;
  out.reserve(sequences.size());
  for (size_t s = 0; s < sequences.size(); ++s) {
    const json& sequence = sequences[s];
    const std::string where = "sequence " + std::to_string(s);
    if (!sequence.is_array()) {
      throw ModelError(where + " is " + sequence.dump() + ", not a list of token ids");
    }
    if (sequence.empty() && !fixed_length) {
      throw ModelError(
          where +
          " is empty; this model's input length is None, so each sequence is read as it is "
          "and needs at least one token");
    }
    std::vector<int32_t> ids;
    ids.reserve(sequence.size());
    for (size_t t = 0; t < sequence.size(); ++t) {
      const json& id = sequence[t];
      if (!id.is_number_integer()) {
        throw ModelError(where + ", position " + std::to_string(t) + ": " + id.dump() +
                         " is not an integer token id");
      }
      // Beyond int32 (either way): -1, outside every vocabulary, named below by its own text.
      const bool fits = id.is_number_unsigned()
                            ? id.get<uint64_t>() <= INT32_MAX
                            : id.get<int64_t>() >= INT32_MIN && id.get<int64_t>() <= INT32_MAX;
      ids.push_back(fits ? static_cast<int32_t>(id.get<int64_t>()) : -1);
    }
    if (const size_t t = first_id_outside(ids, vocab); t < ids.size()) {
      throw ModelError(
          where + ", position " + std::to_string(t) + ": token id " + sequence[t].dump() +
          " is outside this model's vocabulary: ids must be in [0, " + std::to_string(vocab) + ")");
    }
    out.push_back(std::move(ids));
  }
  return out;
}

}  // namespace rnn::cli
