// HDF5 for the CLI's Keras files (keras_file.hpp) with Debian's libhdf5 (C API, 1.10): files are
// opened from and written to memory images (the core driver), never by name on disk.

#include <hdf5.h>

#include <cstring>
#include <functional>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "cli/keras_file.hpp"

namespace rnn::cli {
namespace {

using nlohmann::json;

// Closes an HDF5 handle at scope exit.
struct Handle {
  hid_t id;
  herr_t (*close)(hid_t);
  Handle(hid_t i, herr_t (*c)(hid_t)) : id(i), close(c) {}
  ~Handle() {
    if (id >= 0) close(id);
  }
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
};

uint64_t u64(const std::string& b, size_t at) {
  uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | uint8_t(b[at + i]);
  return v;
}

[[noreturn]] void bad_hdf5(const std::string& what, const std::string& problem) {
  throw std::runtime_error(what + " is not an HDF5 file Keras wrote: " + problem +
                           ". Save the model again");
}

// The file as an in-memory HDF5 file (read-only; libhdf5 copies the image).
hid_t open_image(const std::string& bytes, const std::string& what) {
  check_hdf5_superblock(bytes, what);
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);  // errors become our messages, not stderr dumps
  Handle fapl(H5Pcreate(H5P_FILE_ACCESS), H5Pclose);
  if (H5Pset_fapl_core(fapl.id, 1 << 16, 0) < 0 ||
      H5Pset_file_image(fapl.id, const_cast<char*>(bytes.data()), bytes.size()) < 0)
    throw std::runtime_error("cannot hand " + what + " to libhdf5");
  const hid_t file = H5Fopen("model.h5", H5F_ACC_RDONLY, fapl.id);
  if (file < 0) bad_hdf5(what, "libhdf5 cannot open it (damaged or truncated)");
  return file;
}

std::string dtype_name(hid_t type) {
  const size_t size = H5Tget_size(type);
  switch (H5Tget_class(type)) {
    case H5T_FLOAT:
      return size == 4   ? "float32"
             : size == 8 ? "float64"
             : size == 2 ? "float16"
                         : "float" + std::to_string(size * 8);
    case H5T_INTEGER:
      return std::string(H5Tget_sign(type) == H5T_SGN_NONE ? "uint" : "int") +
             std::to_string(size * 8);
    case H5T_STRING:
      return "string";
    default:
      return "other";
  }
}

// A string attribute (scalar or list; fixed or variable length) as JSON; null for other types.
json string_attribute(hid_t attr) {
  Handle type(H5Aget_type(attr), H5Tclose);
  Handle space(H5Aget_space(attr), H5Sclose);
  if (H5Tget_class(type.id) != H5T_STRING) return nullptr;
  const hssize_t count = H5Sget_simple_extent_npoints(space.id);
  const int rank = H5Sget_simple_extent_ndims(space.id);
  if (count < 0 || count > 1000000 || rank > 1) return nullptr;
  std::vector<std::string> values;
  Handle memory(H5Tcopy(H5T_C_S1), H5Tclose);
  H5Tset_cset(memory.id, H5Tget_cset(type.id));  // h5py writes str as UTF-8; no conversion wanted
  if (H5Tis_variable_str(type.id) > 0) {
    H5Tset_size(memory.id, H5T_VARIABLE);
    std::vector<char*> raw(size_t(count), nullptr);
    if (H5Aread(attr, memory.id, raw.data()) < 0) return nullptr;
    for (char* s : raw) values.emplace_back(s ? s : "");
    H5Dvlen_reclaim(memory.id, space.id, H5P_DEFAULT, raw.data());
  } else {
    const size_t size = H5Tget_size(type.id);
    if (size == 0 || size > (64u << 20) / size_t(count ? count : 1)) return nullptr;
    H5Tset_size(memory.id, size);
    H5Tset_strpad(memory.id, H5T_STR_NULLPAD);  // NumPy's fixed-length bytes fill the whole width
    std::string raw(size * size_t(count), '\0');
    if (H5Aread(attr, memory.id, raw.data()) < 0) return nullptr;
    for (hssize_t i = 0; i < count; ++i) {
      std::string s = raw.substr(size_t(i) * size, size);
      values.push_back(s.substr(0, s.find('\0')));
    }
  }
  if (rank == 0 && values.size() == 1) return values[0];
  return values;
}

json group_attributes(hid_t group) {
  json attrs = json::object();
  H5O_info_t info;
  if (H5Oget_info(group, &info) < 0 || info.num_attrs > 1000) return attrs;
  for (hsize_t i = 0; i < info.num_attrs; ++i) {
    Handle attr(H5Aopen_by_idx(group, ".", H5_INDEX_NAME, H5_ITER_INC, i, H5P_DEFAULT, H5P_DEFAULT),
                H5Aclose);
    if (attr.id < 0) continue;
    char name[256] = {0};
    if (H5Aget_name(attr.id, sizeof name, name) < 0) continue;
    json value = string_attribute(attr.id);
    if (!value.is_null()) attrs[name] = std::move(value);
  }
  return attrs;
}

struct Walk {
  json datasets = json::array();
  json attrs = json::object();
  std::string problem;
  size_t visited = 0;
};

herr_t visit_link(hid_t root, const char* name, const H5L_info_t* info, void* data) {
  Walk& walk = *static_cast<Walk*>(data);
  if (++walk.visited > 100000) {
    walk.problem = "it holds over 100000 objects";
    return -1;
  }
  if (info->type != H5L_TYPE_HARD) {
    walk.problem = std::string("'") + name + "' is a soft or external link";
    return -1;
  }
  Handle object(H5Oopen(root, name, H5P_DEFAULT), H5Oclose);
  if (object.id < 0) {
    walk.problem = std::string("'") + name + "' cannot be opened";
    return -1;
  }
  const H5I_type_t kind = H5Iget_type(object.id);
  if (kind == H5I_GROUP) {
    walk.attrs["/" + std::string(name)] = group_attributes(object.id);
  } else if (kind == H5I_DATASET) {
    Handle space(H5Dget_space(object.id), H5Sclose);
    Handle type(H5Dget_type(object.id), H5Tclose);
    const int rank = H5Sget_simple_extent_ndims(space.id);
    if (rank < 0 || rank > 32) {
      walk.problem = std::string("'") + name + "' has an unreadable shape";
      return -1;
    }
    hsize_t dims[32];
    H5Sget_simple_extent_dims(space.id, dims, nullptr);
    json shape = json::array();
    for (int i = 0; i < rank; ++i) shape.push_back(uint64_t(dims[i]));
    walk.datasets.push_back({{"path", name}, {"shape", shape}, {"dtype", dtype_name(type.id)}});
  }
  return 0;
}

}  // namespace

