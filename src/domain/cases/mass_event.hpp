#pragma once
// Mass reports (massameldingen): one public event (a politician's statement, a broadcast) that
// brings hundreds or thousands of reports in a few days. Staff link those reports to one event,
// answer them in one go, close them in one go, and the figures are shown with and without them.
// The event itself is public knowledge, not personal data: its name and description say what
// happened in public ("Uitspraak politicus X in talkshow, 3 maart"), never who reported it.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"
#include "domain/reports/reference.hpp"
#include "domain/reports/report.hpp"

namespace meldpunt {

inline constexpr size_t kMaxMassEventNameChars = 200;
inline constexpr size_t kMaxMassEventDescriptionChars = 2000;
// Reports linked, unlinked or closed in one request: the largest bursts seen (about 5,200 mass
// reports in 2024 nationally) fit in one or two requests, and one request stays a few seconds.
inline constexpr size_t kMaxMassReportsPerRequest = 5000;
// Reports one event may hold, so that answering all of them stays one bounded transaction.
inline constexpr long long kMaxReportsPerMassEvent = 50000;

struct MassEventInput {
  std::string name;
  std::string description;
  std::string started_on;  // YYYY-MM-DD
};

// The event as it will be stored (trimmed), or the problems per field: name (required, at most
// 200 characters, plain text), description (optional, at most 2,000 characters, newlines
// allowed), started_on (required, a real date from 1900 on, not after tomorrow).
struct MassEventValidation {
  MassEventInput event;
  std::vector<FieldError> errors;
};
MassEventValidation ValidateMassEvent(const MassEventInput& input, Date today);

// A list of references as staff paste it: separated by spaces, commas, semicolons or newlines,
// in any case (mp-2026-000042 is MP-2026-000042). Duplicates are dropped. What is not a
// reference is returned as typed, so the page can say which ones it did not understand.
struct ReferenceList {
  std::vector<ParsedReference> references;
  std::vector<std::string> not_understood;
  bool too_many = false;  // more than `max` references: none are taken
};
ReferenceList ParseReferenceList(std::string_view text, size_t max);

}  // namespace meldpunt
