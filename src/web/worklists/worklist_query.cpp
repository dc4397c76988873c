#include "web/worklists/worklist_query.hpp"

#include <algorithm>
#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>
#include <cctype>
#include <charconv>

#include "base/text.hpp"
#include "web/common/i18n.hpp"

namespace meldpunt::web {
namespace {

constexpr const char* kChooseFromList = N_("Choose one of the options in the list.");

// The parameters in the order they appear in links and in the audit record.
struct Parameter {
  const char* name;
  std::string WorklistInput::*field;
};
constexpr Parameter kFilters[] = {
    {"stap", &WorklistInput::step},
    {"behandelaar", &WorklistInput::handler},
    {"soort", &WorklistInput::kind},
    {"gemeente", &WorklistInput::municipality},
    {"grond", &WorklistInput::ground},
    {"kanaal", &WorklistInput::channel},
    {"van", &WorklistInput::from},
    {"tot", &WorklistInput::to},
    // Next deadline and mass-report event (issue 14).
    {"termijn", &WorklistInput::due},
    {"massa", &WorklistInput::mass_event},
    {"label", &WorklistInput::label},
    {"sorteer", &WorklistInput::sort},
    {"volgorde", &WorklistInput::direction},
};

// The search form's field names, which ValidateSearch reports, as this list's parameters.
constexpr std::pair<std::string_view, const char*> kSearchFieldNames[] = {
    {"step", "stap"},    {"handler", "behandelaar"},
    {"type", "soort"},   {"municipality", "gemeente"},
    {"ground", "grond"}, {"from", "van"},
    {"to", "tot"},
};

std::optional<long long> ParseNumber(std::string_view text) {
  long long value = 0;
  if (text.empty() || text.size() > 18) return std::nullopt;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || value < 0) return std::nullopt;
  return value;
}

}  // namespace

WorklistInput WorklistInputOf(const http::FormFields& query) {
  WorklistInput in;
  for (const auto& parameter : kFilters) in.*parameter.field = Trim(query.Get(parameter.name));
  in.after = Trim(query.Get("na"));
  in.before = Trim(query.Get("voor"));
  in.mine = query.Get("mijn") == "1";
  return in;
}

std::string FormatWorklistKey(const WorklistKey& key) {
  return std::to_string(key.value) + "-" + std::to_string(key.id);
}

std::optional<WorklistKey> ParseWorklistKey(std::string_view text) {
  size_t dash = text.find('-');
  if (dash == std::string_view::npos) return std::nullopt;
  auto value = ParseNumber(text.substr(0, dash));
  auto id = ParseNumber(text.substr(dash + 1));
  if (!value || !id || *id == 0) return std::nullopt;
  return WorklistKey{.value = *value, .id = *id};
}

