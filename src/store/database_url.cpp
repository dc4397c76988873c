#include "store/database_url.hpp"

namespace meldpunt {

Result<DatabaseUrl> ParseDatabaseUrl(std::string_view url) {
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    return DatabaseUrl{Engine::kPostgres, std::string(url)};
  }
  if (url.starts_with("sqlite:")) {
    std::string_view path = url.substr(7);
    if (path.starts_with("//")) path.remove_prefix(2);  // sqlite:///abs/path -> /abs/path
    if (path.empty()) return Error{"database URL names no SQLite file: " + std::string(url)};
    return DatabaseUrl{Engine::kSqlite, std::string(path)};
  }
  return Error{"database URL must start with sqlite: or postgresql:// (got \"" + std::string(url) +
               "\")"};
}

}  // namespace meldpunt
