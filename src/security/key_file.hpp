#pragma once
// The master key lives in a file outside the database, created on first start with mode 0600.
#include <string>

#include "base/result.hpp"
#include "security/crypto.hpp"

namespace meldpunt {

Result<Key> LoadOrCreateKeyFile(const std::string& path);

}  // namespace meldpunt
