// Listing staff users, for the staff page of a bureau's administrator.
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

}  // namespace meldpunt
