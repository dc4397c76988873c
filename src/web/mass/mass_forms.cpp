#include "web/mass/mass_forms.hpp"

#include <charconv>

#include "domain/reports/classification.hpp"
#include "store/mass_event_store.hpp"

namespace meldpunt::web {
namespace {

std::optional<long long> ParseNumber(std::string_view text, long long min) {
  long long value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || text.size() > 18 || ec != std::errc{} || end != text.data() + text.size() ||
      value < min) {
    return std::nullopt;
  }
  return value;
}

long long UnixSecondsOf(Date date) {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::sys_days(date).time_since_epoch())
      .count();
}

}  // namespace

std::optional<MassEventPath> ParseMassEventPath(std::string_view path) {
  std::string prefix = std::string(kMassEventsPath) + "/";
  if (!path.starts_with(prefix)) return std::nullopt;
  std::string_view rest = path.substr(prefix.size());
  size_t slash = rest.find('/');
  auto id = ParseNumber(rest.substr(0, slash), 1);
  if (!id) return std::nullopt;
  MassEventPath parsed{*id, ""};
  if (slash != std::string_view::npos) {
    parsed.action = std::string(rest.substr(slash + 1));
    if (parsed.action.empty() || parsed.action.find('/') != std::string::npos) return std::nullopt;
  }
  return parsed;
}

std::string MassEventPathOf(long long id) {
  return std::string(kMassEventsPath) + "/" + std::to_string(id);
}

MassFilterCheck CheckMassFilter(const MassFilterInput& input, long long bureau_id) {
  auto from = ParseIsoDate(input.from);
  auto until = ParseIsoDate(input.until);
  if (!from || !until || std::chrono::sys_days(*until) < std::chrono::sys_days(*from))
    return {std::nullopt, "dates"};
  if ((!input.nature.empty() && !IsCode(kNatures, input.nature)) ||
      (!input.domain.empty() && !IsCode(kDomains, input.domain)) ||
      (!input.ground.empty() && !IsCode(kGrounds, input.ground))) {
    return {std::nullopt, "codes"};
  }
  MassReportFilter filter;
  filter.bureau_id = bureau_id;
  filter.reported_from = UnixSecondsOf(*from);
  filter.reported_until = UnixSecondsOf(*until) + 86400;  // the last day included
  filter.nature = input.nature;
  filter.domain = input.domain;
  filter.ground = input.ground;
  return {filter, ""};
}

std::optional<std::vector<long long>> ParseReportIds(const std::vector<std::string>& values,
                                                     size_t max) {
  if (values.size() > max) return std::nullopt;
  std::vector<long long> ids;
  for (const auto& value : values) {
    auto id = ParseNumber(value, 1);
    if (!id) return std::nullopt;
    ids.push_back(*id);
  }
  return ids;
}

std::string FormatSeenCases(const std::vector<SeenCase>& cases) {
  std::string out;
  for (const auto& seen : cases) {
    if (!out.empty()) out += ' ';
    out += std::to_string(seen.id) + "." + std::to_string(seen.version);
  }
  return out;
}

std::optional<std::vector<SeenCase>> ParseSeenCases(std::string_view text, size_t max) {
  std::vector<SeenCase> cases;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find(' ', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view item = text.substr(pos, end - pos);
    pos = end + 1;
    if (item.empty()) continue;
    size_t dot = item.find('.');
    if (dot == std::string_view::npos) return std::nullopt;
    auto id = ParseNumber(item.substr(0, dot), 1);
    auto version = ParseNumber(item.substr(dot + 1), 0);
    if (!id || !version || cases.size() >= max) return std::nullopt;
    cases.push_back({*id, *version});
  }
  return cases;
}

}  // namespace meldpunt::web