WorklistValidation ValidateWorklist(const WorklistInput& in, long long bureau_id, long long user_id,
                                    const MunicipalityRegistry& municipalities,
                                    const std::vector<StaffUser>& handlers,
                                    const std::vector<std::string>& channels, int page_size) {
  WorklistValidation v;
  auto fail = [&](const char* field, const char* message) { v.errors.push_back({field, message}); };

  // The filters the search form has too are checked as it checks them.
  SearchInput search{.from = in.from,
                     .to = in.to,
                     .municipality = in.municipality,
                     .municipality_field = in.municipality.empty() ? "" : "incident",
                     .ground = in.ground,
                     .step = in.step,
                     .handler = in.mine ? "" : (in.handler == "geen" ? "none" : in.handler),
                     .type = in.kind == "klacht"    ? "complaint"
                             : in.kind == "melding" ? "report"
                                                    : in.kind};
  // "none" and the search's English kinds are not this list's words.
  if (!in.mine && in.handler == "none") search.handler = "-";
  if (in.kind == "complaint" || in.kind == "report") search.type = "-";
  SearchValidation checked = ValidateSearch(search, bureau_id, municipalities, handlers);
  for (const auto& error : checked.errors) {
    for (const auto& [search_name, name] : kSearchFieldNames) {
      if (error.field == search_name) v.errors.push_back({name, error.message});
    }
  }
  WorklistQuery& q = v.query;
  q.filter = std::move(checked.search);
  q.limit = page_size;
  if (in.mine) q.filter.assigned_to = user_id;

  if (!in.channel.empty()) {
    if (std::find(channels.begin(), channels.end(), in.channel) != channels.end()) {
      q.filter.channel = in.channel;
    } else {
      fail("kanaal", kChooseFromList);
    }
  }
  if (in.sort.empty() || in.sort == "datum") {
    q.order = WorklistOrder::kReceived;
  } else if (in.sort == "referentie") {
    q.order = WorklistOrder::kReference;
  } else if (in.sort == "termijn") {
    q.order = WorklistOrder::kNextDue;
  } else if (in.sort == "activiteit") {
    q.order = WorklistOrder::kLastActivity;
  } else {
    fail("sorteer", kChooseFromList);
  }
  // Next deadline and mass-report event (issue 14); the window itself: ApplyDueFilter.
  if (!in.due.empty() && in.due != "verlopen" && in.due != "binnenkort")
    fail("termijn", kChooseFromList);
  if (!in.mass_event.empty()) {
    auto id = ParseNumber(in.mass_event);
    if (id && *id > 0) {
      q.filter.mass_event_id = *id;
    } else {
      fail("massa", N_("Give the number of a mass-report event."));
    }
  }
  if (in.direction.empty()) {
    // The next deadline soonest first; everything else newest (or highest) first.
    q.ascending = q.order == WorklistOrder::kNextDue;
  } else if (in.direction == "af") {
    q.ascending = false;
  } else if (in.direction == "op") {
    q.ascending = true;
  } else {
    fail("volgorde", kChooseFromList);
  }
  constexpr const char* kBadPageLink =
      N_("This link to a page of the list is not valid. Start again from the first page.");
  if (!in.after.empty()) {
    q.after = ParseWorklistKey(in.after);
    if (!q.after) fail("na", kBadPageLink);
  }
  if (!in.before.empty()) {
    q.before = ParseWorklistKey(in.before);
    if (!q.before) fail("voor", kBadPageLink);
  }
  if (q.after && q.before) fail("voor", kBadPageLink);
  return v;
}

void ApplyDueFilter(const WorklistInput& in, long long now, int due_soon_days,
                    WorklistQuery& query) {
  if (in.due == "verlopen") {
    query.filter.due_until = now;  // StateOf: overdue once now is past the last second in time
  } else if (in.due == "binnenkort") {
    query.filter.due_from = now;
    query.filter.due_until = now + static_cast<long long>(due_soon_days) * 24 * 60 * 60;
  }
}

void ValidateWorklistLabel(const WorklistInput& in, const std::vector<long long>& tag_ids,
                           WorklistValidation& v) {
  if (in.label.empty()) return;
  auto id = ParseNumber(in.label);
  if (!id || std::find(tag_ids.begin(), tag_ids.end(), *id) == tag_ids.end()) {
    v.errors.push_back({"label", kChooseFromList});
    return;
  }
  v.query.filter.tag_id = *id;
}

std::string WorklistQueryString(const WorklistInput& in, std::string_view paging_name,
                                std::string_view paging_value) {
  std::string query;
  auto add = [&](std::string_view name, std::string_view value) {
    if (value.empty()) return;
    if (!query.empty()) query += '&';
    query.append(name).append("=").append(
        boost::urls::encode(value, boost::urls::unreserved_chars));
  };
  if (in.mine) add("mijn", "1");
  for (const auto& parameter : kFilters) {
    if (in.mine && parameter.field == &WorklistInput::handler) continue;
    add(parameter.name, in.*parameter.field);
  }
  if (!paging_name.empty()) add(paging_name, paging_value);
  return query;
}

std::string WorklistAuditFilter(const WorklistInput& in) {
  std::string filter;
  auto add = [&](std::string_view name, std::string_view value) {
    if (value.empty()) return;
    if (!filter.empty()) filter += ' ';
    filter.append(name).append("=").append(value);
  };
  if (in.mine) add("mijn", "1");
  for (const auto& parameter : kFilters) {
    if (in.mine && parameter.field == &WorklistInput::handler) continue;
    add(parameter.name, in.*parameter.field);
  }
  return filter;
}

}  // namespace meldpunt::web
