#include "domain/bureau/bureau_profile.hpp"

#include <algorithm>

#include "base/text.hpp"
#include "domain/bureau/colour_contrast.hpp"

namespace meldpunt {
namespace {

std::vector<std::string> RawLines(std::string_view text) {
  std::vector<std::string> lines;
  for (size_t pos = 0; pos <= text.size();) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string line(text.substr(pos, end - pos));
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(std::move(line));
    pos = end + 1;
  }
  return lines;
}

// A one-line field: storable, within its limit.
void CheckLine(std::vector<ProfileError>& errors, ProfileField field, const std::string& text,
               size_t max_chars) {
  if (!IsValidUtf8Text(text, false)) {
    errors.push_back({field, ProfileProblem::kInvalidText});
  } else if (CountCodePoints(text) > max_chars) {
    errors.push_back({field, ProfileProblem::kTooLong});
  }
}

void CheckAddress(std::vector<ProfileError>& errors, ProfileField field,
                  const std::vector<std::string>& lines) {
  if (lines.size() > kMaxAddressLines) {
    errors.push_back({field, ProfileProblem::kTooManyLines});
    return;
  }
  for (const auto& line : lines) {
    if (!IsValidUtf8Text(line, false)) {
      errors.push_back({field, ProfileProblem::kInvalidText});
      return;
    }
    if (CountCodePoints(line) > kMaxAddressLineChars) {
      errors.push_back({field, ProfileProblem::kTooLong});
      return;
    }
  }
}

void CheckPhone(std::vector<ProfileError>& errors, ProfileField field, const std::string& phone) {
  if (phone.empty()) return;
  if (phone.size() > kMaxBureauPhoneChars) {
    errors.push_back({field, ProfileProblem::kTooLong});
  } else if (!LooksLikePhone(phone)) {
    errors.push_back({field, ProfileProblem::kNotAPhone});
  }
}

std::string Lower(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

}  // namespace

std::vector<std::string> AddressLines(std::string_view text) {
  std::vector<std::string> lines;
  for (const auto& line : RawLines(text)) {
    std::string trimmed = Trim(line);
    if (!trimmed.empty()) lines.push_back(std::move(trimmed));
  }
  return lines;
}

std::string JoinLines(const std::vector<std::string>& lines) {
  std::string joined;
  for (const auto& line : lines) {
    if (!joined.empty()) joined += '\n';
    joined += line;
  }
  return joined;
}

std::vector<ProfileError> CheckBureauProfile(BureauProfile& profile) {
  profile.public_name = Trim(profile.public_name);
  profile.phone = Trim(profile.phone);
  profile.email = Trim(profile.email);
  profile.whatsapp = Trim(profile.whatsapp);
  profile.primary_colour = Lower(Trim(profile.primary_colour));
  profile.on_primary_colour = Lower(Trim(profile.on_primary_colour));
  for (auto* lines : {&profile.postal_address, &profile.visiting_address}) {
    std::vector<std::string> tidy;
    for (const auto& line : *lines) {
      std::string trimmed = Trim(line);
      if (!trimmed.empty()) tidy.push_back(std::move(trimmed));
    }
    *lines = std::move(tidy);
  }
  // Opening hours keep their line breaks (one day per line), without empty lines around them.
  std::vector<std::string> hours;
  for (const auto& line : RawLines(profile.opening_hours)) hours.push_back(Trim(line));
  while (!hours.empty() && hours.back().empty()) hours.pop_back();
  while (!hours.empty() && hours.front().empty()) hours.erase(hours.begin());
  profile.opening_hours = JoinLines(hours);

  std::vector<ProfileError> errors;
  CheckLine(errors, ProfileField::kPublicName, profile.public_name, kMaxPublicNameChars);
  CheckPhone(errors, ProfileField::kPhone, profile.phone);
  if (!profile.email.empty()) {
    if (profile.email.size() > kMaxBureauEmailChars) {
      errors.push_back({ProfileField::kEmail, ProfileProblem::kTooLong});
    } else if (!LooksLikeEmail(profile.email)) {
      errors.push_back({ProfileField::kEmail, ProfileProblem::kNotAnEmail});
    }
  }
  CheckAddress(errors, ProfileField::kPostalAddress, profile.postal_address);
  CheckAddress(errors, ProfileField::kVisitingAddress, profile.visiting_address);
  if (!IsValidUtf8Text(profile.opening_hours, true)) {
    errors.push_back({ProfileField::kOpeningHours, ProfileProblem::kInvalidText});
  } else if (CountCodePoints(profile.opening_hours) > kMaxOpeningHoursChars) {
    errors.push_back({ProfileField::kOpeningHours, ProfileProblem::kTooLong});
  } else if (hours.size() > kMaxOpeningHoursLines) {
    errors.push_back({ProfileField::kOpeningHours, ProfileProblem::kTooManyLines});
  }
  CheckPhone(errors, ProfileField::kWhatsapp, profile.whatsapp);
  if (profile.report_by_phone && profile.phone.empty()) {
    errors.push_back({ProfileField::kPhone, ProfileProblem::kPhoneNeeded});
  }
  if (profile.report_at_desk && profile.visiting_address.empty()) {
    errors.push_back({ProfileField::kVisitingAddress, ProfileProblem::kAddressNeeded});
  }

  // The colours: both or neither; each "#rrggbb"; together readable.
  auto primary = ParseHexColour(profile.primary_colour);
  auto on_primary = ParseHexColour(profile.on_primary_colour);
  bool has_primary = !profile.primary_colour.empty();
  bool has_on_primary = !profile.on_primary_colour.empty();
  if (has_primary && !primary) {
    errors.push_back({ProfileField::kPrimaryColour, ProfileProblem::kNotAColour});
  }
  if (has_on_primary && !on_primary) {
    errors.push_back({ProfileField::kOnPrimaryColour, ProfileProblem::kNotAColour});
  }
  if (has_primary != has_on_primary) {
    errors.push_back({has_primary ? ProfileField::kOnPrimaryColour : ProfileField::kPrimaryColour,
                      ProfileProblem::kColourMissing});
  } else if (primary && on_primary) {
    double ratio = ContrastRatio(*primary, *on_primary);
    if (ratio < kMinimumContrast) {
      errors.push_back({ProfileField::kOnPrimaryColour, ProfileProblem::kLowContrast, ratio});
    }
  }
  return errors;
}

std::string PublicNameOf(const BureauProfile& profile, const std::string& registered_name) {
  return profile.public_name.empty() ? registered_name : profile.public_name;
}

}  // namespace meldpunt
