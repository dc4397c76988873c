// Staff sessions: started after the second factor, ended at logout, after idle time, after their
// absolute lifetime, or by their owner from the list of their sessions.
#include <soci/soci.h>

#include "store/soci/soci_store.hpp"
#include "store/soci/soci_util.hpp"

namespace meldpunt {

using soci_util::GetInteger;
using soci_util::Guard;

long long SociStore::StartSession(const std::string& token_hash, long long user_id, long long now,
                                  const std::string& device) {
  return Guard("starting a session", [&] {
    long long id = 0;
    Write([&](soci::session& sql) {
      sql << "INSERT INTO staff_sessions (token_hash, user_id, created_at, last_used_at, "
             "authenticated_at, device) VALUES (:hash, :user, :now, :now2, :now3, :device) "
             "RETURNING id",
          soci::use(token_hash), soci::use(user_id), soci::use(now), soci::use(now), soci::use(now),
          soci::use(device), soci::into(id);
      sql << "UPDATE staff_users SET last_login_at = :now WHERE id = :user", soci::use(now),
          soci::use(user_id);
    });
    return id;
  });
}

std::optional<StaffSession> SociStore::UseSession(const std::string& token_hash, long long now,
                                                  long long idle_since, long long started_since) {
  return Guard("checking a session", [&]() -> std::optional<StaffSession> {
    std::optional<StaffSession> found;
    Write([&](soci::session& sql) {
      StaffSession session;
      long long last_used = 0, created = 0;
      std::string role;
      long long bureau = 0;
      soci::indicator bureau_ind = soci::i_null;
      sql << "SELECT u.id, u.email, u.role, u.bureau_id, u.municipality, s.id, s.created_at, "
             "s.last_used_at, s.authenticated_at "
             "FROM staff_sessions s JOIN staff_users u ON u.id = s.user_id "
             "WHERE s.token_hash = :hash AND u.deactivated_at IS NULL",
          soci::use(token_hash), soci::into(session.user_id), soci::into(session.email),
          soci::into(role), soci::into(bureau, bureau_ind), soci::into(session.municipality),
          soci::into(session.session_id), soci::into(created), soci::into(last_used),
          soci::into(session.authenticated_at);
      if (!sql.got_data()) return;
      auto parsed = ParseRole(role);
      if (!parsed) return;  // a role this version does not know grants nothing
      session.role = *parsed;
      if (bureau_ind == soci::i_ok) session.bureau_id = bureau;
      // At exactly the limit the session has ended (a login 12 hours ago ends now).
      if (last_used <= idle_since || created <= started_since) {
        sql << "DELETE FROM staff_sessions WHERE token_hash = :hash", soci::use(token_hash);
        return;
      }
      sql << "UPDATE staff_sessions SET last_used_at = :now WHERE token_hash = :hash",
          soci::use(now), soci::use(token_hash);
      found = session;
    });
    return found;
  });
}

void SociStore::EndSession(const std::string& token_hash) {
  Guard("ending a session", [&] {
    Write([&](soci::session& sql) {
      sql << "DELETE FROM staff_sessions WHERE token_hash = :hash", soci::use(token_hash);
    });
  });
}

std::vector<StaffSessionInfo> SociStore::ListSessions(long long user_id, long long idle_since,
                                                      long long started_since) {
  return Guard("listing sessions", [&] {
    std::vector<StaffSessionInfo> sessions;
    Write([&](soci::session& sql) {
      sql << "DELETE FROM staff_sessions WHERE user_id = :user AND (last_used_at <= :idle OR "
             "created_at <= :started)",
          soci::use(user_id), soci::use(idle_since), soci::use(started_since);
      soci::rowset<soci::row> rows =
          (sql.prepare << "SELECT id, created_at, last_used_at, device FROM staff_sessions "
                          "WHERE user_id = :user ORDER BY created_at DESC, id DESC",
           soci::use(user_id));
      for (const auto& row : rows) {
        sessions.push_back(StaffSessionInfo{GetInteger(row, 0), GetInteger(row, 1),
                                            GetInteger(row, 2), row.get<std::string>(3)});
      }
    });
    return sessions;
  });
}

bool SociStore::EndSessionOf(long long user_id, long long session_id) {
  return Guard("ending a session", [&] {
    bool ended = false;
    Write([&](soci::session& sql) {
      soci::statement remove =
          (sql.prepare << "DELETE FROM staff_sessions WHERE id = :id AND user_id = :user",
           soci::use(session_id), soci::use(user_id));
      remove.execute(true);
      ended = remove.get_affected_rows() > 0;
    });
    return ended;
  });
}

int SociStore::EndOtherSessions(long long user_id, long long keep_session_id) {
  return Guard("ending sessions", [&] {
    int ended = 0;
    Write([&](soci::session& sql) {
      soci::statement remove =
          (sql.prepare << "DELETE FROM staff_sessions WHERE user_id = :user AND id <> :keep",
           soci::use(user_id), soci::use(keep_session_id));
      remove.execute(true);
      ended = static_cast<int>(remove.get_affected_rows());
    });
    return ended;
  });
}

void SociStore::MarkReauthenticated(long long session_id, long long now) {
  Guard("recording a re-authentication", [&] {
    Write([&](soci::session& sql) {
      sql << "UPDATE staff_sessions SET authenticated_at = :now WHERE id = :id", soci::use(now),
          soci::use(session_id);
    });
  });
}

}  // namespace meldpunt
