#include "domain/bureau_settings.hpp"

#include <charconv>
#include <stdexcept>

#include "domain/report.hpp"

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

bool BureauSettings::IsChosen(std::string_view name) const { return chosen_.contains(name); }

}  // namespace meldpunt
