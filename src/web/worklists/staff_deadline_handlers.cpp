#include "web/worklists/staff_deadline_handlers.hpp"

#include <charconv>
#include <map>

#include "domain/dutch_time.hpp"
#include "store/audit_store.hpp"
#include "store/case_list_store.hpp"
#include "store/staff_account_store.hpp"
#include "store/staff_session_store.hpp"
#include "web/admin/deadline_settings.hpp"
#include "web/cases/case_labels.hpp"
#include "web/cases/case_times.hpp"
#include "web/cases/case_view.hpp"
#include "web/common/pages.hpp"
#include "web/common/staff_access.hpp"
#include "web/common/staff_page.hpp"
#include "web/worklists/deadline_list.hpp"

namespace meldpunt::web {
namespace {

// The references an audit record names at most; beyond them it gives the count only.
constexpr size_t kMaxAuditedReferences = 200;

// Whose cases the list shows (the query parameter behandelaar).
struct Scope {
  enum class Kind { kEveryone, kUnassigned, kOne } kind = Kind::kEveryone;
  long long user_id = 0;
  std::string Code() const {
    switch (kind) {
      case Kind::kEveryone:
        return "alle";
      case Kind::kUnassigned:
        return "geen";
      case Kind::kOne:
        return std::to_string(user_id);
    }
    return "alle";
  }
};

std::optional<Scope> ParseScope(const std::string& text, const StaffSession& staff,
                                bool whole_bureau) {
  if (text.empty()) {
    if (whole_bureau) return Scope{};
    return Scope{Scope::Kind::kOne, staff.user_id};
  }
  if (text == "alle") return Scope{};
  if (text == "geen") return Scope{Scope::Kind::kUnassigned};
  long long id = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc{} || end != text.data() + text.size() || id <= 0) return std::nullopt;
  return Scope{Scope::Kind::kOne, id};
}

// A handler may look at their own cases and at the unassigned ones; the whole bureau and other
// handlers' lists are for those who assign work.
bool ScopeAllowed(const Scope& scope, const StaffSession& staff, bool whole_bureau) {
  if (whole_bureau) return true;
  return scope.kind == Scope::Kind::kUnassigned ||
         (scope.kind == Scope::Kind::kOne && scope.user_id == staff.user_id);
}

}  // namespace

