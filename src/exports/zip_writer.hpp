#pragma once
// A ZIP archive built in memory (libzip behind it, which no header shows), for downloads that
// hold several files, such as all municipal reports of a working area.
#include <string>
#include <vector>

namespace meldpunt::exports {

struct ZipEntry {
  std::string name;  // a plain file name or a relative path with "/"; never absolute or ".."
  std::string data;
};

inline constexpr size_t kMaxZipEntries = 10'000;

// The archive's bytes, entries deflated in the given order with `mtime` (Unix seconds) as their
// time, so the same entries give the same bytes. Throws std::invalid_argument for a bad or
// repeated name or too many entries, std::runtime_error when libzip fails.
std::string WriteZip(const std::vector<ZipEntry>& entries, long long mtime);

}  // namespace meldpunt::exports
