// Data pack reader and writer (format: docs/pack-format.md).
#include "engine/pack.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>

#include "engine/messages.hpp"

namespace rnn {
namespace {

// Header field offsets (little-endian uint32 after the 8-byte magic).
constexpr size_t kVersionAt = 8;
constexpr size_t kVocabAt = 12;
constexpr size_t kStoredLengthAt = 16;
constexpr size_t kClassesAt = 20;
constexpr size_t kTrainCountAt = 24;
constexpr size_t kValidationCountAt = 28;
constexpr size_t kTestCountAt = 32;
constexpr size_t kTokenCountAt = 36;

uint32_t load_u32(const uint8_t* p) {
  return static_cast<uint32_t>(p[0]) | (static_cast<uint32_t>(p[1]) << 8) |
         (static_cast<uint32_t>(p[2]) << 16) | (static_cast<uint32_t>(p[3]) << 24);
}
uint16_t load_u16(const uint8_t* p) { return static_cast<uint16_t>(p[0] | (p[1] << 8)); }
void store_u32(std::string& out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}
void store_u16(std::string& out, uint32_t v) {
  out.push_back(static_cast<char>(v & 0xFF));
  out.push_back(static_cast<char>((v >> 8) & 0xFF));
}

std::array<uint32_t, 256> make_crc_table() {
  std::array<uint32_t, 256> table{};
  for (uint32_t n = 0; n < 256; ++n) {
    uint32_t c = n;
    for (int k = 0; k < 8; ++k) c = (c & 1) ? (0xEDB88320u ^ (c >> 1)) : (c >> 1);
    table[n] = c;
  }
  return table;
}

// Everything the header claims, checked against the bytes actually present.
struct Layout {
  PackInfo info;
  uint64_t review_count;
  uint64_t token_count;
  size_t labels_at, lengths_at, tokens_at;
};

Layout read_layout(const uint8_t* data, size_t size) {
  if (size == 0) fail_with(Msg::pack_empty, {});
  if (data == nullptr) fail_with(Msg::pack_null, {});
  const size_t magic_seen = std::min(size, sizeof(kPackMagic));
  if (magic_seen == 0 || std::memcmp(data, kPackMagic, magic_seen) != 0) {
    fail_with(Msg::pack_not_pack, {});
  }
  if (size < kPackHeaderBytes + kPackChecksumBytes) {
    fail_with(Msg::pack_truncated_header,
              {std::to_string(size), std::to_string(kPackHeaderBytes + kPackChecksumBytes)});
  }
  const uint32_t version = load_u32(data + kVersionAt);
  if (version == 0 || version > static_cast<uint32_t>(kPackVersion)) {
    fail_with(Msg::pack_version, {std::to_string(version), std::to_string(kPackVersion)});
  }
  const uint32_t vocab = load_u32(data + kVocabAt);
  const uint32_t stored_length = load_u32(data + kStoredLengthAt);
  const uint32_t classes = load_u32(data + kClassesAt);
  const uint64_t train = load_u32(data + kTrainCountAt);
  const uint64_t validation = load_u32(data + kValidationCountAt);
  const uint64_t test = load_u32(data + kTestCountAt);
  const uint64_t tokens = load_u32(data + kTokenCountAt);
  if (vocab < 3 || vocab > static_cast<uint32_t>(kPackMaxVocab)) {
    fail_with(Msg::pack_header_range,
              {"vocab_size", std::to_string(vocab), "3", std::to_string(kPackMaxVocab)});
  }
  if (stored_length < 1 || stored_length > static_cast<uint32_t>(kPackMaxStoredLength)) {
    fail_with(Msg::pack_header_range, {"stored_length", std::to_string(stored_length), "1",
                                       std::to_string(kPackMaxStoredLength)});
  }
  if (classes < 2 || classes > static_cast<uint32_t>(kPackMaxClasses)) {
    fail_with(Msg::pack_header_range,
              {"num_classes", std::to_string(classes), "2", std::to_string(kPackMaxClasses)});
  }
  // All sizes in 64 bits: each term is below 2^34, so nothing overflows, and the file size is
  // checked before anything is allocated.
  const uint64_t reviews = train + validation + test;
  if (tokens > reviews * stored_length) {
    fail_with(Msg::pack_tokens_cannot_fit,
              {std::to_string(tokens), std::to_string(reviews), std::to_string(stored_length)});
  }
  const uint64_t expected = kPackHeaderBytes + reviews /* labels */ + 2 * reviews /* lengths */ +
                            2 * tokens + kPackChecksumBytes;
  if (static_cast<uint64_t>(size) < expected) {
    fail_with(Msg::pack_truncated, {std::to_string(expected), std::to_string(size)});
  }
  if (static_cast<uint64_t>(size) > expected) {
    fail_with(Msg::pack_extra_bytes, {std::to_string(size - expected), std::to_string(expected)});
  }
  if (reviews > static_cast<uint64_t>(std::numeric_limits<int32_t>::max())) {
    fail_with(Msg::pack_too_many_reviews, {std::to_string(reviews)});
  }
  const size_t payload = size - kPackChecksumBytes;
  const uint32_t stored_crc = load_u32(data + payload);
  const uint32_t actual_crc = crc32(data, payload);
  if (stored_crc != actual_crc) {
    fail_with(Msg::pack_checksum, {std::to_string(stored_crc), std::to_string(actual_crc)});
  }

  Layout layout;
  layout.info.version = static_cast<int>(version);
  layout.info.vocab_size = static_cast<int>(vocab);
  layout.info.stored_length = static_cast<int>(stored_length);
  layout.info.num_classes = static_cast<int>(classes);
  layout.info.train_count = static_cast<int>(train);
  layout.info.validation_count = static_cast<int>(validation);
  layout.info.test_count = static_cast<int>(test);
  layout.review_count = reviews;
  layout.token_count = tokens;
  layout.labels_at = kPackHeaderBytes;
  layout.lengths_at = layout.labels_at + static_cast<size_t>(reviews);
  layout.tokens_at = layout.lengths_at + 2 * static_cast<size_t>(reviews);
  return layout;
}

// Cursor over the stored reviews, in file order (train, validation, test).
struct ReviewCursor {
  const uint8_t* data;
  const Layout& layout;
  uint64_t review = 0;  // index of the next review
  uint64_t token = 0;   // index of the next review's first token
};

// Decodes `count` reviews into a Dataset of `maxlen` steps, each review as Keras loads it:
//   imdb.load_data(num_words):           x = num_words <= x ? 2 : x
//   pad_sequences(maxlen, 'pre', 'pre'): the engine's pad_pre_into (dataset.hpp)
Dataset decode_split(ReviewCursor& cursor, int count, const char* split_name, int num_words,
                     int maxlen) {
  const PackInfo& info = cursor.layout.info;
  Dataset out;
  out.count = count;
  out.time = maxlen;
  out.ids.resize(static_cast<size_t>(count) * static_cast<size_t>(maxlen));
  out.labels.resize(static_cast<size_t>(count));
  for (int i = 0; i < count; ++i, ++cursor.review) {
    const uint8_t label = cursor.data[cursor.layout.labels_at + cursor.review];
    if (label >= info.num_classes) {
      fail_with(Msg::pack_review_label, {split_name, std::to_string(i), std::to_string(label),
                                         std::to_string(info.num_classes)});
    }
    out.labels[static_cast<size_t>(i)] = label;
    const uint16_t length = load_u16(cursor.data + cursor.layout.lengths_at + 2 * cursor.review);
    if (length > info.stored_length || cursor.token + length > cursor.layout.token_count) {
      fail_with(Msg::pack_review_length, {split_name, std::to_string(i), std::to_string(length)});
    }
    const uint8_t* review = cursor.data + cursor.layout.tokens_at + 2 * cursor.token;
    pad_pre_into(out.ids.data() + static_cast<size_t>(i) * maxlen, maxlen, length, [&](size_t t) {
      const int32_t id = load_u16(review + 2 * t);
      if (id >= info.vocab_size) {
        fail_with(Msg::pack_review_token, {split_name, std::to_string(i), std::to_string(id),
                                           std::to_string(info.vocab_size)});
      }
      return id >= num_words ? kOovId : id;
    });
    cursor.token += length;
  }
  return out;
}

}  // namespace

uint32_t crc32(const uint8_t* data, size_t size) {
  static const std::array<uint32_t, 256> table = make_crc_table();
  uint32_t c = 0xFFFFFFFFu;
  for (size_t i = 0; i < size; ++i) c = table[(c ^ data[i]) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

PackInfo read_pack_info(const uint8_t* data, size_t size) { return read_layout(data, size).info; }

DataSplits read_pack(const uint8_t* data, size_t size, int num_words, int maxlen) {
  const Layout layout = read_layout(data, size);
  const PackInfo& info = layout.info;
  if (num_words < 3 || num_words > info.vocab_size) {
    fail_with(Msg::pack_num_words, {std::to_string(num_words), std::to_string(info.vocab_size)});
  }
  if (maxlen < 1 || maxlen > info.stored_length) {
    fail_with(Msg::pack_maxlen, {std::to_string(maxlen), std::to_string(info.stored_length)});
  }
  // The decoded splits hold reviews × maxlen ids whatever the reviews' lengths, so a small pack of
  // many empty reviews could ask for gigabytes at a large maxlen: bounded before any allocation.
  const uint64_t decoded = layout.review_count * static_cast<uint64_t>(maxlen);
  if (decoded > static_cast<uint64_t>(kPackMaxDecodedIds)) {
    const uint64_t largest =
        static_cast<uint64_t>(kPackMaxDecodedIds) / std::max<uint64_t>(layout.review_count, 1);
    fail_with(Msg::pack_too_large, {std::to_string(layout.review_count), std::to_string(maxlen),
                                    std::to_string(largest)});
  }
  ReviewCursor cursor{data, layout};
  DataSplits splits;
  splits.train = decode_split(cursor, info.train_count, "train", num_words, maxlen);
  splits.validation = decode_split(cursor, info.validation_count, "validation", num_words, maxlen);
  splits.test = decode_split(cursor, info.test_count, "test", num_words, maxlen);
  if (cursor.token != layout.token_count) {
    fail_with(Msg::pack_lengths_sum,
              {std::to_string(cursor.token), std::to_string(layout.token_count)});
  }
  return splits;
}

std::string write_pack(const PackContents& contents) {
  if (contents.vocab_size < 3 || contents.vocab_size > kPackMaxVocab) {
    throw ModelError("write_pack: vocab_size " + std::to_string(contents.vocab_size) +
                     " is outside [3, " + std::to_string(kPackMaxVocab) + "]");
  }
  if (contents.stored_length < 1 || contents.stored_length > kPackMaxStoredLength) {
    throw ModelError("write_pack: stored_length " + std::to_string(contents.stored_length) +
                     " is outside [1, " + std::to_string(kPackMaxStoredLength) + "]");
  }
  if (contents.num_classes < 2 || contents.num_classes > kPackMaxClasses) {
    throw ModelError("write_pack: num_classes " + std::to_string(contents.num_classes) +
                     " is outside [2, " + std::to_string(kPackMaxClasses) + "]");
  }
  const PackSplit* splits[3] = {&contents.train, &contents.validation, &contents.test};
  const char* names[3] = {"train", "validation", "test"};
  uint64_t tokens = 0;
  for (int s = 0; s < 3; ++s) {
    const PackSplit& split = *splits[s];
    if (split.labels.size() != split.sequences.size()) {
      throw ModelError(std::string("write_pack: the ") + names[s] + " split has " +
                       std::to_string(split.sequences.size()) + " sequences but " +
                       std::to_string(split.labels.size()) + " labels");
    }
    for (size_t i = 0; i < split.sequences.size(); ++i) {
      const auto& seq = split.sequences[i];
      if (seq.size() > static_cast<size_t>(contents.stored_length)) {
        throw ModelError(std::string("write_pack: ") + names[s] + " sequence " + std::to_string(i) +
                         " has " + std::to_string(seq.size()) +
                         " tokens, more than stored_length " +
                         std::to_string(contents.stored_length));
      }
      for (int32_t id : seq) {
        if (id < 0 || id >= contents.vocab_size) {
          throw ModelError(std::string("write_pack: ") + names[s] + " sequence " +
                           std::to_string(i) + " holds id " + std::to_string(id) +
                           ", outside [0, " + std::to_string(contents.vocab_size) + ")");
        }
      }
      if (split.labels[i] < 0 || split.labels[i] >= contents.num_classes) {
        throw ModelError(std::string("write_pack: ") + names[s] + " label " + std::to_string(i) +
                         " is " + std::to_string(split.labels[i]) + ", outside [0, " +
                         std::to_string(contents.num_classes) + ")");
      }
      tokens += seq.size();
    }
  }
  if (tokens > std::numeric_limits<uint32_t>::max()) {
    throw ModelError("write_pack: " + std::to_string(tokens) + " tokens do not fit one pack");
  }

  std::string out(kPackMagic, sizeof(kPackMagic));
  store_u32(out, kPackVersion);
  store_u32(out, static_cast<uint32_t>(contents.vocab_size));
  store_u32(out, static_cast<uint32_t>(contents.stored_length));
  store_u32(out, static_cast<uint32_t>(contents.num_classes));
  for (const PackSplit* split : splits) store_u32(out, static_cast<uint32_t>(split->labels.size()));
  store_u32(out, static_cast<uint32_t>(tokens));
  for (const PackSplit* split : splits)
    for (int32_t label : split->labels) out.push_back(static_cast<char>(label));
  for (const PackSplit* split : splits)
    for (const auto& seq : split->sequences) store_u16(out, static_cast<uint32_t>(seq.size()));
  for (const PackSplit* split : splits)
    for (const auto& seq : split->sequences)
      for (int32_t id : seq) store_u16(out, static_cast<uint32_t>(id));
  store_u32(out, crc32(reinterpret_cast<const uint8_t*>(out.data()), out.size()));
  return out;
}

}  // namespace rnn
