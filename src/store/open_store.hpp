#pragma once
#include <memory>
#include <optional>
#include <string>

#include "security/crypto.hpp"
#include "store/store.hpp"

namespace meldpunt {

// Opens the database a URL names (creating the SQLite file's folder if needed) and migrates it.
// Without a data key, the encrypted fields of reports can be neither read nor written; without
// the audit chain key, no audit entry can be written or verified.
std::unique_ptr<Store> OpenStore(const std::string& database_url, std::optional<Key> data_key,
                                 std::optional<Key> audit_key = std::nullopt);

}  // namespace meldpunt
