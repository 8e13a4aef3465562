// The layer factory, per-layer weight initialisation and the token-id check.
#include <string>

#include "engine/dataset.hpp"
#include "engine/initializers.hpp"
#include "engine/layers/dense.hpp"
#include "engine/layers/dropout.hpp"
#include "engine/layers/embedding.hpp"
#include "engine/layers/gru.hpp"
#include "engine/layers/layer.hpp"
#include "engine/layers/lstm.hpp"
#include "engine/layers/simple_rnn.hpp"
#include "engine/messages.hpp"

namespace rnn {

template <typename S>
std::unique_ptr<Layer<S>> make_layer(const LayerSpec& spec, RecurrentPaths paths) {
  switch (spec.kind) {
    case LayerKind::Embedding:
      return std::make_unique<EmbeddingLayer<S>>(spec);
    case LayerKind::SimpleRNN:
      return std::make_unique<SimpleRnnLayer<S>>(spec, paths);
    case LayerKind::LSTM:
      return std::make_unique<LstmLayer<S>>(spec, paths);
    case LayerKind::GRU:
      return std::make_unique<GruLayer<S>>(spec, paths);
    case LayerKind::Dense:
      return std::make_unique<DenseLayer<S>>(spec);
    case LayerKind::Dropout:
      return std::make_unique<DropoutLayer<S>>(spec);
  }
  throw ModelError("Layer '" + spec.name + "': unsupported layer kind.");
}

template <typename S>
void initialize_layer_weights(const LayerSpec& spec, S* params, Rng& rng) {
  for (const WeightSpec& w : weight_specs(spec)) {
    const std::string what =
        std::string(layer_kind_name(spec.kind)) + " layer '" + spec.name + "' " + w.name;
    if (w.name == "embeddings") {
      fill_initializer(spec.embeddings_initializer, w.shape, rng, what, params);
    } else if (w.name == "kernel") {
      fill_initializer(spec.kernel_initializer, w.shape, rng, what, params);
    } else if (w.name == "recurrent_kernel") {
      fill_initializer(spec.recurrent_initializer, w.shape, rng, what, params);
    } else if (spec.kind == LayerKind::LSTM && spec.unit_forget_bias) {
      // Keras: concatenate(init((u,)), ones((u,)), init((2u,))) — the forget gate's bias is 1.
      const int u = spec.units;
      fill_initializer(spec.bias_initializer, {u}, rng, what, params);
      for (int j = 0; j < u; ++j) params[u + j] = S(1);
      fill_initializer(spec.bias_initializer, {2 * u}, rng, what, params + 2 * u);
    } else {
      fill_initializer(spec.bias_initializer, w.shape, rng, what, params);
    }
    params += w.size();
  }
}

void check_token_ids(const LayerSpec& spec, const int32_t* ids, int64_t count, int vocab) {
  const int64_t i = first_id_outside(ids, count, vocab);
  if (i < count) {
    fail_with(Msg::layer_token_id_range,
              {layer_kind_name(spec.kind), spec.name, std::to_string(ids[i]), std::to_string(i),
               std::to_string(vocab)});
  }
}

template std::unique_ptr<Layer<float>> make_layer<float>(const LayerSpec&, RecurrentPaths);
template std::unique_ptr<Layer<double>> make_layer<double>(const LayerSpec&, RecurrentPaths);
template void initialize_layer_weights<float>(const LayerSpec&, float*, Rng&);
template void initialize_layer_weights<double>(const LayerSpec&, double*, Rng&);

}  // namespace rnn
