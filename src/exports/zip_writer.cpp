#include "exports/zip_writer.hpp"

#include <zip.h>

#include <set>
#include <stdexcept>

namespace meldpunt::exports {
namespace {

bool SafeName(const std::string& name) {
  if (name.empty() || name.size() > 255 || name.front() == '/' || name.back() == '/') return false;
  size_t start = 0;
  while (start <= name.size()) {
    size_t end = name.find('/', start);
    if (end == std::string::npos) end = name.size();
    std::string_view part(name.data() + start, end - start);
    if (part.empty() || part == "." || part == "..") return false;
    start = end + 1;
  }
  for (unsigned char c : name)
    if (c < 0x20 || c == 0x7F || c == '\\' || c == ':') return false;
  return true;
}

std::string ErrorText(zip_error_t* error) {
  std::string text = zip_error_strerror(error);
  zip_error_fini(error);
  return text;
}

}  // namespace

std::string WriteZip(const std::vector<ZipEntry>& entries, long long mtime) {
  if (entries.size() > kMaxZipEntries) throw std::invalid_argument("zip: too many entries");
  std::set<std::string> names;
  for (const auto& entry : entries) {
    if (!SafeName(entry.name)) throw std::invalid_argument("zip: bad entry name " + entry.name);
    if (!names.insert(entry.name).second)
      throw std::invalid_argument("zip: repeated entry name " + entry.name);
  }
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (!buffer) throw std::runtime_error("zip: " + ErrorText(&error));
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (!archive) {
    zip_source_free(buffer);
    throw std::runtime_error("zip: " + ErrorText(&error));
  }
  zip_source_keep(buffer);  // read the bytes from it after zip_close
  auto fail = [&](const std::string& what) {
    std::string text = what + ": " + zip_strerror(archive);
    zip_discard(archive);
    zip_source_free(buffer);
    throw std::runtime_error("zip: " + text);
  };
  for (const auto& entry : entries) {
    // The data stays alive in `entries` until zip_close has read it.
    zip_source_t* source = zip_source_buffer(archive, entry.data.data(), entry.data.size(), 0);
    if (!source) fail("source");
    zip_int64_t index = zip_file_add(archive, entry.name.c_str(), source, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      zip_source_free(source);
      fail("add " + entry.name);
    }
    if (zip_file_set_mtime(archive, static_cast<zip_uint64_t>(index), static_cast<time_t>(mtime),
                           0) < 0)
      fail("time");
  }
  if (zip_close(archive) < 0) fail("close");
  std::string bytes;
  zip_stat_t stat;
  if (zip_source_stat(buffer, &stat) < 0 || zip_source_open(buffer) < 0) {
    zip_source_free(buffer);
    throw std::runtime_error("zip: cannot read the archive back");
  }
  bytes.resize(static_cast<size_t>(stat.size));
  zip_int64_t read = zip_source_read(buffer, bytes.data(), bytes.size());
  zip_source_close(buffer);
  zip_source_free(buffer);
  if (read < 0 || static_cast<size_t>(read) != bytes.size())
    throw std::runtime_error("zip: cannot read the archive back");
  return bytes;
}

}  // namespace meldpunt::exports
