#pragma once
// Which engine and where: "sqlite:var/meldpunt.db", "sqlite:///abs/path.db" or
// "postgresql://user:pass@host:port/db".
#include <string>
#include <string_view>

#include "domain/result.hpp"

namespace meldpunt {

enum class Engine { kSqlite, kPostgres };

struct DatabaseUrl {
  Engine engine;
  std::string target;  // the SQLite file path, or the libpq connection URI
};

Result<DatabaseUrl> ParseDatabaseUrl(std::string_view url);

}  // namespace meldpunt
