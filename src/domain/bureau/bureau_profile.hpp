#pragma once
// A bureau's own face (gegevens van het bureau, issue 15): the name the public sees, how to reach
// it, the other ways to report, and its colours. Kept by the bureau admin, shown on the public
// pages, in letters and in e-mails to reporters. The rules and limits live here; no I/O.
#include <string>
#include <string_view>
#include <vector>

namespace meldpunt {

// Limits on every field, in characters (code points) or lines.
inline constexpr size_t kMaxPublicNameChars = 100;
inline constexpr size_t kMaxBureauPhoneChars = 30;
inline constexpr size_t kMaxBureauEmailChars = 254;
// 6 address lines under the name, a phone and an e-mail line make the letter's sender block of 9
// (letters::kMaxBlockLines).
inline constexpr size_t kMaxAddressLines = 6;
inline constexpr size_t kMaxAddressLineChars = 80;
inline constexpr size_t kMaxOpeningHoursChars = 400;
inline constexpr size_t kMaxOpeningHoursLines = 8;

struct BureauProfile {
  std::string public_name;  // naam voor het publiek; empty: the bureau's registered name
  std::string phone;        // telefoonnummer
  std::string email;        // e-mailadres
  std::vector<std::string> postal_address;    // postadres, lines
  std::vector<std::string> visiting_address;  // bezoekadres, lines
  std::string opening_hours;                  // openingstijden, free text with line breaks
  // Other ways to report (andere manieren om te melden), each optional.
  bool report_by_phone = false;  // by calling `phone`
  bool report_at_desk = false;   // by visiting: the visiting address in the opening hours
  std::string whatsapp;          // a WhatsApp number; empty when not offered
  // Theme colours as "#rrggbb", both or neither (the site's own colours then).
  std::string primary_colour;     // huisstijlkleur
  std::string on_primary_colour;  // text on the primary colour
  bool operator==(const BureauProfile&) const = default;
};

enum class ProfileField {
  kPublicName,
  kPhone,
  kEmail,
  kPostalAddress,
  kVisitingAddress,
  kOpeningHours,
  kWhatsapp,
  kPrimaryColour,
  kOnPrimaryColour,
};

enum class ProfileProblem {
  kTooLong,        // over the field's character limit
  kTooManyLines,   // an address or the opening hours over their line limit
  kInvalidText,    // not storable text (control characters, broken UTF-8)
  kNotAPhone,      // phone or WhatsApp number
  kNotAnEmail,     // not an e-mail address
  kNotAColour,     // not "#rrggbb"
  kColourMissing,  // one colour of the pair without the other
  kLowContrast,    // the pair's contrast is under kMinimumContrast
  kPhoneNeeded,    // "report by phone" without a phone number
  kAddressNeeded,  // "report at the desk" without a visiting address
};

struct ProfileError {
  ProfileField field;
  ProfileProblem problem;
  double contrast = 0;  // for kLowContrast: the pair's ratio
};

// The lines of a typed address: each trimmed, empty ones dropped.
std::vector<std::string> AddressLines(std::string_view text);
// The lines joined with "\n" (for a <textarea>).
std::string JoinLines(const std::vector<std::string>& lines);

// Tidies the profile in place (trims every text, colours to lower case, opening hours without
// trailing spaces per line) and lists what is wrong with it, in field order; empty when it may be
// saved.
std::vector<ProfileError> CheckBureauProfile(BureauProfile& profile);

// The name to show the public: the public name when set, else the registered one.
std::string PublicNameOf(const BureauProfile& profile, const std::string& registered_name);

}  // namespace meldpunt
