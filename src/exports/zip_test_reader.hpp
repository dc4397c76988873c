#pragma once
// For tests: reads entries back from ZIP bytes (libzip), as a downloader's unzip would.
#include <optional>
#include <string>
#include <vector>

namespace meldpunt::exports::testing {

// The names of the entries, in the archive's order.
std::vector<std::string> ZipNames(const std::string& zip);
// One entry's content, or nullopt when the archive has no such entry.
std::optional<std::string> ZipEntryData(const std::string& zip, const std::string& name);
// The Unix time stored for an entry.
long long ZipEntryTime(const std::string& zip, const std::string& name);

}  // namespace meldpunt::exports::testing
