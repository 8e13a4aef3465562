// Embedding: the row gather forward, the scatter-add backward (a repeated id sums its
// gradients; backward accumulates), and ids outside the vocabulary refused. Keras' Embedding:
// output row t = embeddings[id_t], embeddings (input_dim, output_dim).

#include <gtest/gtest.h>

#include "layer_test_helpers.hpp"

namespace rnn::test {
namespace {

// embedding_layer's spec with the output shape validate_and_infer would give it.
LayerSpec embedding_spec(int vocab, int dim) {
  LayerSpec l = embedding_layer(vocab, dim);
  l.output_shape = Shape{true, -1, dim};
  return l;
}

TEST(Embedding, GathersRowsAndScatterAddsGradients) {
  BoundLayer<double> bl(embedding_spec(4, 2));
  for (size_t i = 0; i < 8; ++i) bl.params[i] = double(i);
  const Mat<double>& y = bl.forward_ids({3, 0, 3}, 1, 3);
  EXPECT_EQ(y, (Mat<double>(3, 2) << 6, 7, 0, 1, 6, 7).finished());
  Mat<double> dy(3, 2);
  dy << 1, 2, 10, 20, 100, 200;
  bl.layer->backward(dy, nullptr);
  EXPECT_EQ(bl.grads, (std::vector<double>{10, 20, 0, 0, 0, 0, 101, 202}));  // id 3 twice: summed
  bl.layer->backward(dy, nullptr);
  EXPECT_EQ(bl.grads[6], 202.0);  // backward accumulates
}

TEST(Embedding, RejectsIdsOutsideTheVocabulary) {
  BoundLayer<float> bl(embedding_spec(4, 2));
  EXPECT_THROW(bl.forward_ids({1, -1}, 1, 2), ModelError);
  EXPECT_THROW(bl.forward_ids({4}, 1, 1), ModelError);
}

}  // namespace
}  // namespace rnn::test
