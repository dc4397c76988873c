// The staff's second factor (authenticator secrets, recovery codes), logins waiting for it, and
// counting failed logins per account for throttling.
#include <soci/soci.h>

#include "store/soci/soci_store.hpp"
#include "store/soci/soci_util.hpp"

namespace meldpunt {

using soci_util::GetInteger;
using soci_util::Guard;

namespace {

// Associated data binds a sealed secret to its column and its user, so a secret cannot be moved
// to another account unnoticed.
std::string TotpSecretAd(long long user_id) {
  return "staff_users.totp_secret:" + std::to_string(user_id);
}
std::string EnrolSecretAd(long long user_id) {
  return "staff_login_pending.enrol_secret:" + std::to_string(user_id);
}

}  // namespace

std::optional<SecondFactor> SociStore::GetSecondFactor(long long user_id) {
  return Guard("reading a second factor", [&]() -> std::optional<SecondFactor> {
    soci::session sql(*readers_);
    std::string sealed;
    soci::indicator sealed_ind = soci::i_null;
    SecondFactor factor;
    sql << "SELECT totp_secret_enc, totp_last_step FROM staff_users WHERE id = :id",
        soci::use(user_id), soci::into(sealed, sealed_ind), soci::into(factor.last_step);
    if (!sql.got_data() || sealed_ind != soci::i_ok) return std::nullopt;
    auto secret = cipher().Open(sealed, TotpSecretAd(user_id));
    if (!secret) throw StoreError("a second-factor secret does not decrypt: " + secret.error());
    factor.secret = std::move(*secret);
    return factor;
  });
}

bool SociStore::EnrolSecondFactor(long long user_id, const std::string& secret, long long step,
                                  const std::vector<std::string>& recovery_code_hashes) {
  return Guard("storing a second factor", [&] {
    std::string sealed = cipher().Seal(secret, TotpSecretAd(user_id));
    bool stored = false;
    Write([&](soci::session& sql) {
      soci::statement update =
          (sql.prepare << "UPDATE staff_users SET totp_secret_enc = :secret, totp_last_step = "
                          ":step WHERE id = :id AND totp_secret_enc IS NULL",
           soci::use(sealed), soci::use(step), soci::use(user_id));
      update.execute(true);
      if (update.get_affected_rows() == 0) return;
      sql << "DELETE FROM staff_recovery_codes WHERE user_id = :id", soci::use(user_id);
      for (const auto& hash : recovery_code_hashes) {
        sql << "INSERT INTO staff_recovery_codes (user_id, code_hash) VALUES (:id, :hash)",
            soci::use(user_id), soci::use(hash);
      }
      stored = true;
    });
    return stored;
  });
}

bool SociStore::UseTotpStep(long long user_id, long long step) {
  return Guard("recording a second-factor code", [&] {
    bool used = false;
    Write([&](soci::session& sql) {
      soci::statement update =
          (sql.prepare << "UPDATE staff_users SET totp_last_step = :step WHERE id = :id AND "
                          "totp_secret_enc IS NOT NULL AND totp_last_step < :step2",
           soci::use(step), soci::use(user_id), soci::use(step));
      update.execute(true);
      used = update.get_affected_rows() > 0;
    });
    return used;
  });
}

bool SociStore::UseRecoveryCode(long long user_id, const std::string& code_hash, long long now) {
  return Guard("using a recovery code", [&] {
    bool used = false;
    Write([&](soci::session& sql) {
      soci::statement update =
          (sql.prepare << "UPDATE staff_recovery_codes SET used_at = :now WHERE user_id = :id "
                          "AND code_hash = :hash AND used_at IS NULL",
           soci::use(now), soci::use(user_id), soci::use(code_hash));
      update.execute(true);
      used = update.get_affected_rows() > 0;
    });
    return used;
  });
}

int SociStore::CountUnusedRecoveryCodes(long long user_id) {
  return Guard("counting recovery codes", [&] {
    soci::session sql(*readers_);
    long long count = 0;
    sql << "SELECT COUNT(*) FROM staff_recovery_codes WHERE user_id = :id AND used_at IS NULL",
        soci::use(user_id), soci::into(count);
    return static_cast<int>(count);
  });
}

bool SociStore::ResetSecondFactor(long long user_id) {
  return Guard("resetting a second factor", [&] {
    bool found = false;
    Write([&](soci::session& sql) {
      soci::statement update =
          (sql.prepare << "UPDATE staff_users SET totp_secret_enc = NULL, totp_last_step = 0 "
                          "WHERE id = :id",
           soci::use(user_id));
      update.execute(true);
      if (update.get_affected_rows() == 0) return;
      sql << "DELETE FROM staff_recovery_codes WHERE user_id = :id", soci::use(user_id);
      sql << "DELETE FROM staff_sessions WHERE user_id = :id", soci::use(user_id);
      sql << "DELETE FROM staff_login_pending WHERE user_id = :id", soci::use(user_id);
      found = true;
    });
    return found;
  });
}

void SociStore::AddPendingLogin(const std::string& token_hash, const PendingLogin& login,
                                long long forget_before) {
  Guard("starting a login", [&] {
    std::string sealed;
    soci::indicator sealed_ind = soci::i_null;
    if (!login.enrol_secret.empty()) {
      sealed = cipher().Seal(login.enrol_secret, EnrolSecretAd(login.user_id));
      sealed_ind = soci::i_ok;
    }
    Write([&](soci::session& sql) {
      sql << "DELETE FROM staff_login_pending WHERE created_at < :before", soci::use(forget_before);
      sql << "INSERT INTO staff_login_pending (token_hash, user_id, created_at, throttle_key, "
             "enrol_secret_enc) VALUES (:hash, :user, :at, :key, :secret)",
          soci::use(token_hash), soci::use(login.user_id), soci::use(login.created_at),
          soci::use(login.throttle_key), soci::use(sealed, sealed_ind);
    });
  });
}

std::optional<PendingLogin> SociStore::GetPendingLogin(const std::string& token_hash,
                                                       long long created_since) {
  return Guard("reading a login", [&]() -> std::optional<PendingLogin> {
    soci::session sql(*readers_);
    PendingLogin login;
    std::string sealed;
    soci::indicator sealed_ind = soci::i_null;
    sql << "SELECT user_id, created_at, throttle_key, enrol_secret_enc FROM staff_login_pending "
           "WHERE token_hash = :hash",
        soci::use(token_hash), soci::into(login.user_id), soci::into(login.created_at),
        soci::into(login.throttle_key), soci::into(sealed, sealed_ind);
    if (!sql.got_data() || login.created_at < created_since) return std::nullopt;
    if (sealed_ind == soci::i_ok) {
      auto secret = cipher().Open(sealed, EnrolSecretAd(login.user_id));
      if (!secret) throw StoreError("an enrolment secret does not decrypt: " + secret.error());
      login.enrol_secret = std::move(*secret);
    }
    return login;
  });
}

void SociStore::EndPendingLogin(const std::string& token_hash) {
  Guard("ending a login", [&] {
    Write([&](soci::session& sql) {
      sql << "DELETE FROM staff_login_pending WHERE token_hash = :hash", soci::use(token_hash);
    });
  });
}

LoginThrottle SociStore::GetLoginThrottle(const std::string& key) {
  return Guard("reading failed logins", [&] {
    soci::session sql(*readers_);
    LoginThrottle state;
    sql << "SELECT failures, last_failure_at, throttled_until FROM login_throttle "
           "WHERE throttle_key = :key",
        soci::use(key), soci::into(state.failures), soci::into(state.last_failure_at),
        soci::into(state.throttled_until);
    if (!sql.got_data()) return LoginThrottle{};
    return state;
  });
}

LoginThrottle SociStore::RecordLoginFailure(const std::string& key,
                                            const LoginThrottlePolicy& policy, long long now) {
  return Guard("counting a failed login", [&] {
    LoginThrottle state;
    long long forget_before = now - policy.forget_after;
    Write([&](soci::session& sql) {
      sql << "DELETE FROM login_throttle WHERE last_failure_at < :before AND throttled_until < "
             ":now AND throttle_key <> :key",
          soci::use(forget_before), soci::use(now), soci::use(key);
      // The count goes up in one statement, so failures arriving together all count (on
      // PostgreSQL the second waits for the first's row lock).
      int failures = 0;
      sql << "INSERT INTO login_throttle (throttle_key, failures, last_failure_at, "
             "throttled_until) VALUES (:key, 1, :now, 0) "
             "ON CONFLICT (throttle_key) DO UPDATE SET failures = CASE WHEN "
             "login_throttle.last_failure_at < :before THEN 1 ELSE login_throttle.failures + 1 "
             "END, last_failure_at = :now2 RETURNING failures",
          soci::use(key), soci::use(now), soci::use(forget_before), soci::use(now),
          soci::into(failures);
      state.failures = failures;
      state.last_failure_at = now;
      state.throttled_until = now + ThrottleWait(policy, failures);
      sql << "UPDATE login_throttle SET throttled_until = :until WHERE throttle_key = :key",
          soci::use(state.throttled_until), soci::use(key);
    });
    return state;
  });
}

void SociStore::ClearLoginFailures(const std::string& key) {
  Guard("clearing failed logins", [&] {
    Write([&](soci::session& sql) {
      sql << "DELETE FROM login_throttle WHERE throttle_key = :key", soci::use(key);
    });
  });
}

}  // namespace meldpunt
