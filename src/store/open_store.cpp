#include "store/open_store.hpp"

#include <filesystem>

#include "store/database_url.hpp"
#include "store/soci/soci_store.hpp"

namespace meldpunt {

std::unique_ptr<Store> OpenStore(const std::string& database_url, std::optional<Key> data_key,
                                 std::optional<Key> audit_key) {
  auto url = ParseDatabaseUrl(database_url);
  if (!url) throw StoreError(url.error());
  if (url->engine == Engine::kSqlite) {
    auto folder = std::filesystem::path(url->target).parent_path();
    if (!folder.empty()) std::filesystem::create_directories(folder);
  }
  size_t pool = url->engine == Engine::kSqlite ? 4 : 8;
  return std::make_unique<SociStore>(*url, data_key, pool, audit_key);
}

}  // namespace meldpunt
