// The Embind table: everything JavaScript can call, and nothing else. Every entry point catches
// every C++ exception and returns {"ok": false, "error": message} instead: a C++ exception never
// reaches JavaScript (web/src/engine/engine-api.ts turns these replies into typed errors).

#include <emscripten/bind.h>
#include <emscripten/emmalloc.h>

#include <exception>
#include <new>
#include <nlohmann/json.hpp>
#include <string>
#include <type_traits>

#include "bindings/reply.hpp"
#include "bindings/session.hpp"
#include "engine/json_object.hpp"
#include "engine/messages.hpp"
#include "engine/model_json.hpp"
#include "engine/model_spec.hpp"
#include "engine/summary.hpp"

namespace {

using nlohmann::json;
using rnn::bindings::guarded;

// Model JSON (any accepted spelling) -> the summary object (see summary.hpp, summary_json).
std::string summarize_model(const std::string& model_json) {
  return guarded([&] {
    return rnn::parse_json(rnn::summary_json(rnn::summarize(rnn::parse_model_json(model_json))));
  });
}

std::string engine_info() {
  return guarded([]() -> json {
    return rnn::json_object()
        .add("simd",
#if defined(__wasm_simd128__)
             true
#else
             false
#endif
             )
        .add("version", "0.1.0");
  });
}

// Bytes of the allocator's (emmalloc, see CMakeLists.txt) live allocations, their headers included:
// the dynamic heap less every free region whole (emmalloc_free_dynamic_memory counts only a free
// region's payload, so its 8-byte header would make the figure move with fragmentation).
// WebAssembly memory only grows, so its size cannot show a leak; this figure can (the long-session
// test reads it after every run through the worker's `memory` request).
double allocator_bytes_in_use() {
  size_t free_regions_by_size[32];
  const size_t free_regions =
      emmalloc_compute_free_dynamic_memory_fragmentation_map(free_regions_by_size);
  constexpr size_t kRegionHeaderBytes = 2 * sizeof(uint32_t);  // emmalloc.c, REGION_HEADER_SIZE
  return static_cast<double>(emmalloc_dynamic_heap_size() - emmalloc_free_dynamic_memory() -
                             free_regions * kRegionHeaderBytes);
}

// JS-facing wrapper of Session: JSON text in, JSON reply text out; bytes in as a Uint8Array.
class SessionHandle {
 public:
  std::string loadPack(const emscripten::val& bytes) {
    return guarded([&] {
      const size_t n = bytes["length"].as<size_t>();
      std::vector<uint8_t> buffer(n);
      // Copy straight into the vector through a view of wasm memory (no element-wise conversion).
      emscripten::val(emscripten::typed_memory_view(n, buffer.data())).call<void>("set", bytes);
      return session_.load_pack(std::move(buffer));
    });
  }
  std::string describeData(int num_words, int maxlen, int samples) {
    return guarded([&] { return session_.describe_data(num_words, maxlen, samples); });
  }
  std::string startTraining(const std::string& model_json, const std::string& settings) {
    return guarded([&] { return session_.start_training(model_json, rnn::parse_json(settings)); });
  }
  std::string runSlice(int max_batches) {
    return guarded([&] { return session_.run_slice(max_batches); });
  }
  std::string stopTraining() {
    return guarded([&] { return session_.stop_training(); });
  }
  std::string finishTraining() {
    return guarded([&] { return session_.finish_training(); });
  }
  std::string predict(const std::string& sequences) {
    return guarded([&] { return session_.predict(rnn::parse_json(sequences)); });
  }
  std::string predictIds(const emscripten::val& ids, int count) {
    return guarded([&] {
      const size_t n = ids["length"].as<size_t>();
      std::vector<int32_t> buffer(n);
      emscripten::val(emscripten::typed_memory_view(n, buffer.data())).call<void>("set", ids);
      return session_.predict_ids(std::move(buffer), count);
    });
  }
  std::string loadModel(const std::string& model_json) {
    return guarded([&] { return session_.load_model(model_json); });
  }
  // A view of wasm memory over the weights (0) or the optimizer state (1), null when absent: JS
  // reads it (copying before its next call) or writes a saved run's values into it.
  emscripten::val stateView(int which) {
    std::vector<float>* buffer = session_.state_buffer(which);
    return buffer ? emscripten::val(emscripten::typed_memory_view(buffer->size(), buffer->data()))
                  : emscripten::val::null();
  }
  // A view of wasm memory over one array of the data set (see Session::data_array), to be copied
  // at once; or the error message as a string.
  emscripten::val dataView(int num_words, int maxlen, int which) {
    try {
      const std::vector<int32_t>& a = session_.data_array(num_words, maxlen, which);
      return emscripten::val(emscripten::typed_memory_view(a.size(), a.data()));
    } catch (const std::exception& e) {
      return emscripten::val(std::string(e.what()));
    }
  }
  std::string trace(const std::string& ids) {
    return guarded([&] { return session_.trace(rnn::parse_json(ids)); });
  }

 private:
  rnn::bindings::Session session_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(rnn_engine) {
  emscripten::function("summarizeModel", &summarize_model);
  emscripten::function("engineInfo", &engine_info);
  emscripten::function("allocatorBytesInUse", &allocator_bytes_in_use);
  emscripten::class_<SessionHandle>("Session")
      .constructor<>()
      .function("loadPack", &SessionHandle::loadPack)
      .function("describeData", &SessionHandle::describeData)
      .function("startTraining", &SessionHandle::startTraining)
      .function("runSlice", &SessionHandle::runSlice)
      .function("stopTraining", &SessionHandle::stopTraining)
      .function("finishTraining", &SessionHandle::finishTraining)
      .function("predict", &SessionHandle::predict)
      .function("predictIds", &SessionHandle::predictIds)
      .function("loadModel", &SessionHandle::loadModel)
      .function("stateView", &SessionHandle::stateView)
      .function("dataView", &SessionHandle::dataView)
      .function("trace", &SessionHandle::trace);
}
