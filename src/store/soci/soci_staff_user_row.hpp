#pragma once
// Reading a staff user from a row, shared by the SOCI store files that list or find users.
#include <soci/soci.h>

#include "store/soci/soci_util.hpp"
#include "store/store.hpp"

namespace meldpunt::soci_util {

// The columns ReadStaffUser expects, in its order (without the password hash).
inline constexpr const char* kStaffUserColumns =
    "id, email, role, bureau_id, municipality, "
    "CASE WHEN totp_secret_enc IS NULL THEN 0 ELSE 1 END, last_login_at, deactivated_at";
inline constexpr std::size_t kStaffUserColumnCount = 8;

inline StaffUser ReadStaffUser(const soci::row& row) {
  StaffUser user;
  user.id = GetInteger(row, 0);
  user.email = row.get<std::string>(1);
  user.role = row.get<std::string>(2);
  if (row.get_indicator(3) == soci::i_ok) user.bureau_id = GetInteger(row, 3);
  user.municipality = row.get<std::string>(4);
  user.has_second_factor = GetInteger(row, 5) != 0;
  if (row.get_indicator(6) == soci::i_ok) user.last_login_at = GetInteger(row, 6);
  if (row.get_indicator(7) == soci::i_ok) user.deactivated_at = GetInteger(row, 7);
  return user;
}

}  // namespace meldpunt::soci_util
