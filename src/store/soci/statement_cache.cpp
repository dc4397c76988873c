#include "store/soci/statement_cache.hpp"

#include <soci/sqlite3/soci-sqlite3.h>

namespace meldpunt {
namespace {

// The writer thread's cache for its own connection (WriteQueue::Loop sets it).
thread_local StatementCache* kept_for_thread = nullptr;

}  // namespace

namespace statement_cache_detail {

void ThrowNull(std::string_view text) {
  throw soci::soci_error("NULL read into a variable that cannot hold it: " + std::string(text));
}

}  // namespace statement_cache_detail

StatementCache::StatementCache(soci::session& sql, bool keep)
    : sql_(sql), keep_(keep), sqlite_(sql.get_backend_name() == "sqlite3") {}

StatementCache::~StatementCache() = default;

StatementCache::Outcome StatementCache::Finish(soci::statement& statement, bool fetch) {
  Outcome outcome;
  try {
    outcome.got = statement.execute(true);
    if (!fetch) outcome.changed = statement.get_affected_rows();
  } catch (...) {
    Reset(statement);
    throw;
  }
  Reset(statement);
  return outcome;
}

void StatementCache::Reset(soci::statement& statement) {
  // A statement left on a row (or an INSERT ... RETURNING not stepped to its end) would keep its
  // transaction from committing; soci resets only on the next run.
  if (!sqlite_) return;
  auto* backend = static_cast<soci::sqlite3_statement_backend*>(statement.get_backend());
  if (backend->stmt_ != nullptr) sqlite_api::sqlite3_reset(backend->stmt_);
}

PreparedStatements::PreparedStatements(soci::session& sql) {
  if (kept_for_thread != nullptr && &kept_for_thread->session() == &sql) {
    cache_ = kept_for_thread;
  } else {
    own_.emplace(sql, false);
    cache_ = &*own_;
  }
}

void PreparedStatements::KeepForThisThread(StatementCache* cache) { kept_for_thread = cache; }

}  // namespace meldpunt
