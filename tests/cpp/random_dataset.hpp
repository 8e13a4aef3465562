#pragma once
// Seeded synthetic data for the trainer's tests: `count` sequences of `time` ids, each drawn by a
// rule that fills the row and says its label (trainer_test's "contains token 3",
// long_memory_test's "signal among noise").

#include <cstdint>
#include <functional>

#include "engine/dataset.hpp"
#include "engine/rng.hpp"

namespace rnn {

inline Dataset random_dataset(int count, int time, uint64_t seed,
                              const std::function<int32_t(Rng&, int32_t* row)>& draw) {
  Rng rng(seed);
  Dataset data;
  data.count = count;
  data.time = time;
  data.ids.resize(static_cast<size_t>(count) * static_cast<size_t>(time));
  for (int i = 0; i < count; ++i)
    data.labels.push_back(draw(rng, data.ids.data() + static_cast<size_t>(i) * time));
  return data;
}

}  // namespace rnn
