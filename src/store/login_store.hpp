#pragma once
// Logging in: the second factor and recovery codes, pending logins between the password and the
// second factor, and throttling of failed logins.
// Every method may block and must not be called on an I/O thread. Failures throw StoreError.
#include <optional>
#include <string>
#include <vector>

#include "domain/login_throttle.hpp"
#include "store/store_types.hpp"

namespace meldpunt {

// A staff member's authenticator secret (raw bytes, decrypted) and the last time step accepted.
struct SecondFactor {
  std::string secret;
  long long last_step = 0;
};

// A login that passed the password and waits for the second factor (or for enrolment): the
// "half-login". It never grants access to anything but the second-factor pages.
struct PendingLogin {
  long long user_id = 0;
  long long created_at = 0;
  std::string throttle_key;  // whose failures a wrong code counts against
  std::string enrol_secret;  // raw bytes, decrypted; set when the user must enrol
};

class LoginStore {
 public:
  virtual ~LoginStore() = default;

  // Second factor (soci_staff_auth.cpp). The secret is stored encrypted.
  virtual std::optional<SecondFactor> GetSecondFactor(long long user_id) = 0;
  // Stores a confirmed secret, the step of the code that confirmed it, and the hashes of new
  // recovery codes (replacing any earlier ones). Returns false, storing nothing, when the user has
  // a second factor already.
  virtual bool EnrolSecondFactor(long long user_id, const std::string& secret, long long step,
                                 const std::vector<std::string>& recovery_code_hashes) = 0;
  // Records that the code of this time step was used. Returns false when this or a later step
  // was accepted before: the code is a replay.
  virtual bool UseTotpStep(long long user_id, long long step) = 0;
  // Uses up an unused recovery code; false when the user has none with this hash.
  virtual bool UseRecoveryCode(long long user_id, const std::string& code_hash, long long now) = 0;
  virtual int CountUnusedRecoveryCodes(long long user_id) = 0;
  // Removes the user's second factor and recovery codes and ends all their sessions and pending
  // logins, so the next login must enrol again. Returns false when there is no such user.
  virtual bool ResetSecondFactor(long long user_id) = 0;
  // Pending logins between the password and the second factor (soci_staff_auth.cpp), stored as
  // a hash of the cookie's token. Pending logins created before forget_before are deleted.
  virtual void AddPendingLogin(const std::string& token_hash, const PendingLogin& login,
                               long long forget_before) = 0;
  // The pending login when it exists and was created after created_since.
  virtual std::optional<PendingLogin> GetPendingLogin(const std::string& token_hash,
                                                      long long created_since) = 0;
  virtual void EndPendingLogin(const std::string& token_hash) = 0;
  // Failed logins per account (or per account on a known device), for throttling (ASVS 2.2.1).
  // The key is a keyed hash, also for addresses that have no account.
  virtual LoginThrottle GetLoginThrottle(const std::string& key) = 0;
  // Counts one failure at now under the policy; returns the new state. Entries whose last
  // failure is older than the policy's forget_after are deleted on the way.
  virtual LoginThrottle RecordLoginFailure(const std::string& key,
                                           const LoginThrottlePolicy& policy, long long now) = 0;
  virtual void ClearLoginFailures(const std::string& key) = 0;
};

}  // namespace meldpunt
