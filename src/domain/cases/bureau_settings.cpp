#include "domain/cases/bureau_settings.hpp"

#include <charconv>
#include <stdexcept>

#include "base/text.hpp"
#include "domain/reports/report.hpp"

namespace meldpunt {
namespace {

// Marks message ids for scripts/update-messages (xgettext --keyword=N_); the domain does not
// translate, the web layer does.
constexpr const char* N_(const char* msgid) { return msgid; }

constexpr SettingDefinition kSettings[] = {
    // No national retention period is published: each bureau decides and records it here.
    {kRetentionMonths, N_("Months after closing before personal data is anonymised"),
     N_("When a closed case has been closed this long, its description, contact details, "
        "messages and files are erased; the classification stays and keeps counting in the "
        "figures. No national period is published: the bureau decides."),
     N_("months"), 1, 120, 24},
    // The deadlines of the case protocol (termijnen); defaults and ranges as DeadlineSettings
    // and InvalidDeadlineSettings in domain/cases/deadlines.hpp.
    {kReceiptConfirmationDays, N_("Days to confirm receipt"),
     N_("0 means on the day the report arrives."), N_("days"), 0, 14, 0},
    {kFirstContactDays, N_("Days to first contact with the reporter"),
     N_("The published protocols say within two weeks."), N_("days"), 1, 90, 14},
    {kSilenceAfterMissedDays, N_("Days without word after a missed appointment"),
     N_("After this the case is due to be closed."), N_("days"), 1, 90, 14},
    {kMaxNoShows, N_("Missed appointments allowed"),
     N_("One more than this and the case is due to be closed."), N_("times"), 0, 10, 2},
    {kOtherPartyReplyDays, N_("Days for the other party to reply to a letter"),
     N_("Suggested as the reply date on a new letter."), N_("days"), 1, 90, 14},
    {kMaxIncidentAgeDays, N_("Age of an incident that gets a warning"), N_("0 means no warning."),
     N_("days"), 0, 3650, 365},
    {kHandlingComplaintMonths, N_("Months after closing to complain about the handling"),
     N_("How long a reporter may complain about how the case was handled."), N_("months"), 1, 24,
     3},
    {kDueSoonDays, N_("Days before a deadline that it shows as due soon"), N_("0 means never."),
     N_("days"), 0, 30, 3},
};

}  // namespace

std::span<const SettingDefinition> AllBureauSettings() { return kSettings; }

const SettingDefinition* FindSetting(std::string_view name) {
  for (const auto& definition : kSettings) {
    if (definition.name == name) return &definition;
  }
  return nullptr;
}

SettingParse ParseSetting(const SettingDefinition& definition, std::string_view typed) {
  std::string text = Trim(typed);
  if (text.empty()) return {0, SettingProblem::kRequired};
  long long value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec == std::errc::result_out_of_range) return {0, SettingProblem::kOutOfRange};
  if (ec != std::errc{} || end != text.data() + text.size()) {
    return {0, SettingProblem::kNotANumber};
  }
  if (value < definition.min || value > definition.max) return {value, SettingProblem::kOutOfRange};
  return {value, std::nullopt};
}

BureauSettings BureauSettings::FromStored(const std::map<std::string, std::string>& stored) {
  BureauSettings settings;
  for (const auto& [name, text] : stored) {
    const SettingDefinition* definition = FindSetting(name);
    if (!definition) continue;
    SettingParse parsed = ParseSetting(*definition, text);
    if (!parsed.problem) settings.chosen_.emplace(name, parsed.value);
  }
  return settings;
}

long long BureauSettings::Get(std::string_view name) const {
  if (auto it = chosen_.find(name); it != chosen_.end()) return it->second;
  const SettingDefinition* definition = FindSetting(name);
  if (!definition) throw std::out_of_range("no bureau setting named " + std::string(name));
  return definition->fallback;
}

DeadlineSettings BureauSettings::Deadlines() const {
  auto get = [this](std::string_view name) { return static_cast<int>(Get(name)); };
  return DeadlineSettings{.receipt_confirmation_days = get(kReceiptConfirmationDays),
                          .first_contact_days = get(kFirstContactDays),
                          .silence_after_missed_days = get(kSilenceAfterMissedDays),
                          .max_no_shows = get(kMaxNoShows),
                          .max_incident_age_days = get(kMaxIncidentAgeDays),
                          .handling_complaint_months = get(kHandlingComplaintMonths),
                          .other_party_reply_days = get(kOtherPartyReplyDays),
                          .due_soon_days = get(kDueSoonDays)};
}

bool BureauSettings::IsChosen(std::string_view name) const { return chosen_.contains(name); }

}  // namespace meldpunt
