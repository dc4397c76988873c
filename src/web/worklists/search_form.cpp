#include "web/worklists/search_form.hpp"

#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>
#include <cctype>
#include <charconv>
#include <chrono>

#include "base/text.hpp"
#include "domain/cases/deadlines.hpp"
#include "domain/cases/handling.hpp"
#include "domain/cases/text_search.hpp"
#include "domain/reports/classification.hpp"
#include "domain/reports/reference.hpp"
#include "domain/reports/report.hpp"
#include "store/case_list_store.hpp"
#include "store/staff_account_store.hpp"
#include "web/common/i18n.hpp"

namespace meldpunt::web {
namespace {

constexpr const char* kChooseFromList = N_("Choose one of the options in the list.");
constexpr const char* kInvalidDate = N_("Give a date such as 2026-03-31.");

// Noon UTC always falls on the same Dutch calendar day (CET and CEST are 1 and 2 hours ahead).
long long NoonUtc(Date date) {
  using namespace std::chrono;
  return duration_cast<seconds>(sys_days{date}.time_since_epoch()).count() + 12 * 3600;
}

}  // namespace

std::string SearchQueryString(const SearchInput& in, int page) {
  std::string query;
  auto add = [&](std::string_view name, std::string_view value) {
    if (value.empty()) return;
    if (!query.empty()) query += '&';
    query.append(name).append("=").append(
        boost::urls::encode(value, boost::urls::unreserved_chars));
  };
  add("ref", in.ref);
  add("from", in.from);
  add("to", in.to);
  add("municipality", in.municipality);
  add("municipality_field", in.municipality_field);
  add("ground", in.ground);
  add("domain", in.domain);
  add("nature", in.nature);
  add("handling", in.handling);
  add("step", in.step);
  add("handler", in.handler);
  add("type", in.type);
  add("q", in.text);
  // A search with no field set still says it is one, so that the address shows results.
  add("page", page > 1 || query.empty() ? std::to_string(page) : "");
  return query;
}

long long StartOfDutchDate(Date date) { return EndOfDutchDayAfterDays(NoonUtc(date), -1) + 1; }
long long EndOfDutchDate(Date date) { return EndOfDutchDayAfterDays(NoonUtc(date), 0); }

SearchInput SearchInputOf(const http::FormFields& form) {
  SearchInput in;
  in.ref = Trim(form.Get("ref"));
  in.from = Trim(form.Get("from"));
  in.to = Trim(form.Get("to"));
  in.municipality = form.Get("municipality");
  in.municipality_field = form.Get("municipality_field");
  in.ground = form.Get("ground");
  in.domain = form.Get("domain");
  in.nature = form.Get("nature");
  in.handling = form.Get("handling");
  in.step = form.Get("step");
  in.handler = form.Get("handler");
  in.type = form.Get("type");
  in.text = form.Get("q");
  auto page = ParseId(form.Get("page"));
  in.page = page && *page <= kMaxSearchPage ? static_cast<int>(*page) : 1;
  return in;
}

SearchValidation ValidateSearch(const SearchInput& in, long long bureau_id,
                                const MunicipalityRegistry& municipalities,
                                const std::vector<StaffUser>& handlers) {
  SearchValidation v;
  ReportSearch& s = v.search;
  s.bureau_id = bureau_id;
  auto fail = [&](const char* field, const char* message) { v.errors.push_back({field, message}); };

  if (!in.ref.empty()) {
    std::string ref = in.ref;
    for (auto& c : ref) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (auto parsed = ref.size() <= kMaxReferenceChars ? ParseReference(ref) : std::nullopt) {
      s.report_id = parsed->number;
      s.reported_year = parsed->year;
    } else if (auto number = ParseId(ref)) {
      s.report_id = *number;
    } else {
      fail("ref", N_("Give a reference such as MP-2026-000042, or only its number."));
    }
  }

  std::optional<Date> from, to;
  if (!in.from.empty()) {
    from = ParseIsoDate(in.from);
    if (!from) fail("from", kInvalidDate);
  }
  if (!in.to.empty()) {
    to = ParseIsoDate(in.to);
    if (!to) fail("to", kInvalidDate);
  }
  if (from) s.reported_from = StartOfDutchDate(*from);
  if (to) s.reported_until = EndOfDutchDate(*to);
  if (from && to && std::chrono::sys_days{*to} < std::chrono::sys_days{*from})
    fail("to", N_("The last date is before the first date."));

  if (!in.municipality.empty()) {
    bool special =
        in.municipality == kIncidentNotApplicable || in.municipality == kResidenceUnknown;
    if (special || municipalities.Find(in.municipality)) {
      s.municipality = in.municipality;
    } else {
      fail("municipality", kChooseFromList);
    }
  }
  if (in.municipality_field.empty() || in.municipality_field == "either") {
    s.municipality_field = MunicipalityField::kEither;
  } else if (in.municipality_field == "incident") {
    s.municipality_field = MunicipalityField::kIncident;
  } else if (in.municipality_field == "residence") {
    s.municipality_field = MunicipalityField::kResidence;
  } else {
    fail("municipality_field", kChooseFromList);
  }

  if (!in.ground.empty()) {
    if (IsCode(kGrounds, in.ground)) {
      // A ground includes its sub-grounds: "religion" finds "religion.antisemitism" too.
      for (auto code : kGrounds) {
        if (code == in.ground || (code.starts_with(in.ground) && code.size() > in.ground.size() &&
                                  code[in.ground.size()] == '.'))
          s.grounds.emplace_back(code);
      }
    } else {
      fail("ground", kChooseFromList);
    }
  }
  auto code = [&](const std::string& value, std::span<const std::string_view> list,
                  const char* field, std::string& into) {
    if (value.empty()) return;
    if (IsCode(list, value)) {
      into = value;
    } else {
      fail(field, kChooseFromList);
    }
  };
  code(in.domain, kDomains, "domain", s.domain);
  code(in.nature, kNatures, "nature", s.nature);
  code(in.handling, kHandlings, "handling", s.handling);

  if (in.step == "open") {
    s.open_only = true;
  } else if (!in.step.empty()) {
    if (auto step = ParseStep(in.step)) {
      s.step = step;
    } else {
      fail("step", kChooseFromList);
    }
  }

  if (in.handler == "none") {
    s.unassigned = true;
  } else if (!in.handler.empty()) {
    auto id = ParseId(in.handler);
    bool known = false;
    for (const auto& user : handlers) known = known || (id && user.id == *id);
    if (known) {
      s.assigned_to = id;
    } else {
      fail("handler", kChooseFromList);
    }
  }

  if (in.type == "complaint") {
    s.complaint = true;
  } else if (in.type == "report") {
    s.complaint = false;
  } else if (!in.type.empty()) {
    fail("type", kChooseFromList);
  }

  std::string text = Trim(in.text);
  if (!text.empty()) {
    size_t length = CountCodePoints(text);
    if (!IsValidUtf8Text(text, false)) {
      fail("text", N_("The search text holds characters that cannot be searched for."));
    } else if (length > kMaxSearchTextChars) {
      fail("text", N_("Search for at most 200 characters."));
    } else if (length < kMinSearchTextChars) {
      fail("text", N_("Search for at least 2 characters."));
    } else {
      s.folded_text = FoldForSearch(text);
    }
  }
  return v;
}

std::string SearchAuditSubject(const SearchInput& in) {
  std::string subject;
  auto add = [&](const char* name, const std::string& value) {
    if (value.empty()) return;
    if (!subject.empty()) subject += ' ';
    subject += name;
    subject += '=';
    // Only what the form offers gets here whole; a typed value is cut short.
    subject += value.substr(0, kMaxReferenceChars);
  };
  add("ref", in.ref);
  add("from", in.from);
  add("to", in.to);
  add("municipality", in.municipality);
  if (!in.municipality.empty()) add("in", in.municipality_field);
  add("ground", in.ground);
  add("domain", in.domain);
  add("nature", in.nature);
  add("handling", in.handling);
  add("step", in.step);
  add("handler", in.handler);
  add("type", in.type);
  if (!Trim(in.text).empty()) add("text", "yes");  // never the text itself
  add("page", std::to_string(in.page));
  return subject;
}

}  // namespace meldpunt::web
