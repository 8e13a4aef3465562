// libFuzzer target: the data pack reader (read_pack_info, read_pack).
// Input: num_words (uint16 LE), maxlen (uint16 LE), one flags byte, then the pack's bytes. Flag bit
// 0 reseals the pack (rewrites its CRC-32) so that mutations also reach the decoder behind the
// checksum. Contract checked: only ModelError is thrown; a pack that decodes holds what its header
// announces, every id below num_words, every label below num_classes, and never more than
// kPackMaxDecodedIds ids (libFuzzer's default malloc limit reports any larger allocation).

#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/pack.hpp"

namespace {

void check_split(const rnn::Dataset& d, int count, int maxlen, int num_words, int classes) {
  if (d.count != count || d.time != maxlen) __builtin_trap();
  if (d.ids.size() != size_t(count) * size_t(maxlen) || d.labels.size() != size_t(count))
    __builtin_trap();
  for (int32_t id : d.ids)
    if (id < 0 || id >= num_words) __builtin_trap();
  for (int32_t label : d.labels)
    if (label < 0 || label >= classes) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 5) return 0;
  const int num_words = data[0] | (data[1] << 8);
  const int maxlen = data[2] | (data[3] << 8);
  std::vector<uint8_t> pack(data + 5, data + size);
  if ((data[4] & 1) && pack.size() >= rnn::kPackChecksumBytes) {
    const size_t payload = pack.size() - rnn::kPackChecksumBytes;
    const uint32_t crc = rnn::crc32(pack.data(), payload);
    for (size_t i = 0; i < 4; ++i) pack[payload + i] = static_cast<uint8_t>(crc >> (8 * i));
  }
  rnn::PackInfo info;
  try {
    info = rnn::read_pack_info(pack.data(), pack.size());
  } catch (const rnn::ModelError&) {
    return 0;
  }
  try {
    const rnn::DataSplits splits = rnn::read_pack(pack.data(), pack.size(), num_words, maxlen);
    const int64_t reviews = int64_t(info.train_count) + info.validation_count + info.test_count;
    if (reviews * maxlen > rnn::kPackMaxDecodedIds) __builtin_trap();
    check_split(splits.train, info.train_count, maxlen, num_words, info.num_classes);
    check_split(splits.validation, info.validation_count, maxlen, num_words, info.num_classes);
    check_split(splits.test, info.test_count, maxlen, num_words, info.num_classes);
  } catch (const rnn::ModelError&) {
  }
  return 0;
}
