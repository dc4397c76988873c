// Saved filters of the list of reports, per staff member (issue 14). The name is sealed with the
// user's id as associated data, so a name cannot be moved to another user's list unnoticed.
#include <soci/soci.h>

#include "store/soci/soci_store.hpp"
#include "store/soci/soci_util.hpp"

namespace meldpunt {

using soci_util::GetInteger;
using soci_util::Guard;

namespace {

std::string NameAd(long long user_id) { return "saved_filters.name:" + std::to_string(user_id); }

}  // namespace

std::vector<SavedFilter> SociStore::ListSavedFilters(long long user_id) {
  return Guard("reading saved filters", [&] {
    soci::session sql(*readers_);
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT id, name_enc, query FROM saved_filters WHERE user_id = :user "
                        "ORDER BY id",
         soci::use(user_id));
    std::vector<SavedFilter> filters;
    for (const auto& row : rows) {
      SavedFilter filter;
      filter.id = GetInteger(row, 0);
      auto name = cipher().Open(row.get<std::string>(1), NameAd(user_id));
      if (!name) throw StoreError("a saved filter's name does not decrypt: " + name.error());
      filter.name = std::move(*name);
      filter.query = row.get<std::string>(2);
      filters.push_back(std::move(filter));
    }
    return filters;
  });
}

bool SociStore::AddSavedFilter(long long user_id, const std::string& name, const std::string& query,
                               long long now, int max_per_user) {
  return Guard("saving a filter", [&] {
    std::string sealed = cipher().Seal(name, NameAd(user_id));
    bool added = false;
    Write([&](soci::session& sql) {
      // Counted and added in one transaction, so the limit holds: on SQLite the single writer
      // orders them; on PostgreSQL the user's row is locked until this one commits.
      if (url_.engine == Engine::kPostgres) {
        long long locked = 0;
        sql << "SELECT id FROM staff_users WHERE id = :user FOR UPDATE", soci::use(user_id),
            soci::into(locked);
      }
      long long count = 0;
      sql << "SELECT COUNT(*) FROM saved_filters WHERE user_id = :user", soci::use(user_id),
          soci::into(count);
      if (count >= max_per_user) return;
      sql << "INSERT INTO saved_filters (user_id, name_enc, query, created_at) VALUES (:user, "
             ":name, :query, :at)",
          soci::use(user_id), soci::use(sealed), soci::use(query), soci::use(now);
      added = true;
    });
    return added;
  });
}

bool SociStore::DeleteSavedFilter(long long user_id, long long filter_id) {
  return Guard("deleting a saved filter", [&] {
    bool deleted = false;
    Write([&](soci::session& sql) {
      soci::statement remove =
          (sql.prepare << "DELETE FROM saved_filters WHERE id = :id AND user_id = :user",
           soci::use(filter_id), soci::use(user_id));
      remove.execute(true);
      deleted = remove.get_affected_rows() > 0;
    });
    return deleted;
  });
}

}  // namespace meldpunt
