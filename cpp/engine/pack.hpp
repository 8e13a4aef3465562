#pragma once
// Data packs: labelled token-id sequences in one compact binary file (docs/pack-format.md), and
// the engine's one reader of them. The CLI hands it a file's bytes, the worker a fetched buffer.
//
// A pack stores, for every review, its last `stored_length` token ids at a vocabulary of
// `vocab_size` (larger ids were written as 2, out of vocabulary). Any smaller vocabulary
// (num_words) and any shorter length (maxlen) are derived on load, as Keras does:
//   imdb.load_data(num_words):  id >= num_words  ->  2
//   pad_sequences(maxlen):      padding='pre' (zeros in front), truncating='pre' (keep the last
//                               maxlen tokens)
// Both steps commute with what the writer did, so the result equals applying them to the full
// reviews.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/dataset.hpp"
#include "engine/model_spec.hpp"

namespace rnn {

// Format constants (docs/pack-format.md).
inline constexpr char kPackMagic[8] = {'R', 'N', 'N', 'P', 'A', 'C', 'K', '\0'};
inline constexpr int kPackVersion = 1;
inline constexpr size_t kPackHeaderBytes = 40;
inline constexpr size_t kPackChecksumBytes = 4;
inline constexpr int kPackMaxVocab = 65536;         // ids are stored as uint16
inline constexpr int kPackMaxStoredLength = 65535;  // lengths are stored as uint16
inline constexpr int kPackMaxClasses = 256;         // labels are stored as uint8
// The most token ids read_pack decodes in one call (reviews × maxlen; 256 MB as int32): the book's
// pack at its full length is 25,000,000. A pack whose header is small cannot make it ask for more.
inline constexpr int64_t kPackMaxDecodedIds = int64_t(1) << 26;

struct PackInfo {
  int version;
  int vocab_size;     // the largest num_words the pack supports (stored ids are < vocab_size)
  int stored_length;  // tokens kept per review: the largest maxlen the pack supports
  int train_count, validation_count, test_count;
  int num_classes;  // labels are in [0, num_classes); 2 for IMDB
};

// Reads and checks the header, the byte size and the checksum. Throws ModelError naming what is
// wrong for truncated, corrupt, foreign (not a pack) or newer-version bytes.
PackInfo read_pack_info(const uint8_t* data, size_t size);

// Decodes the three splits with ids >= num_words replaced by 2 and every sequence padded and
// truncated 'pre' to maxlen. Requires 3 <= num_words <= vocab_size, 1 <= maxlen <= stored_length
// and reviews × maxlen <= kPackMaxDecodedIds (ModelError otherwise, saying which values the pack
// supports).
DataSplits read_pack(const uint8_t* data, size_t size, int num_words, int maxlen);

// What a writer puts in a pack; sequences are stored as given (already cut to stored_length and
// already using 2 for ids >= vocab_size).
struct PackSplit {
  std::vector<std::vector<int32_t>> sequences;
  std::vector<int32_t> labels;
};
struct PackContents {
  int vocab_size = 0;
  int stored_length = 0;
  int num_classes = 2;
  PackSplit train, validation, test;
};

// The pack's bytes. Throws ModelError when the contents do not fit the format (an id outside
// [0, vocab_size), a sequence longer than stored_length, a label outside [0, num_classes), label
// and sequence counts that differ). The build writes packs with the TypeScript writer
// (web/src/data/pack.ts); this one serves tests and tools, and both produce the same bytes.
std::string write_pack(const PackContents& contents);

// CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320): the pack's checksum.
uint32_t crc32(const uint8_t* data, size_t size);

}  // namespace rnn
