#pragma once
// Checking what a staff member typed as their second factor: a code from their authenticator
// app (TOTP) or one of their one-time recovery codes. A code that was accepted once is never
// accepted again (RFC 6238 section 5.2), nor is a code of an earlier time step.
#include <string>

#include "web/common/app.hpp"

namespace meldpunt::web {

enum class FactorCheck {
  kTotp,          // a right code from the app, now used up
  kRecoveryCode,  // a right recovery code, now used up
  kReused,        // a code from the app that was right but has been used already
  kWrong,
};

FactorCheck CheckSecondFactor(const AppContext& app, long long user_id, const std::string& typed);

}  // namespace meldpunt::web
