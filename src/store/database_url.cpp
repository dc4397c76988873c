#include "store/database_url.hpp"

#include <boost/url/parse.hpp>

namespace meldpunt {

namespace {

// libpq keyword values are quoted, with backslash and quote escaped.
std::string QuoteKeywordValue(std::string_view value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\\' || c == '\'') out += '\\';
    out += c;
  }
  return out + "'";
}

}  // namespace

Result<std::string> PostgresKeywords(std::string_view url) {
  auto parsed = boost::urls::parse_uri(url);
  if (!parsed) return Error{"malformed PostgreSQL URL"};
  std::string out;
  auto add = [&](std::string_view key, std::string_view value) {
    if (value.empty()) return;
    if (!out.empty()) out += ' ';
    out += std::string(key) + "=" + QuoteKeywordValue(value);
  };
  add("host", std::string(parsed->host()));
  add("port", parsed->port());
  std::string db = parsed->path();
  if (!db.empty() && db.front() == '/') db.erase(0, 1);
  add("dbname", db);
  add("user", std::string(parsed->user()));
  add("password", std::string(parsed->password()));
  for (auto param : parsed->params()) {
    // Only libpq's own keyword names: letters and underscores.
    if (param.key.empty() ||
        param.key.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") != std::string::npos) {
      return Error{"unsupported PostgreSQL URL parameter: " + std::string(param.key)};
    }
    add(param.key, param.value);
  }
  return out;
}

Result<DatabaseUrl> ParseDatabaseUrl(std::string_view url) {
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    // SOCI 4.0 reads its connection string as libpq keywords, not as a URI.
    auto keywords = PostgresKeywords(url);
    if (!keywords) return Error{keywords.error()};
    return DatabaseUrl{Engine::kPostgres, *keywords};
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
