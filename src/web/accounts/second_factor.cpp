#include "web/accounts/second_factor.hpp"

#include "security/recovery_codes.hpp"
#include "security/totp.hpp"
#include "store/login_store.hpp"

namespace meldpunt::web {

FactorCheck CheckSecondFactor(const AppContext& app, long long user_id, const std::string& typed) {
  if (typed.empty() || typed.size() > 64) return FactorCheck::kWrong;
  long long now = app.now();
  auto factor = app.logins.GetSecondFactor(user_id);
  if (!factor) return FactorCheck::kWrong;
  if (auto step = MatchTotp(factor->secret, typed, now, factor->last_step)) {
    // Two requests with the same code race here; the store lets only one of them use the step.
    if (app.logins.UseTotpStep(user_id, *step)) return FactorCheck::kTotp;
    return FactorCheck::kReused;
  }
  if (MatchTotp(factor->secret, typed, now, -1)) return FactorCheck::kReused;
  if (auto code = NormaliseRecoveryCode(typed)) {
    if (app.logins.UseRecoveryCode(user_id, HashRecoveryCode(*code), now))
      return FactorCheck::kRecoveryCode;
  }
  return FactorCheck::kWrong;
}

}  // namespace meldpunt::web
