#pragma once
// Staff accounts: adding, finding and listing staff users.
// Every method may block and must not be called on an I/O thread. Failures throw StoreError.
#include <optional>
#include <string>
#include <vector>

#include "domain/staff_role.hpp"
#include "store/store_types.hpp"

namespace meldpunt {

struct NewStaffUser {
  std::string email;
  std::string password_hash;
  StaffRole role = StaffRole::kHandler;
  std::optional<long long> bureau_id;  // none for a system admin
  std::string municipality;            // CBS code; for a municipality viewer only
};

struct StaffUser {
  long long id = 0;
  std::string email;
  std::string password_hash;  // empty in lists (ListUsers)
  std::string role;
  std::optional<long long> bureau_id;
  std::string municipality;
  bool has_second_factor = false;           // enrolled an authenticator app (TOTP)
  std::optional<long long> last_login_at;   // Unix seconds of the last complete login
  std::optional<long long> deactivated_at;  // Unix seconds; none while the account is active
};

class StaffAccountStore {
 public:
  virtual ~StaffAccountStore() = default;

  // The staff of a bureau, by e-mail address (without password hashes).
  virtual std::vector<StaffUser> ListBureauStaff(long long bureau_id) = 0;
  // Returns false when the e-mail address is taken.
  virtual bool AddUser(const NewStaffUser& user, long long now) = 0;
  virtual std::optional<StaffUser> FindUser(const std::string& email) = 0;
  // Staff users (soci_staff_users.cpp). Without a bureau: every user; else the bureau's. Ordered
  // by e-mail address, without password hashes.
  virtual std::vector<StaffUser> ListUsers(std::optional<long long> bureau_id) = 0;
  virtual std::optional<StaffUser> GetUser(long long user_id) = 0;
  // Deactivates the account (deactivated_at = now) and ends its sessions and half-logins at once,
  // or reactivates it. The row and its audit entries stay. Returns false when there is no such
  // user or the account is in that state already.
  virtual bool SetUserActive(long long user_id, bool active, long long now) = 0;
  // Gives the account another role and ends its sessions and half-logins, so the new role applies
  // from its next login. Returns false when there is no such user or the role is the same.
  virtual bool ChangeUserRole(long long user_id, StaffRole role) = 0;
  // Moves the account to another bureau and ends its sessions and half-logins, so it sees the new
  // bureau's cases from its next login (issue 14). Returns false when there is no such user or it
  // is in that bureau already.
  virtual bool ChangeUserBureau(long long user_id, long long bureau_id) = 0;
};

}  // namespace meldpunt
