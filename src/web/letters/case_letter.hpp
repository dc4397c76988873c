#pragma once
// A letter to the other party of one case (hoor en wederhoor): the form a handler fills in, its
// checks, and the PDF made from the bureau's template, letterhead and the case.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"
#include "domain/cases/deadlines.hpp"
#include "domain/date.hpp"
#include "http/form.hpp"
#include "letters/letter.hpp"
#include "store/letter_store.hpp"
#include "store/store_types.hpp"
#include "web/common/app.hpp"

namespace meldpunt::web {

// Limits of the form. The name, the attention line and the address together make the
// window-envelope block of the letter, which holds at most letters::kMaxBlockLines lines.
inline constexpr size_t kMaxOtherPartyName = 200;
inline constexpr size_t kMaxAttention = 100;  // the contact person (t.a.v.)
inline constexpr size_t kMaxAddressLines = 8;
static_assert(1 + 1 + kMaxAddressLines <= letters::kMaxBlockLines);
inline constexpr size_t kMaxAddressLineChars = 100;
inline constexpr size_t kMaxLetterSummary = 5'000;
inline constexpr size_t kMaxSignedBy = 100;
// How far ahead a reply date may be set.
inline constexpr int kMaxReplyDays = 365;

// What the handler typed, as typed (kept when the form comes back with errors).
struct LetterForm {
  std::string other_party_name;
  std::string other_party_address;
  std::string other_party_attention;  // optional: a contact person at the other party
  std::string summary;
  std::string lang;      // "nl" or "en"
  std::string reply_by;  // YYYY-MM-DD
  std::string signed_by;
};
LetterForm ReadLetterForm(const http::FormFields& form);

struct LetterFieldError {
  std::string field;  // the form field's name
  const char* msgid;  // English message id, translated by the page
};

// The form checked: every field required and within its limits, the language nl or en, the
// reply date from today (Dutch calendar) to kMaxReplyDays ahead. Empty when all is well.
std::vector<LetterFieldError> CheckLetterForm(const LetterForm& form, Date today);

// Today on the Dutch calendar.
Date DutchToday(long long now);
// The reply date the form suggests: today plus the bureau's reply term (reactietermijn).
Date DefaultReplyBy(long long now, const DeadlineSettings& settings);

// "nl" -> kNl, anything else -> kEn.
letters::Lang LetterLang(std::string_view code);

// An incident date as the report keeps it ("2025-03-31", "2025-03", "2025") written as a letter
// writes dates: "31 maart 2025", "maart 2025", "2025".
std::string LetterIncidentDate(std::string_view stored, letters::Lang lang);

// The values of every placeholder (letters/fill.hpp) for a checked form, and the attention line's
// contact person (other_party_attention).
std::map<std::string, std::string> LetterValues(const RegisteredReport& report,
                                                const LetterForm& form,
                                                const std::string& bureau_name,
                                                const Letterhead& letterhead, Date today);

// The bureau's template in a language: its own when its admin wrote one, else the built-in one.
letters::LetterTemplate TemplateForBureau(const AppContext& app, long long bureau_id,
                                          letters::Lang lang);

// The PDF of the letter for a checked form, or an error in English for the log (a template that
// no longer fills, a text too long for the layout).
Result<std::string> RenderCaseLetter(const AppContext& app, const RegisteredReport& report,
                                     const LetterForm& form);

}  // namespace meldpunt::web