http::Response StaffDeadlinesPage(const AppContext& app, const StaffRequest& req) {
  const http::Request& request = req.http;
  const StaffSession& staff = req.staff;
  bool whole_bureau = Allows(staff.role, Permission::kAssignCases);
  auto scope = ParseScope(request.QueryParam("behandelaar"), staff, whole_bureau);
  if (!scope) return ErrorPage(app, 400, &request);
  if (!ScopeAllowed(*scope, staff, whole_bureau)) {
    // Refused (403) and recorded the way the route policy refuses a role: the route asks for
    // kHandleCases only, another handler's list or the whole bureau for kAssignCases.
    auto refused = RequireStaff(app, request, Permission::kAssignCases);
    if (refused.refusal) return std::move(*refused.refusal);
  }
  Lang lang = LangOf(request);
  auto tr = [&](const char* text) { return app.translator.Get(lang, text); };
  long long bureau = staff.bureau_id.value_or(0);
  long long now = app.now();

  std::optional<long long> assignee;
  if (scope->kind == Scope::Kind::kOne) assignee = scope->user_id;
  auto cases = app.case_lists.ListOpenCaseTimelines(bureau, assignee);
  if (scope->kind == Scope::Kind::kUnassigned)
    std::erase_if(cases, [](const CaseTimeline& c) { return c.assigned_to.has_value(); });
  DeadlineList list = OverdueAndDueSoon(cases, DeadlineSettingsFor(app, bureau), now);

  // The list names cases: it goes on the record before it is shown.
  std::string subject = scope->Code() + ": " + std::to_string(list.rows.size()) + " deadlines";
  for (size_t i = 0; i < list.rows.size() && i < kMaxAuditedReferences; ++i)
    subject += (i == 0 ? " " : ", ") + list.rows[i].reference;
  AuditEntry entry = AuditEntry::ForBureau(staff.user_id, "deadlines.read", std::nullopt, subject);
  for (const auto& row : list.rows) entry.listed_ids.push_back(row.report_id);  // who saw a case
  app.audit.Audit(entry, now);

  auto staff_list = app.staff.ListBureauStaff(bureau);
  std::map<long long, std::string> emails;
  for (const auto& user : staff_list) emails[user.id] = user.email;
  auto handler_name = [&](std::optional<long long> id) {
    if (!id) return tr(N_("Not assigned"));
    auto it = emails.find(*id);
    return it != emails.end() ? it->second
                              : tr(N_("Unknown colleague")) + " " + std::to_string(*id);
  };

  // Groups: one per handler when the whole bureau is shown (by e-mail address, the unassigned
  // last), else one.
  std::map<std::pair<int, std::string>, std::vector<const DeadlineRow*>> groups;
  std::map<std::pair<int, std::string>, std::optional<long long>> group_handler;
  for (const auto& row : list.rows) {
    std::pair<int, std::string> key{0, ""};
    if (scope->kind == Scope::Kind::kEveryone)
      key = row.assigned_to ? std::make_pair(0, handler_name(row.assigned_to))
                            : std::make_pair(1, std::string());
    groups[key].push_back(&row);
    group_handler[key] = row.assigned_to;
  }
  kainjow::mustache::list group_list;
  int group_number = 0;
  for (const auto& [key, rows] : groups) {
    TemplateData group;
    ++group_number;
    group.set("number", std::to_string(group_number));
    group.set("handler_key", group_handler[key] ? std::to_string(*group_handler[key]) : "geen");
    if (scope->kind == Scope::Kind::kEveryone) {
      group.set("name", handler_name(group_handler[key]));
    } else if (scope->kind == Scope::Kind::kUnassigned) {
      group.set("name", tr(N_("Not assigned")));
    } else {
      group.set("name", handler_name(scope->user_id));
    }
    kainjow::mustache::list items;
    for (const DeadlineRow* row : rows) {
      TemplateData item;
      item.set("id", std::to_string(row->report_id));
      item.set("reference", row->reference);
      item.set("kind_code", std::string(DeadlineKindCode(row->kind)));
      item.set("kind", LabelOf(app, lang, DeadlineLabels(), DeadlineKindCode(row->kind)));
      item.set("due_on", FormatDutchDate(row->due_at));
      item.set("state_code", std::string(DeadlineStateCode(row->state)));
      item.set("state", LabelOf(app, lang, DeadlineStateLabels(), DeadlineStateCode(row->state)));
      item.set("overdue", Bool(row->state == DeadlineState::kOverdue));
      item.set("handler", handler_name(row->assigned_to));
      items.push_back(item);
    }
    group.set("rows", items);
    group.set("count", std::to_string(rows.size()));
    group_list.push_back(group);
  }

  kainjow::mustache::list options;
  std::string chosen = scope->Code();
  if (whole_bureau) {
    options.push_back(SelectOption("alle", tr(N_("Everyone")), chosen == "alle"));
    for (const auto& user : staff_list) {
      if (!IsCaseHandler(user)) continue;
      std::string id = std::to_string(user.id);
      options.push_back(SelectOption(id, user.email, chosen == id));
    }
  } else {
    options.push_back(SelectOption(std::to_string(staff.user_id), tr(N_("My cases")),
                                   chosen == std::to_string(staff.user_id)));
  }
  options.push_back(SelectOption("geen", tr(N_("Not assigned")), chosen == "geen"));

  TemplateData data;
  data.set("options", options);
  data.set("groups", group_list);
  data.set("has_rows", Bool(!list.rows.empty()));
  data.set("overdue", std::to_string(list.overdue));
  data.set("due_soon", std::to_string(list.due_soon));
  http::Response cookies;
  Page page =
      StaffPage(app, request, cookies, staff, "staff_deadlines", N_("Deadlines"), std::move(data));
  return WithCookies(RenderPage(app, request, 200, std::move(page)), cookies);
}

}  // namespace meldpunt::web
