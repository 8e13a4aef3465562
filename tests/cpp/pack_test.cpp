// Data pack reader: hand-computed decodings of a pack written by the TypeScript writer, Keras'
// pad_sequences / num_words semantics, and rejection of truncated, corrupt and foreign bytes.
#include "engine/pack.hpp"
#include "engine/rng.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#ifndef RNN_TEST_DATA_DIR
#define RNN_TEST_DATA_DIR "tests/data"
#endif

namespace {

using rnn::ModelError;
using Bytes = std::vector<uint8_t>;
using Rows = std::vector<std::vector<int32_t>>;

Bytes read_fixture(const std::string& name) {
  std::ifstream in(std::string(RNN_TEST_DATA_DIR) + "/" + name, std::ios::binary);
  EXPECT_TRUE(in.good()) << "missing fixture " << name;
  return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

Bytes to_bytes(const std::string& s) { return Bytes(s.begin(), s.end()); }

// The contents of tests/data/tiny.pack, as tests/js/data.test.ts writes it with the TS writer.
rnn::PackContents tiny_contents() {
  rnn::PackContents c;
  c.vocab_size = 12;
  c.stored_length = 6;
  c.num_classes = 2;
  c.train.sequences = {{1, 4, 5, 6}, {7, 8, 9, 10, 11, 2}, {}};
  c.train.labels = {1, 0, 0};
  c.validation.sequences = {{11, 2, 4}};
  c.validation.labels = {1};
  c.test.sequences = {{1}, {5, 5, 5, 5, 5, 5}};
  c.test.labels = {0, 1};
  return c;
}

Rows rows_of(const rnn::Dataset& d) {
  Rows rows;
  for (int i = 0; i < d.count; ++i)
    rows.emplace_back(d.ids.begin() + i * d.time, d.ids.begin() + (i + 1) * d.time);
  return rows;
}

std::string message_of(const Bytes& bytes, int num_words = 12, int maxlen = 6) {
  try {
    rnn::read_pack(bytes.data(), bytes.size(), num_words, maxlen);
  } catch (const ModelError& e) {
    return e.what();
  }
  return "";
}

void put_u32(Bytes& b, size_t at, uint32_t v) {
  for (int i = 0; i < 4; ++i) b[at + i] = static_cast<uint8_t>(v >> (8 * i));
}
// After an edit, a valid checksum again: what a buggy writer (not a damaged download) produces.
void reseal(Bytes& b) { put_u32(b, b.size() - 4, rnn::crc32(b.data(), b.size() - 4)); }

TEST(PackTest, Crc32MatchesTheStandardCheckValue) {
  const std::string check = "123456789";
  EXPECT_EQ(rnn::crc32(reinterpret_cast<const uint8_t*>(check.data()), check.size()), 0xCBF43926u);
  EXPECT_EQ(rnn::crc32(nullptr, 0), 0u);
}

TEST(PackTest, TypeScriptWriterAndCppWriterProduceTheSameBytes) {
  const Bytes fixture = read_fixture("tiny.pack");
  // 40 header + 6 labels + 6 x 2 lengths + 20 x 2 ids + 4 checksum.
  ASSERT_EQ(fixture.size(), 102u);
  EXPECT_EQ(to_bytes(rnn::write_pack(tiny_contents())), fixture);
}

TEST(PackTest, InfoReportsTheHeader) {
  const Bytes b = read_fixture("tiny.pack");
  const rnn::PackInfo info = rnn::read_pack_info(b.data(), b.size());
  EXPECT_EQ(info.version, 1);
  EXPECT_EQ(info.vocab_size, 12);
  EXPECT_EQ(info.stored_length, 6);
  EXPECT_EQ(info.num_classes, 2);
  EXPECT_EQ(info.train_count, 3);
  EXPECT_EQ(info.validation_count, 1);
  EXPECT_EQ(info.test_count, 2);
}

TEST(PackTest, FullVocabularyAndLengthPadsInFront) {
  const Bytes b = read_fixture("tiny.pack");
  const rnn::DataSplits s = rnn::read_pack(b.data(), b.size(), 12, 6);
  EXPECT_EQ(s.train.count, 3);
  EXPECT_EQ(s.train.time, 6);
  EXPECT_EQ(rows_of(s.train), (Rows{{0, 0, 1, 4, 5, 6}, {7, 8, 9, 10, 11, 2}, {0, 0, 0, 0, 0, 0}}));
  EXPECT_EQ(s.train.labels, (std::vector<int32_t>{1, 0, 0}));
  EXPECT_EQ(rows_of(s.validation), (Rows{{0, 0, 0, 11, 2, 4}}));
  EXPECT_EQ(s.validation.labels, (std::vector<int32_t>{1}));
  EXPECT_EQ(rows_of(s.test), (Rows{{0, 0, 0, 0, 0, 1}, {5, 5, 5, 5, 5, 5}}));
  EXPECT_EQ(s.test.labels, (std::vector<int32_t>{0, 1}));
}

TEST(PackTest, SmallerVocabularyAndPreTruncation) {
  // num_words 6: ids 6.. become 2. maxlen 4: the last 4 ids survive, shorter ones get zeros first.
  const Bytes b = read_fixture("tiny.pack");
  const rnn::DataSplits s = rnn::read_pack(b.data(), b.size(), 6, 4);
  EXPECT_EQ(rows_of(s.train), (Rows{{1, 4, 5, 2}, {2, 2, 2, 2}, {0, 0, 0, 0}}));
  EXPECT_EQ(rows_of(s.validation), (Rows{{0, 2, 2, 4}}));
  EXPECT_EQ(rows_of(s.test), (Rows{{0, 0, 0, 1}, {5, 5, 5, 5}}));
}

TEST(PackTest, SmallestRequest) {
  const Bytes b = read_fixture("tiny.pack");
  const rnn::DataSplits s = rnn::read_pack(b.data(), b.size(), 3, 1);
  EXPECT_EQ(s.train.ids, (std::vector<int32_t>{2, 2, 0}));
  EXPECT_EQ(s.validation.ids, (std::vector<int32_t>{2}));
  EXPECT_EQ(s.test.ids, (std::vector<int32_t>{1, 2}));
}

// The engine's one padding (dataset.hpp), which the pack reader and the CLI's predict use, on the
// example in Keras' pad_sequences documentation: [[1], [2, 3], [4, 5, 6]] padded to the longest
// (3) is [[0, 0, 1], [0, 2, 3], [4, 5, 6]], and at maxlen=2 is [[0, 1], [2, 3], [5, 6]].
TEST(PackTest, PadPreIsKerasPadSequences) {
  const Rows keras_example = {{1}, {2, 3}, {4, 5, 6}};
  const Rows at_3 = {{0, 0, 1}, {0, 2, 3}, {4, 5, 6}}, at_2 = {{0, 1}, {2, 3}, {5, 6}};
  for (size_t i = 0; i < keras_example.size(); ++i) {
    EXPECT_EQ(rnn::pad_pre(keras_example[i], 3), at_3[i]);
    EXPECT_EQ(rnn::pad_pre(keras_example[i], 2), at_2[i]);
  }
  EXPECT_EQ(rnn::pad_pre({}, 2), (std::vector<int32_t>{0, 0}));
  EXPECT_EQ(rnn::pad_pre({7, 8}, 0), std::vector<int32_t>{});
}

// Keras on the full review: x = [x if x < num_words else 2], then pad_sequences('pre', 'pre').
std::vector<int32_t> keras_reference(const std::vector<int32_t>& full, int num_words, int maxlen) {
  std::vector<int32_t> mapped;
  for (int32_t id : full) mapped.push_back(id < num_words ? id : 2);
  std::vector<int32_t> out(static_cast<size_t>(maxlen), 0);
  const int n = static_cast<int>(mapped.size());
  for (int t = 0; t < maxlen; ++t) {
    const int source = n - maxlen + t;
    if (source >= 0) out[static_cast<size_t>(t)] = mapped[static_cast<size_t>(source)];
  }
  return out;
}

TEST(PackTest, DerivedDataEqualsKerasOnTheFullReviews) {
  // Full reviews longer than the pack keeps and with ids beyond its vocabulary: what the writer
  // stores (last stored_length ids, ids >= vocab as 2) must lose nothing any allowed request sees.
  const int vocab = 20, stored = 10;
  Rows full;
  for (int r = 0; r < 12; ++r) {
    std::vector<int32_t> seq = {1};
    for (int t = 0; t < 3 * r; ++t) seq.push_back(4 + (r * 7 + t * 5) % 30);  // ids 4..33
    full.push_back(seq);
  }
  rnn::PackContents c;
  c.vocab_size = vocab;
  c.stored_length = stored;
  for (size_t r = 0; r < full.size(); ++r) {
    std::vector<int32_t> kept(full[r].end() - std::min<long>(stored, full[r].size()),
                              full[r].end());
    for (int32_t& id : kept) id = id < vocab ? id : 2;
    rnn::PackSplit& split = r % 3 == 0 ? c.test : r % 3 == 1 ? c.validation : c.train;
    split.sequences.push_back(kept);
    split.labels.push_back(static_cast<int32_t>(r % 2));
  }
  const Bytes b = to_bytes(rnn::write_pack(c));
  for (int num_words = 3; num_words <= vocab; ++num_words) {
    for (int maxlen = 1; maxlen <= stored; ++maxlen) {
      const rnn::DataSplits s = rnn::read_pack(b.data(), b.size(), num_words, maxlen);
      int seen[3] = {0, 0, 0};
      for (size_t r = 0; r < full.size(); ++r) {
        const rnn::Dataset& d = r % 3 == 0 ? s.test : r % 3 == 1 ? s.validation : s.train;
        const int i = seen[r % 3]++;
        const std::vector<int32_t> row(d.ids.begin() + i * maxlen,
                                       d.ids.begin() + (i + 1) * maxlen);
        ASSERT_EQ(row, keras_reference(full[r], num_words, maxlen))
            << "review " << r << " num_words " << num_words << " maxlen " << maxlen;
        ASSERT_EQ(d.labels[static_cast<size_t>(i)], static_cast<int32_t>(r % 2));
      }
    }
  }
}

TEST(PackTest, ImpossibleRequestsAreRefusedWithTheRangeAvailable) {
  const Bytes b = read_fixture("tiny.pack");
  EXPECT_NE(message_of(b, 13, 6).find("num_words 13 is not available: this pack supports 3 to 12"),
            std::string::npos);
  EXPECT_NE(message_of(b, 2, 6).find("num_words 2"), std::string::npos);
  EXPECT_NE(message_of(b, 12, 7).find("maxlen 7 is not available"), std::string::npos);
  EXPECT_NE(message_of(b, 12, 0).find("choose 1 to 6"), std::string::npos);
}

TEST(PackTest, EmptyAndForeignBytesAreNotPacks) {
  EXPECT_NE(message_of(Bytes{}).find("empty"), std::string::npos);
  EXPECT_NE(message_of(to_bytes("{\"sequences\": [[1, 2, 3]]}")).find("not a data pack"),
            std::string::npos);
  Bytes zip = {0x50, 0x4B, 0x03, 0x04};
  zip.resize(200, 0);
  EXPECT_NE(message_of(zip).find("not a data pack"), std::string::npos);
  EXPECT_THROW(rnn::read_pack_info(zip.data(), zip.size()), ModelError);
}

TEST(PackTest, EveryTruncationIsRejected) {
  const Bytes b = read_fixture("tiny.pack");
  for (size_t n = 1; n < b.size(); ++n) {
    const Bytes prefix(b.begin(), b.begin() + static_cast<long>(n));
    EXPECT_NE(message_of(prefix).find("truncated"), std::string::npos)
        << "prefix of " << n << " bytes";
  }
  Bytes longer = b;
  longer.push_back(0);
  EXPECT_NE(message_of(longer).find("unexpected bytes"), std::string::npos);
}

TEST(PackTest, EverySingleBitFlipIsRejected) {
  const Bytes b = read_fixture("tiny.pack");
  for (size_t at = 0; at < b.size(); ++at) {
    for (int bit = 0; bit < 8; ++bit) {
      Bytes flipped = b;
      flipped[at] ^= static_cast<uint8_t>(1 << bit);
      EXPECT_THROW(rnn::read_pack(flipped.data(), flipped.size(), 12, 6), ModelError)
          << "byte " << at << " bit " << bit;
    }
  }
  Bytes payload_flip = b;
  payload_flip[60] ^= 1;  // a token id
  EXPECT_NE(message_of(payload_flip).find("checksum does not match"), std::string::npos);
}

TEST(PackTest, NewerVersionIsRefused) {
  Bytes b = read_fixture("tiny.pack");
  put_u32(b, 8, 2);
  reseal(b);
  EXPECT_NE(message_of(b).find("version 2 is not supported"), std::string::npos);
}

TEST(PackTest, HugeCountsInAHeaderAreCaughtBeforeAnyAllocation) {
  Bytes b = read_fixture("tiny.pack");
  put_u32(b, 24, 0xFFFFFFFFu);  // train_count
  reseal(b);
  EXPECT_NE(message_of(b).find("truncated: the header announces"), std::string::npos);
  Bytes t = read_fixture("tiny.pack");
  put_u32(t, 36, 0xFFFFFFFFu);  // token_count
  reseal(t);
  EXPECT_NE(message_of(t).find("cannot fit"), std::string::npos);
  Bytes v = read_fixture("tiny.pack");
  put_u32(v, 12, 70000);  // vocab_size beyond uint16 ids
  reseal(v);
  EXPECT_NE(message_of(v).find("vocab_size 70000"), std::string::npos);
}

TEST(PackTest, ContentsBreakingTheHeaderAreCorrupt) {
  // Resealed so that the checksum passes and the content checks must catch them.
  Bytes id = read_fixture("tiny.pack");
  id[58] = 12;  // first token id (after 40 + 6 labels + 12 lengths) set to vocab_size
  reseal(id);
  EXPECT_NE(message_of(id).find("token id 12, not below vocab_size 12"), std::string::npos);

  Bytes label = read_fixture("tiny.pack");
  label[40] = 2;
  reseal(label);
  EXPECT_NE(message_of(label).find("has label 2"), std::string::npos);

  Bytes length = read_fixture("tiny.pack");
  length[46] = 7;  // first review claims 7 tokens, more than stored_length 6
  reseal(length);
  EXPECT_NE(message_of(length).find("has length 7"), std::string::npos);

  Bytes sum = read_fixture("tiny.pack");
  sum[46] = 3;  // lengths no longer add up to token_count
  reseal(sum);
  EXPECT_NE(message_of(sum).find("add up to"), std::string::npos);
}

TEST(PackTest, WriterRejectsContentsTheFormatCannotHold) {
  rnn::PackContents c = tiny_contents();
  c.train.sequences[0].push_back(12);
  EXPECT_THROW(rnn::write_pack(c), ModelError);
  c = tiny_contents();
  c.test.sequences[1].push_back(5);  // 7 > stored_length
  EXPECT_THROW(rnn::write_pack(c), ModelError);
  c = tiny_contents();
  c.validation.labels = {2};
  EXPECT_THROW(rnn::write_pack(c), ModelError);
  c = tiny_contents();
  c.train.labels.pop_back();
  EXPECT_THROW(rnn::write_pack(c), ModelError);
}

TEST(PackTest, RandomResealedDamageNeverCrashes) {
  // Damage that a checksum cannot catch (a buggy writer): any outcome but a crash, an uncaught
  // exception of another type or an out-of-bounds read (run under the sanitizers) is fine.
  const Bytes original = read_fixture("tiny.pack");
  rnn::Rng rng(5);
  int rejected = 0;
  for (int trial = 0; trial < 2000; ++trial) {
    Bytes b = original;
    const int edits = 1 + static_cast<int>(rng.below(3));
    for (int e = 0; e < edits; ++e) {
      b[rng.below(b.size() - 4)] = static_cast<uint8_t>(rng.below(256));
    }
    reseal(b);
    try {
      const rnn::DataSplits s = rnn::read_pack(b.data(), b.size(), 3, 1);
      for (int32_t id : s.train.ids) ASSERT_TRUE(id >= 0 && id <= 2) << "trial " << trial;
    } catch (const ModelError&) {
      ++rejected;
    }
  }
  EXPECT_GT(rejected, 0);
}

}  // namespace
