#include "exports/zip_test_reader.hpp"

#include <zip.h>

#include <stdexcept>

namespace meldpunt::exports::testing {
namespace {

// An open archive over the bytes, closed when it goes.
struct Reader {
  zip_t* archive = nullptr;
  explicit Reader(const std::string& zip) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(zip.data(), zip.size(), 0, &error);
    if (!source) throw std::runtime_error("not a buffer");
    archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (!archive) {
      zip_source_free(source);
      throw std::runtime_error(std::string("not a zip: ") + zip_error_strerror(&error));
    }
  }
  ~Reader() { zip_discard(archive); }
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;
};

}  // namespace

std::vector<std::string> ZipNames(const std::string& zip) {
  Reader reader(zip);
  std::vector<std::string> names;
  zip_int64_t count = zip_get_num_entries(reader.archive, 0);
  for (zip_int64_t i = 0; i < count; ++i)
    names.emplace_back(zip_get_name(reader.archive, static_cast<zip_uint64_t>(i), 0));
  return names;
}

std::optional<std::string> ZipEntryData(const std::string& zip, const std::string& name) {
  Reader reader(zip);
  zip_stat_t stat;
  if (zip_stat(reader.archive, name.c_str(), 0, &stat) < 0) return std::nullopt;
  zip_file_t* file = zip_fopen(reader.archive, name.c_str(), 0);
  if (!file) return std::nullopt;
  std::string data(static_cast<size_t>(stat.size), '\0');
  zip_int64_t read = zip_fread(file, data.data(), data.size());
  zip_fclose(file);
  if (read < 0 || static_cast<size_t>(read) != data.size()) throw std::runtime_error("short read");
  return data;
}

long long ZipEntryTime(const std::string& zip, const std::string& name) {
  Reader reader(zip);
  zip_stat_t stat;
  if (zip_stat(reader.archive, name.c_str(), 0, &stat) < 0) throw std::runtime_error("no entry");
  return static_cast<long long>(stat.mtime);
}

}  // namespace meldpunt::exports::testing
