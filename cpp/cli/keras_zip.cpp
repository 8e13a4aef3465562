// The .keras zip: checked byte by byte before libzip sees it (keras_file.hpp), read and written
// with Debian's libzip, members stored (not compressed) in Keras' order.

#include <zip.h>

#include <cstdint>
#include <cstdio>
#include <memory>
#include <set>
#include <stdexcept>

#include "cli/keras_file.hpp"
#include "engine/keras_format.hpp"

namespace rnn::cli {
namespace {

[[noreturn]] void bad_zip(const std::string& problem) {
  throw std::runtime_error(
      "not a readable .keras file: " + problem +
      ". Download or save the model again (a .keras file is the zip Keras' model.save writes)");
}

uint32_t u16(const std::string& b, size_t at) {
  return uint32_t(uint8_t(b[at])) | (uint32_t(uint8_t(b[at + 1])) << 8);
}
uint32_t u32(const std::string& b, size_t at) { return u16(b, at) | (u16(b, at + 2) << 16); }

// Why a member name is unsafe to extract anywhere ("" when it is a plain relative name).
std::string name_problem(const std::string& name) {
  if (name.empty()) return "an entry has an empty name";
  if (name[0] == '/' || name.find(':') != std::string::npos || name.find('\\') != std::string::npos)
    return "the entry name '" + name + "' is an absolute path, a drive or uses '\\'";
  size_t start = 0;
  while (start <= name.size()) {
    const size_t end = std::min(name.find('/', start), name.size());
    if (name.compare(start, end - start, "..") == 0)
      return "the entry name '" + name + "' contains '..', which leaves the folder";
    start = end + 1;
  }
  for (unsigned char c : name)
    if (c < 0x20) return "an entry name contains a control character";
  return "";
}

}  // namespace

constexpr uint64_t kMaxMemberBytes = 512ull * 1024 * 1024;

void check_keras_zip(const std::string& b) {
  constexpr size_t kEnd = 22;  // end of central directory record, without its comment
  if (b.size() < kEnd)
    bad_zip("it is " + std::to_string(b.size()) + " bytes long, too short for a zip (truncated?)");
  size_t eocd = std::string::npos;
  const size_t lowest = b.size() > kEnd + 65535 ? b.size() - kEnd - 65535 : 0;
  for (size_t at = b.size() - kEnd + 1; at-- > lowest;) {
    if (u32(b, at) == 0x06054b50u) {
      eocd = at;
      break;
    }
  }
  if (eocd == std::string::npos)
    bad_zip("it has no zip directory at its end: the file is truncated or not a zip");
  const uint32_t entries = u16(b, eocd + 10), cd_size = u32(b, eocd + 12),
                 cd_offset = u32(b, eocd + 16);
  if (u16(b, eocd + 4) != 0 || u16(b, eocd + 6) != 0 || u16(b, eocd + 8) != entries)
    bad_zip("it is a multi-part zip");
  if (entries == 0xFFFF || cd_size == 0xFFFFFFFFu || cd_offset == 0xFFFFFFFFu)
    bad_zip("it is a zip64 archive, which a model file never needs");
  if (entries > 64) bad_zip("it holds " + std::to_string(entries) + " entries");
  if (uint64_t(cd_offset) + cd_size > eocd)
    bad_zip("its directory lies outside the file (truncated?)");
  std::set<std::string> names;
  size_t at = cd_offset;
  for (uint32_t i = 0; i < entries; ++i) {
    if (at + 46 > uint64_t(cd_offset) + cd_size || u32(b, at) != 0x02014b50u)
      bad_zip("its directory is damaged");
    const uint32_t flags = u16(b, at + 8), method = u16(b, at + 10), packed = u32(b, at + 20),
                   size = u32(b, at + 24);
    const size_t name_length = u16(b, at + 28), extra = u16(b, at + 30), comment = u16(b, at + 32);
    const uint32_t local = u32(b, at + 42);
    if (at + 46 + name_length + extra + comment > uint64_t(cd_offset) + cd_size)
      bad_zip("its directory is damaged");
    const std::string name = b.substr(at + 46, name_length);
    if (const std::string problem = name_problem(name); !problem.empty()) bad_zip(problem);
    if (!names.insert(name).second) bad_zip("it holds '" + name + "' twice");
    if (flags & 1) bad_zip("'" + name + "' is encrypted");
    if (method != 0 && method != 8)
      bad_zip("'" + name + "' uses compression method " + std::to_string(method) +
              " (only stored or deflated)");
    // Deflate expands at most ~1032 times; a larger declared size is a zip bomb's lie.
    if (size > kMaxMemberBytes || (method == 0 && size != packed) ||
        (method == 8 && uint64_t(size) > 1032ull * packed + 1024))
      bad_zip("'" + name + "' declares " + std::to_string(size) + " bytes unpacked from " +
              std::to_string(packed) + ", far beyond the file (a zip bomb?)");
    if (uint64_t(local) + 30 + name_length + packed > cd_offset || u32(b, local) != 0x04034b50u)
      bad_zip("the data of '" + name + "' lies outside the file (truncated?)");
    at += 46 + name_length + extra + comment;
  }
  const std::set<std::string> expected(std::begin(kKerasMembers), std::end(kKerasMembers));
  if (names != expected) {
    std::string found;
    for (const std::string& n : names) found += (found.empty() ? "'" : ", '") + n + "'";
    bad_zip("it must hold exactly metadata.json, config.json and model.weights.h5, and it holds " +
            (found.empty() ? std::string("nothing") : found));
  }
}

KerasZip read_keras_zip(const std::string& bytes) {
  check_keras_zip(bytes);
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!source) bad_zip(zip_error_strerror(&error));
  std::unique_ptr<zip_t, int (*)(zip_t*)> archive(
      zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error), zip_close);
  if (!archive) {
    zip_source_free(source);
    const std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    bad_zip(why);
  }
  auto read = [&](const char* name) {
    zip_stat_t stat;
    if (zip_stat(archive.get(), name, 0, &stat) != 0 || !(stat.valid & ZIP_STAT_SIZE))
      bad_zip(std::string("'") + name + "' is missing");
    std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(zip_fopen(archive.get(), name, 0),
                                                           zip_fclose);
    if (!file)
      bad_zip(std::string("'") + name + "' cannot be opened: " + zip_strerror(archive.get()));
    std::string out(stat.size, '\0');
    const zip_int64_t got = zip_fread(file.get(), out.data(), stat.size);
    char extra;
    if (got != zip_int64_t(stat.size) || zip_fread(file.get(), &extra, 1) != 0)
      bad_zip(std::string("'") + name +
              "' is damaged (its data does not match its size or checksum)");
    return out;
  };
  KerasZip zip;
  zip.metadata = read(kKerasMembers[0]);
  zip.config = read(kKerasMembers[1]);
  zip.weights = read(kKerasMembers[2]);
  return zip;
}