void check_hdf5_superblock(const std::string& b, const std::string& what) {
  static const char kSignature[8] = {'\x89', 'H', 'D', 'F', '\r', '\n', '\x1a', '\n'};
  if (b.size() < 8 || std::memcmp(b.data(), kSignature, 8) != 0)
    bad_hdf5(what, "it does not start with HDF5's signature");
  const int version = uint8_t(b.size() > 8 ? b[8] : 255);
  size_t offsets_at, lengths_at, base_at, end_at, minimum;
  if (version == 0 || version == 1) {
    offsets_at = 13, lengths_at = 14, base_at = version == 0 ? 24 : 28, end_at = base_at + 16,
    minimum = base_at + 32;
  } else if (version == 2 || version == 3) {
    offsets_at = 9, lengths_at = 10, base_at = 12, end_at = 28, minimum = 48;
  } else {
    bad_hdf5(what, "its superblock version " + std::to_string(version) + " is unknown");
  }
  if (b.size() < minimum) bad_hdf5(what, "it is truncated within its superblock");
  if (b[offsets_at] != 8 || b[lengths_at] != 8)
    bad_hdf5(what, "it uses addresses other than 8 bytes");
  if (u64(b, base_at) != 0) bad_hdf5(what, "it has a user block before its data");
  const uint64_t end = u64(b, end_at);
  if (end > b.size())
    bad_hdf5(what, "its superblock says " + std::to_string(end) + " bytes but the file has " +
                       std::to_string(b.size()) + " (truncated)");
}

