#pragma once
// Staff sessions after a complete login.
// Every method may block and must not be called on an I/O thread. Failures throw StoreError.
#include <optional>
#include <string>
#include <vector>

#include "domain/staff_role.hpp"
#include "store/store_types.hpp"

namespace meldpunt {

struct StaffSession {
  long long user_id = 0;
  std::string email;
  StaffRole role = StaffRole::kHandler;
  std::optional<long long> bureau_id;
  std::string municipality;
  long long session_id = 0;
  // When the password and the second factor were last entered for this session: at login, and
  // again at /medewerkers/bevestigen before exports of personal data (RequireRecentAuth).
  long long authenticated_at = 0;
};

// One of a staff member's own sessions, for the list at /medewerkers/sessies.
struct StaffSessionInfo {
  long long id = 0;
  long long created_at = 0;
  long long last_used_at = 0;
  std::string device;  // web/accounts/user_agent.hpp's stored form, "browser|system"
};

class StaffSessionStore {
 public:
  virtual ~StaffSessionStore() = default;

  // Staff sessions (soci_staff_sessions.cpp), stored as a hash of the cookie's token. A session
  // starts after the password and the second factor: authenticated now. The user's last login
  // becomes now. Returns the session's id.
  virtual long long StartSession(const std::string& token_hash, long long user_id, long long now,
                                 const std::string& device) = 0;
  // For tests of handlers: a session without a device description.
  void AddSession(const std::string& token_hash, long long user_id, long long now) {
    StartSession(token_hash, user_id, now, "");
  }
  // Returns the session's user when it exists, was used after idle_since and started after
  // started_since (the absolute lifetime); marks it used now. An expired session is deleted.
  virtual std::optional<StaffSession> UseSession(const std::string& token_hash, long long now,
                                                 long long idle_since, long long started_since) = 0;
  virtual void EndSession(const std::string& token_hash) = 0;
  // The user's live sessions, newest first; expired ones are deleted on the way.
  virtual std::vector<StaffSessionInfo> ListSessions(long long user_id, long long idle_since,
                                                     long long started_since) = 0;
  // Ends one of the user's sessions; false when the user has no session with that id.
  virtual bool EndSessionOf(long long user_id, long long session_id) = 0;
  // Ends every session of the user but one; returns how many ended.
  virtual int EndOtherSessions(long long user_id, long long keep_session_id) = 0;
  // The password and second factor were entered again for this session (re-authentication).
  virtual void MarkReauthenticated(long long session_id, long long now) = 0;
};

}  // namespace meldpunt
