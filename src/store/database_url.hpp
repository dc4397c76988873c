#pragma once
// Which engine and where: "sqlite:var/meldpunt.db", "sqlite:///abs/path.db" or
// "postgresql://user:pass@host:port/db".
#include <string>
#include <string_view>

#include "base/result.hpp"

namespace meldpunt {

enum class Engine { kSqlite, kPostgres };

struct DatabaseUrl {
  Engine engine;
  std::string target;  // the SQLite file path, or libpq keywords ("host='h' port='5432' ...")
};

Result<DatabaseUrl> ParseDatabaseUrl(std::string_view url);
// "postgresql://u:p@h:5432/db?sslmode=require" -> "host='h' port='5432' dbname='db' user='u' ...".
Result<std::string> PostgresKeywords(std::string_view url);

}  // namespace meldpunt