std::string hdf5_listing(const std::string& bytes, const std::string& what) {
  Handle file(open_image(bytes, what), H5Fclose);
  Walk walk;
  walk.attrs["/"] = group_attributes(file.id);
  if (H5Lvisit(file.id, H5_INDEX_NAME, H5_ITER_INC, visit_link, &walk) < 0)
    bad_hdf5(what, walk.problem.empty() ? "its groups cannot be walked (damaged)" : walk.problem);
  return json{{"datasets", walk.datasets}, {"attrs", walk.attrs}}.dump();
}

std::vector<float> hdf5_read_weights(const std::string& bytes,
                                     const std::vector<KerasDataset>& datasets, int64_t total) {
  Handle file(open_image(bytes, "the weights file"), H5Fclose);
  std::vector<float> params(static_cast<size_t>(total), 0.0f);
  for (const KerasDataset& d : datasets) {
    Handle set(H5Dopen2(file.id, d.path.c_str(), H5P_DEFAULT), H5Dclose);
    int64_t count = 1;
    for (int n : d.shape) count *= n;
    if (set.id < 0 || d.offset < 0 || d.offset + count > total ||
        H5Dread(set.id, H5T_NATIVE_FLOAT, H5S_ALL, H5S_ALL, H5P_DEFAULT, params.data() + d.offset) <
            0)
      throw std::runtime_error("the weights file's dataset '" + d.path +
                               "' cannot be read (damaged); save the model again");
  }
  return params;
}

std::string hdf5_write_weights(const KerasArchive& archive, const std::vector<float>& params) {
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  Handle fapl(H5Pcreate(H5P_FILE_ACCESS), H5Pclose);
  H5Pset_fapl_core(fapl.id, 1 << 20, 0);
  Handle file(H5Fcreate("model.weights.h5", H5F_ACC_TRUNC, H5P_DEFAULT, fapl.id), H5Fclose);
  if (file.id < 0) throw std::runtime_error("libhdf5 cannot create the weights file");
  for (const std::string& group : archive.groups) {
    Handle g(H5Gcreate2(file.id, group.c_str(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT), H5Gclose);
    if (g.id < 0) throw std::runtime_error("libhdf5 cannot create the group " + group);
  }
  for (const KerasDataset& d : archive.datasets) {
    std::vector<hsize_t> dims(d.shape.begin(), d.shape.end());
    Handle space(H5Screate_simple(int(dims.size()), dims.data(), nullptr), H5Sclose);
    Handle set(H5Dcreate2(file.id, d.path.c_str(), H5T_IEEE_F32LE, space.id, H5P_DEFAULT,
                          H5P_DEFAULT, H5P_DEFAULT),
               H5Dclose);
    if (set.id < 0 || H5Dwrite(set.id, H5T_NATIVE_FLOAT, H5S_ALL, H5S_ALL, H5P_DEFAULT,
                               params.data() + d.offset) < 0)
      throw std::runtime_error("libhdf5 cannot write the dataset " + d.path);
  }
  H5Fflush(file.id, H5F_SCOPE_GLOBAL);
  const ssize_t size = H5Fget_file_image(file.id, nullptr, 0);
  std::string image(size > 0 ? size_t(size) : 0, '\0');
  if (size <= 0 || H5Fget_file_image(file.id, image.data(), image.size()) != size)
    throw std::runtime_error("libhdf5 cannot produce the weights file");
  return image;
}

}  // namespace rnn::cli
