#include "domain/audit_query.hpp"

#include <algorithm>
#include <charconv>

#include "base/text.hpp"
#include "domain/dutch_time.hpp"
#include "domain/reports/reference.hpp"
#include "domain/reports/report.hpp"

namespace meldpunt {
namespace {

std::string Trimmed(std::string_view text) {
  size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  size_t end = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(begin, end - begin + 1));
}

}  // namespace

bool IsAuditAction(std::string_view action) {
  return std::find(kAuditActions.begin(), kAuditActions.end(), action) != kAuditActions.end();
}

long long DutchDayStart(Date day) {
  using namespace std::chrono;
  long long utc_midnight = duration_cast<seconds>(sys_days{day}.time_since_epoch()).count();
  // Local midnight is 22:00 or 23:00 UTC the day before; summer time never starts or ends
  // between those two (it switches at 01:00 UTC), so the offset at 22:30 UTC is the right one.
  return utc_midnight - DutchUtcOffsetSeconds(utc_midnight - 5400);
}

ParsedAuditQuery ParseAuditQuery(const AuditQueryInput& input) {
  ParsedAuditQuery parsed;
  auto fail = [&](const char* field, AuditQueryProblem problem) {
    parsed.errors.push_back({field, problem});
  };

  std::string reference = Trimmed(input.reference);
  std::transform(reference.begin(), reference.end(), reference.begin(),
                 [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c; });
  if (!reference.empty()) {
    auto ref = reference.size() <= 20 ? ParseReference(reference) : std::nullopt;
    // Only the form we print: MP-, four digits, a dash, at least six digits.
    if (ref && ref->year >= 1000 && FormatReference(ref->year, ref->number) == reference) {
      parsed.query.report_id = ref->number;
      parsed.query.report_year = ref->year;
    } else {
      fail("reference", AuditQueryProblem::kReference);
    }
  }

  std::string email = Trimmed(input.staff_email);
  if (!email.empty()) {
    if (email.size() <= kMaxEmailChars && LooksLikeEmail(email)) {
      parsed.query.staff_email = email;
    } else {
      fail("staff_email", AuditQueryProblem::kStaffEmail);
    }
  }

  if (!input.action.empty()) {
    if (IsAuditAction(input.action)) {
      parsed.query.action = input.action;
    } else {
      fail("action", AuditQueryProblem::kAction);
    }
  }

  std::optional<Date> from, to;
  if (auto text = Trimmed(input.from); !text.empty()) {
    from = ParseIsoDate(text);
    if (!from) fail("from", AuditQueryProblem::kDate);
  }
  if (auto text = Trimmed(input.to); !text.empty()) {
    to = ParseIsoDate(text);
    if (!to) fail("to", AuditQueryProblem::kDate);
  }
  if (from && to && *to < *from) fail("to", AuditQueryProblem::kRangeReversed);
  if (from) parsed.query.from = DutchDayStart(*from);
  if (to)
    parsed.query.until = DutchDayStart(Date{std::chrono::sys_days{*to} + std::chrono::days{1}});

  int page = 1;
  const std::string& p = input.page;
  auto [end, ec] = std::from_chars(p.data(), p.data() + p.size(), page);
  if (p.empty() || ec != std::errc{} || end != p.data() + p.size() || page < 1 ||
      page > kMaxAuditPage) {
    page = 1;
  }
  parsed.query.page = page;

  long long up_to = 0;
  const std::string& u = input.up_to;
  auto [up_end, up_ec] = std::from_chars(u.data(), u.data() + u.size(), up_to);
  if (!u.empty() && up_ec == std::errc{} && up_end == u.data() + u.size() && up_to > 0)
    parsed.query.up_to_id = up_to;
  return parsed;
}

}  // namespace meldpunt
