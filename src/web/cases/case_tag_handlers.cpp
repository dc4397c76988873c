#include "web/cases/case_tag_handlers.hpp"

#include <algorithm>

#include "base/text.hpp"
#include "domain/cases/case_event.hpp"
#include "domain/cases/case_tag.hpp"
#include "store/case_store.hpp"
#include "store/tag_store.hpp"
#include "web/cases/case_handlers.hpp"
#include "web/cases/case_request.hpp"
#include "web/common/pages.hpp"

namespace meldpunt::web {

void AddCaseTags(TemplateData& data, const AppContext& app, Lang lang, bool may_handle,
                 const RegisteredReport& report, const CaseFormError* error) {
  auto on_case = app.tags.ListCaseTags(report.bureau_id, report.id);
  kainjow::mustache::list shown;
  for (const auto& tag : on_case) {
    TemplateData item;
    item.set("tag_id", std::to_string(tag.id));
    item.set("tag_name", tag.name);
    item.set("tag_retired", Bool(tag.retired_at.has_value()));
    shown.push_back(item);
  }
  data.set("case_tags", shown);
  data.set("has_case_tags", Bool(!on_case.empty()));
  data.set("may_tag", Bool(may_handle));
  if (!may_handle) return;
  std::string typed = error && error->form == "tag" ? error->Typed("tag") : "";
  kainjow::mustache::list choices;
  for (const auto& tag : app.tags.ListTags(report.bureau_id, false)) {
    if (tag.retired_at) continue;
    bool present = std::any_of(on_case.begin(), on_case.end(),
                               [&](const CaseTag& own) { return own.id == tag.id; });
    if (present) continue;
    TemplateData item;
    item.set("tag_id", std::to_string(tag.id));
    item.set("tag_name", tag.name);
    item.set("tag_selected", Bool(typed == std::to_string(tag.id)));
    choices.push_back(item);
  }
  data.set("tag_choices", choices);
  data.set("has_tag_choices", Bool(!choices.empty()));
  data.set("tag_version", std::to_string(report.case_version));
  if (error && error->form == "tag") data.set("tag_error", error->message);
  (void)lang;
}

http::Response CaseTagPost(const AppContext& app, const StaffRequest& staff_request) {
  const http::Request& request = staff_request.http;
  auto check = CheckCaseRequest(app, staff_request, "tag");
  if (!check.request) return std::move(*check.refusal);
  const CaseRequest& req = *check.request;
  const std::string change_kind = req.form.Get("change");
  if (change_kind != "add" && change_kind != "remove") return ErrorPage(app, 400, &request);
  const bool add = change_kind == "add";
  // Only the case's bureau's own tags: another bureau's id is refused like a made-up one.
  auto tag_id = ParseId(req.form.Get("tag"));
  auto tag = tag_id ? app.tags.GetTag(req.report.bureau_id, *tag_id) : std::nullopt;
  if (!tag) return RefuseCaseForm(app, request, req, Tr(app, req, N_("Choose one of the tags.")));
  auto on_case = app.tags.ListCaseTags(req.report.bureau_id, req.report.id);
  bool present = std::any_of(on_case.begin(), on_case.end(),
                             [&](const CaseTag& own) { return own.id == tag->id; });
  if (add && present) {
    return RefuseCaseForm(app, request, req, Tr(app, req, N_("The case has this tag already.")));
  }
  if (!add && !present) {
    return RefuseCaseForm(app, request, req, Tr(app, req, N_("The case does not have this tag.")));
  }
  if (add && tag->retired_at) {
    return RefuseCaseForm(app, request, req,
                          Tr(app, req, N_("This tag is retired and cannot be put on a case.")));
  }
  if (add && static_cast<long long>(on_case.size()) >= kMaxTagsPerCase) {
    return RefuseCaseForm(app, request, req,
                          Tr(app, req, N_("A case has at most 20 tags. Take one off first.")));
  }
  CaseChange change;
  change.kind = CaseEventKind::kTagged;
  change.code = add ? "added" : "removed";
  change.detail = std::to_string(tag->id);
  change.text = tag->name;  // as it was called then: the history keeps what staff saw
  change.tag = std::make_pair(tag->id, add);
  return ApplyCaseForm(app, request, req, std::move(change), "case.tag",
                       change_kind + " " + std::to_string(tag->id),
                       add ? "label-toegevoegd" : "label-verwijderd");
}

}  // namespace meldpunt::web