void write_keras_zip(const std::string& path, const KerasZip& members) {
  const std::string partial = path + ".partial";
  std::remove(partial.c_str());
  int code = 0;
  zip_t* archive = zip_open(partial.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &code);
  if (!archive)
    throw std::runtime_error("cannot create '" + path + "' (libzip error " + std::to_string(code) +
                             ")");
  const std::string* data[3] = {&members.metadata, &members.config, &members.weights};
  for (int i = 0; i < 3; ++i) {
    zip_source_t* source = zip_source_buffer(archive, data[i]->data(), data[i]->size(), 0);
    const zip_int64_t index =
        source ? zip_file_add(archive, kKerasMembers[i], source, ZIP_FL_ENC_UTF_8) : -1;
    if (index < 0 || zip_set_file_compression(archive, zip_uint64_t(index), ZIP_CM_STORE, 0) != 0) {
      if (source && index < 0) zip_source_free(source);
      const std::string why = zip_strerror(archive);
      zip_discard(archive);
      throw std::runtime_error("cannot write '" + path + "': " + why);
    }
  }
  if (zip_close(archive) != 0) {
    const std::string why = zip_strerror(archive);
    zip_discard(archive);
    std::remove(partial.c_str());
    throw std::runtime_error("cannot write '" + path + "': " + why);
  }
  if (std::rename(partial.c_str(), path.c_str()) != 0) {
    std::remove(partial.c_str());
    throw std::runtime_error("cannot write '" + path + "'");
  }
}

}  // namespace rnn::cli
