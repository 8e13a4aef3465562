#pragma once
// The two Keras generations whose arithmetic the engine can follow where they differ (the
// optimizers' update rules and EarlyStopping's restore rule; README, "Keras parity notes"):
// tf.keras 2 as in TensorFlow 2.6-2.10 (the book's first edition and the blog) and Keras 3 (the
// book's current notebooks).

namespace rnn {

enum class KerasVersion { TfKeras2 = 2, Keras3 = 3 };

}  // namespace rnn
