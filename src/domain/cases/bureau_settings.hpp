#pragma once
// A bureau's own settings (instellingen van het bureau): how long personal data is kept, and
// the deadlines of the case protocol (termijnen). Each setting is one entry of a list of
// definitions, so a new setting is one more entry here: the settings page, its validation and the
// defaults follow. Values are whole numbers within a range; a bureau that never chose one gets the
// default.
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "domain/cases/deadlines.hpp"

namespace meldpunt {

struct SettingDefinition {
  std::string_view name;  // stable key, stored in bureau_settings.name
  // English message ids; the web layer translates them (scripts/update-messages finds them).
  const char* label;
  const char* hint;
  const char* unit;  // shown after the field: "months", "days"
  long long min;
  long long max;
  long long fallback;  // the default, for a bureau that did not choose
};

// Names of the settings, for typed access.
inline constexpr std::string_view kRetentionMonths = "retention_months";
inline constexpr std::string_view kReceiptConfirmationDays = "receipt_confirmation_days";
inline constexpr std::string_view kFirstContactDays = "first_contact_days";
inline constexpr std::string_view kSilenceAfterMissedDays = "silence_after_missed_days";
inline constexpr std::string_view kMaxNoShows = "max_no_shows";
inline constexpr std::string_view kOtherPartyReplyDays = "other_party_reply_days";
inline constexpr std::string_view kMaxIncidentAgeDays = "max_incident_age_days";
inline constexpr std::string_view kHandlingComplaintMonths = "handling_complaint_months";
inline constexpr std::string_view kDueSoonDays = "due_soon_days";

// Every setting, in the order the settings page shows them.
std::span<const SettingDefinition> AllBureauSettings();
const SettingDefinition* FindSetting(std::string_view name);

enum class SettingProblem { kRequired, kNotANumber, kOutOfRange };

// A typed value: trimmed, digits only (an optional leading minus), within [min, max].
struct SettingParse {
  long long value = 0;
  std::optional<SettingProblem> problem;
};
SettingParse ParseSetting(const SettingDefinition& definition, std::string_view typed);

// The settings of one bureau as they apply: the stored value where it is valid, else the default.
class BureauSettings {
 public:
  BureauSettings() = default;
  // From the stored text values (Store::ReadBureauSettings); unknown names are ignored and a
  // stored value that no longer fits its range falls back to the default.
  static BureauSettings FromStored(const std::map<std::string, std::string>& stored);

  // The value of a setting defined in AllBureauSettings(); throws std::out_of_range otherwise.
  long long Get(std::string_view name) const;
  // Whether the bureau chose the value itself (as opposed to the default).
  bool IsChosen(std::string_view name) const;

  int RetentionMonths() const { return static_cast<int>(Get(kRetentionMonths)); }
  // The deadlines of the case protocol as this bureau set them.
  DeadlineSettings Deadlines() const;

 private:
  std::map<std::string, long long, std::less<>> chosen_;
};

}  // namespace meldpunt
