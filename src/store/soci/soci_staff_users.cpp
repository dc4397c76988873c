// Listing staff users, for the staff page of a bureau's administrator; deactivating and
// reactivating them and changing their role (issue 14).
#include <soci/soci.h>

#include "store/soci/soci_staff_user_row.hpp"
#include "store/soci/soci_store.hpp"
#include "store/soci/soci_util.hpp"

namespace meldpunt {

using soci_util::Guard;
using soci_util::kStaffUserColumns;
using soci_util::ReadStaffUser;

std::vector<StaffUser> SociStore::ListUsers(std::optional<long long> bureau_id) {
  return Guard("listing staff users", [&] {
    soci::session sql(*readers_);
    std::vector<StaffUser> users;
    std::string query = std::string("SELECT ") + kStaffUserColumns + " FROM staff_users ";
    long long bureau = bureau_id.value_or(0);
    if (bureau_id) {
      soci::rowset<soci::row> rows =
          (sql.prepare << query + "WHERE bureau_id = :bureau ORDER BY email", soci::use(bureau));
      for (const auto& row : rows) users.push_back(ReadStaffUser(row));
    } else {
      soci::rowset<soci::row> rows = (sql.prepare << query + "ORDER BY email");
      for (const auto& row : rows) users.push_back(ReadStaffUser(row));
    }
    return users;
  });
}

std::optional<StaffUser> SociStore::GetUser(long long user_id) {
  return Guard("finding a user", [&]() -> std::optional<StaffUser> {
    soci::session sql(*readers_);
    soci::rowset<soci::row> rows = (sql.prepare << std::string("SELECT ") + kStaffUserColumns +
                                                       " FROM staff_users WHERE id = :id",
                                    soci::use(user_id));
    for (const auto& row : rows) return ReadStaffUser(row);
    return std::nullopt;
  });
}

namespace {

// Ends every session and half-login of the user, in the caller's transaction.
void EndAllSessions(soci::session& sql, long long user_id) {
  sql << "DELETE FROM staff_sessions WHERE user_id = :id", soci::use(user_id);
  sql << "DELETE FROM staff_login_pending WHERE user_id = :id", soci::use(user_id);
}

}  // namespace

bool SociStore::SetUserActive(long long user_id, bool active, long long now) {
  return Guard(active ? "reactivating a user" : "deactivating a user", [&] {
    bool changed = false;
    Write([&](soci::session& sql) {
      if (active) {
        soci::statement update =
            (sql.prepare << "UPDATE staff_users SET deactivated_at = NULL WHERE id = :id AND "
                            "deactivated_at IS NOT NULL",
             soci::use(user_id));
        update.execute(true);
        changed = update.get_affected_rows() > 0;
        return;
      }
      soci::statement update =
          (sql.prepare << "UPDATE staff_users SET deactivated_at = :now WHERE id = :id AND "
                          "deactivated_at IS NULL",
           soci::use(now), soci::use(user_id));
      update.execute(true);
      changed = update.get_affected_rows() > 0;
      if (changed) EndAllSessions(sql, user_id);
    });
    return changed;
  });
}

bool SociStore::ChangeUserRole(long long user_id, StaffRole role) {
  return Guard("changing a user's role", [&] {
    bool changed = false;
    std::string code(RoleCode(role));
    Write([&](soci::session& sql) {
      soci::statement update =
          (sql.prepare << "UPDATE staff_users SET role = :role WHERE id = :id AND role <> :role2",
           soci::use(code), soci::use(user_id), soci::use(code));
      update.execute(true);
      changed = update.get_affected_rows() > 0;
      if (changed) EndAllSessions(sql, user_id);
    });
    return changed;
  });
}

bool SociStore::ChangeUserBureau(long long user_id, long long bureau_id) {
  return Guard("moving a user to another bureau", [&] {
    bool changed = false;
    Write([&](soci::session& sql) {
      soci::statement update =
          (sql.prepare << "UPDATE staff_users SET bureau_id = :bureau WHERE id = :id AND "
                          "bureau_id IS NOT NULL AND bureau_id <> :bureau2",
           soci::use(bureau_id), soci::use(user_id), soci::use(bureau_id));
      update.execute(true);
      changed = update.get_affected_rows() > 0;
      if (changed) EndAllSessions(sql, user_id);
    });
    return changed;
  });
}

}  // namespace meldpunt
