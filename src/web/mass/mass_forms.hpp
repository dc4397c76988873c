#pragma once
// The forms of the mass-report pages (massameldingen), read into values: the path, the filter
// for reports to link, the list of reports chosen to unlink, and the cases a bulk-close form was
// made for. Pure functions, tested without a server.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"
#include "store/mass_event_store.hpp"
#include "web/paths.hpp"

namespace meldpunt::web {

// "/medewerkers/massameldingen/12" -> {12, ""}; ".../12/koppelen" -> {12, "koppelen"}.
struct MassEventPath {
  long long id = 0;
  std::string action;
};
std::optional<MassEventPath> ParseMassEventPath(std::string_view path);
std::string MassEventPathOf(long long id);

// The filter as typed: first and last day of reporting (YYYY-MM-DD, both included), and codes
// (empty: any).
struct MassFilterInput {
  std::string from;
  std::string until;
  std::string nature;
  std::string domain;
  std::string ground;
};
// The store's filter for a bureau, or why not: problem "dates" (a date missing or not a date,
// or the last before the first) or "codes" (a code not on its list: a form we did not make).
struct MassFilterCheck {
  std::optional<MassReportFilter> filter;
  std::string problem;
};
MassFilterCheck CheckMassFilter(const MassFilterInput& input, long long bureau_id);

// Report ids as check boxes send them; nullopt when one is not a positive number or there are
// more than max.
std::optional<std::vector<long long>> ParseReportIds(const std::vector<std::string>& values,
                                                     size_t max);

// The open cases a bulk-close form was made for, each with the case_version seen, carried in
// one hidden field as "id.version" separated by spaces (characters a form sends unescaped, so
// 5,000 cases stay under 60 KB). nullopt when malformed or more than max.
struct SeenCase {
  long long id = 0;
  long long version = 0;
};
std::string FormatSeenCases(const std::vector<SeenCase>& cases);
std::optional<std::vector<SeenCase>> ParseSeenCases(std::string_view text, size_t max);

}  // namespace meldpunt::web
