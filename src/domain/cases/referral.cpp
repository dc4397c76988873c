#include "domain/cases/referral.hpp"

#include <algorithm>

#include "base/text.hpp"

namespace meldpunt {

ReferralCheck CheckReferral(const ReferralInput& input, Date today) {
  ReferralCheck check;
  auto fail = [&](const char* field, const char* problem) {
    check.field = field;
    check.problem = problem;
    return check;
  };
  if (std::find(kReferralDestinations.begin(), kReferralDestinations.end(), input.destination) ==
      kReferralDestinations.end()) {
    return fail("destination", "destination_unknown");
  }
  check.body = Trim(input.body);
  if (input.destination == kReferralOther) {
    if (check.body.empty()) return fail("body", "body_required");
    if (!IsValidUtf8Text(check.body, false)) return fail("body", "body_not_text");
    if (CountCodePoints(check.body) > kMaxReferralBodyChars) return fail("body", "body_too_long");
  } else if (!check.body.empty()) {
    // A name belongs with "another body" only: a coded destination needs none.
    return fail("body", "body_not_applicable");
  }
  check.date = ParseIsoDate(Trim(input.date));
  if (!check.date) return fail("date", "date_invalid");
  if (std::chrono::sys_days(*check.date) > std::chrono::sys_days(today)) {
    return fail("date", "date_in_future");
  }
  return check;
}

std::vector<std::string> WithReferralHandling(std::vector<std::string> handlings, bool referred) {
  if (referred && std::find(handlings.begin(), handlings.end(), "referral") == handlings.end()) {
    handlings.emplace_back("referral");
  }
  return handlings;
}

}  // namespace meldpunt
