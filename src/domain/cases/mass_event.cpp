#include "domain/cases/mass_event.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "base/text.hpp"

namespace meldpunt {
namespace {

std::optional<Problem> CheckStartDate(const std::string& text, Date today) {
  if (text.empty()) return Problem::kRequired;
  auto date = ParseIsoDate(text);
  if (!date) return Problem::kInvalidDate;
  if (static_cast<int>(date->year()) < kEarliestIncidentYear) return Problem::kTooOld;
  // Tomorrow in UTC is still today somewhere in the Netherlands (see docs/design.md, dates).
  if (std::chrono::sys_days(*date) > std::chrono::sys_days(today) + std::chrono::days(1)) {
    return Problem::kFutureDate;
  }
  return std::nullopt;
}

}  // namespace

MassEventValidation ValidateMassEvent(const MassEventInput& input, Date today) {
  MassEventValidation result;
  result.event = {Trim(input.name), Trim(input.description), Trim(input.started_on)};
  if (auto problem = CheckText(result.event.name, kMaxMassEventNameChars, true, false))
    result.errors.push_back({"name", *problem});
  if (auto problem =
          CheckText(result.event.description, kMaxMassEventDescriptionChars, false, true))
    result.errors.push_back({"description", *problem});
  if (auto problem = CheckStartDate(result.event.started_on, today))
    result.errors.push_back({"started_on", *problem});
  return result;
}

ReferenceList ParseReferenceList(std::string_view text, size_t max) {
  ReferenceList list;
  constexpr std::string_view kSeparators = " \t\r\n,;";
  std::set<std::pair<int, long long>> seen;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t start = text.find_first_not_of(kSeparators, pos);
    if (start == std::string_view::npos) break;
    size_t end = text.find_first_of(kSeparators, start);
    if (end == std::string_view::npos) end = text.size();
    std::string token(text.substr(start, end - start));
    pos = end;
    std::string upper = token;
    std::transform(upper.begin(), upper.end(), upper.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    auto parsed = ParseReference(upper);
    if (!parsed) {
      // A long run of junk is still bounded: only the first few are worth showing.
      if (list.not_understood.size() < 20) list.not_understood.push_back(token.substr(0, 40));
      continue;
    }
    if (!seen.insert({parsed->year, parsed->number}).second) continue;
    if (list.references.size() >= max) {
      list.too_many = true;
      list.references.clear();
      return list;
    }
    list.references.push_back(*parsed);
  }
  return list;
}

}  // namespace meldpunt
