#include <gtest/gtest.h>

#include "engine/data_stats.hpp"

TEST(DataStats, LengthsFromPrePaddedSequencesByHand) {
  rnn::Dataset d;
  d.count = 4;
  d.time = 5;
  d.ids = {0, 0, 1, 7, 8,   // length 3
           1, 4, 5, 6, 9,   // length 5 (full)
           0, 0, 0, 0, 1,   // length 1
           0, 1, 2, 2, 2};  // length 4 (OOV ids are tokens too)
  d.labels = {0, 1, 0, 1};
  const auto s = rnn::length_stats(d, 2);
  EXPECT_DOUBLE_EQ(s.mean, (3 + 5 + 1 + 4) / 4.0);
  EXPECT_DOUBLE_EQ(s.median, 3.5);
  EXPECT_EQ(s.max_length, 5);
  ASSERT_EQ(s.histogram.size(), 3u);  // [0,2) [2,4) [4,6)
  EXPECT_EQ(s.histogram[0].count, 1);
  EXPECT_EQ(s.histogram[1].count, 1);
  EXPECT_EQ(s.histogram[2].count, 2);
  EXPECT_EQ(s.histogram[2].start, 4);
  EXPECT_EQ(s.histogram[2].end, 6);
}
