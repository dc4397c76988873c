#pragma once
// A referral (doorverwijzing): the bureau sends the reporter, or the matter, on to another body,
// with a coded destination and the date. It is the handling "referral" of the national
// classification (handling.hpp): a case on which a referral was recorded closes with that handling,
// so every figure that counts handlings counts it (see docs/design.md, "Referrals").
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"

namespace meldpunt {

// Where a case was referred to.
inline constexpr std::array<std::string_view, 5> kReferralDestinations = {
    "police",                // politie
    "college_rechten_mens",  // College voor de Rechten van de Mens
    "kinderombudsman",       // Kinderombudsman
    "municipality",          // de gemeente
    "other",                 // een andere instantie (with its name)
};
inline constexpr std::string_view kReferralOther = "other";
// The name of another body: one line of at most this many characters.
inline constexpr size_t kMaxReferralBodyChars = 100;

struct ReferralInput {
  std::string destination;  // one of kReferralDestinations
  std::string body;         // the other body's name; only with "other"
  std::string date;         // YYYY-MM-DD, the day of the referral
};

struct ReferralCheck {
  // Field (destination, body, date) and reason: destination_unknown, body_required,
  // body_too_long, body_not_text, body_not_applicable, date_invalid, date_in_future. Empty: fine.
  std::string field;
  std::string problem;
  std::string body;  // trimmed
  std::optional<Date> date;
};

// Checks a referral as typed; `today` is the Dutch calendar day.
ReferralCheck CheckReferral(const ReferralInput& input, Date today);

// The handlings a case closes with: those chosen, and "referral" added when a referral was
// recorded on the case and it is not among them, so the figures count what the history says.
std::vector<std::string> WithReferralHandling(std::vector<std::string> handlings, bool referred);

}  // namespace meldpunt
