#include "web/cases/case_related_handlers.hpp"

#include <algorithm>

#include "base/text.hpp"
#include "domain/cases/case_event.hpp"
#include "domain/cases/duplicate_match.hpp"
#include "domain/dutch_time.hpp"
#include "domain/reports/reference.hpp"
#include "store/audit_log.hpp"
#include "store/audit_store.hpp"
#include "store/case_store.hpp"
#include "store/duplicate_store.hpp"
#include "web/cases/case_labels.hpp"
#include "web/cases/case_request.hpp"
#include "web/cases/staff_report_handlers.hpp"
#include "web/common/pages.hpp"
#include "web/common/staff_access.hpp"
#include "web/public/report_options.hpp"

namespace meldpunt::web {
namespace {

// The page's hint names the window in days.
static_assert(kDuplicateWindowSeconds == 180LL * 24 * 3600, "_case_related says 180 days");

const char* ReasonLabel(MatchReason reason) {
  switch (reason) {
    case MatchReason::kEmail:
      return N_("same e-mail address");
    case MatchReason::kPhone:
      return N_("same phone number");
    case MatchReason::kParty:
      return N_("same other party");
    case MatchReason::kText:
      return N_("similar text");
  }
  return N_("similar text");
}

std::string CaseUrl(long long id) { return std::string(kStaffReportsPrefix) + std::to_string(id); }

// "mp-2026-000042 " as typed: the reference in its own form, or nothing.
std::optional<std::string> TypedReference(std::string_view typed) {
  std::string text = Trim(typed);
  for (char& c : text) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  auto parsed = ParseReference(text);
  if (!parsed) return std::nullopt;
  return FormatReference(parsed->year, parsed->number);
}

}  // namespace

void AddCaseRelated(TemplateData& data, const AppContext& app, Lang lang, bool may_handle,
                    const RegisteredReport& report, const CaseFormError* error) {
  const std::string version = std::to_string(report.case_version);
  auto related = app.duplicates.ListRelatedCases(report.bureau_id, report.id);
  kainjow::mustache::list related_items;
  for (const auto& item : related) {
    TemplateData row;
    row.set("related_id", std::to_string(item.report_id));
    row.set("related_url", CaseUrl(item.report_id));
    row.set("related_reference", item.reference);
    row.set("related_date", FormatDutchDate(item.reported_at));
    row.set("related_step", LabelOf(app, lang, StepLabels(), StepCode(item.step)));
    related_items.push_back(row);
  }
  data.set("related_cases", related_items);
  data.set("has_related_cases", Bool(!related.empty()));

  // Hints only for a case whose personal data is still there: erased, it has no keys left.
  std::vector<DuplicateHint> hints;
  if (!report.anonymised_at)
    hints = app.duplicates.FindDuplicateHints(report.bureau_id, report.id, kMaxDuplicateHints);
  kainjow::mustache::list hint_items;
  for (const auto& hint : hints) {
    TemplateData row;
    row.set("hint_id", std::to_string(hint.report_id));
    row.set("hint_url", CaseUrl(hint.report_id));
    row.set("hint_reference", hint.reference);
    row.set("hint_date", FormatDutchDate(hint.reported_at));
    std::string reasons;
    kainjow::mustache::list codes;
    for (MatchReason reason : hint.reasons) {
      if (!reasons.empty()) reasons += ", ";
      reasons += app.translator.Get(lang, ReasonLabel(reason));
      TemplateData code;
      code.set("code", std::string(MatchReasonCode(reason)));
      codes.push_back(code);
    }
    row.set("hint_reasons", reasons);
    row.set("hint_codes", codes);
    hint_items.push_back(row);
  }
  data.set("duplicate_hints", hint_items);
  data.set("has_duplicate_hints", Bool(!hints.empty()));
  // An archived case is finished: nothing is linked to it or taken from it any more.
  data.set("may_relate", Bool(may_handle && report.step != CaseStep::kArchived));
  data.set("related_version", version);
  if (error && error->form == "related") {
    data.set("related_error", error->message);
    data.set("related_typed", error->Typed("other"));
  }
}

http::Response CaseRelatedPost(const AppContext& app, const StaffRequest& staff_request) {
  const http::Request& request = staff_request.http;
  auto check = CheckCaseRequest(app, staff_request, "related");
  if (!check.request) return std::move(*check.refusal);
  const CaseRequest& req = *check.request;
  const std::string change_kind = req.form.Get("change");
  if (change_kind != "link" && change_kind != "unlink") return ErrorPage(app, 400, &request);
  const bool link = change_kind == "link";
  const std::string typed = req.form.Get("other");
  if (typed.size() > 40) {
    return RefuseCaseForm(app, request, req,
                          Tr(app, req, N_("Type a reference such as MP-2026-000042.")));
  }
  auto reference = TypedReference(typed);
  if (!reference) {
    return RefuseCaseForm(app, request, req,
                          Tr(app, req, N_("Type a reference such as MP-2026-000042.")));
  }
  // Only a case of the same bureau: another bureau's case is answered as if it did not exist
  // (VisibleReport puts the attempt on the audit record).
  auto parsed = ParseReference(*reference);
  auto other = VisibleReport(app, req.staff, parsed->number);
  if (!other || other->reference != *reference || other->bureau_id != req.report.bureau_id) {
    return RefuseCaseForm(app, request, req,
                          Tr(app, req, N_("Your bureau has no case with this reference.")));
  }
  if (other->id == req.report.id) {
    return RefuseCaseForm(app, request, req,
                          Tr(app, req, N_("A case cannot be related to itself.")));
  }
  if (req.report.step == CaseStep::kArchived || other->step == CaseStep::kArchived) {
    return RefuseCaseForm(app, request, req,
                          Tr(app, req, N_("An archived case cannot be linked or unlinked.")));
  }
  auto related = app.duplicates.ListRelatedCases(req.report.bureau_id, req.report.id);
  bool present = std::any_of(related.begin(), related.end(),
                             [&](const RelatedCase& item) { return item.report_id == other->id; });
  if (link && present) {
    return RefuseCaseForm(app, request, req, Tr(app, req, N_("These cases are related already.")));
  }
  if (!link && !present) {
    return RefuseCaseForm(app, request, req, Tr(app, req, N_("These cases are not related.")));
  }
  if (link && (app.duplicates.CountRelatedCases(req.report.id) >= kMaxRelatedCases ||
               app.duplicates.CountRelatedCases(other->id) >= kMaxRelatedCases)) {
    return RefuseCaseForm(
        app, request, req,
        Tr(app, req, N_("A case has at most 50 related cases. Unlink one first.")));
  }
  CaseChange mine;
  mine.report_id = req.report.id;
  mine.staff_user_id = req.staff.user_id;
  mine.expected_version = req.report.case_version;
  mine.kind = CaseEventKind::kRelated;
  mine.code = link ? "linked" : "unlinked";
  mine.detail = other->reference;
  mine.related = std::make_pair(other->id, link);
  CaseChange theirs = mine;
  theirs.report_id = other->id;
  theirs.expected_version = other->case_version;
  theirs.detail = req.report.reference;
  theirs.related = std::make_pair(req.report.id, link);
  if (!app.duplicates.RelateCases(mine, theirs, app.now())) {
    return RefuseCaseForm(app, request, req,
                          Tr(app, req,
                             N_("A colleague changed one of the cases meanwhile, so nothing was "
                                "saved. Try again.")),
                          409);
  }
  const std::string action = "case.related";
  app.audit.Audit(
      AuditEntry::ForCase(req.staff.user_id, action, req.report.id, req.report.bureau_id,
                          req.report.reference + ": " + change_kind + " " + other->reference),
      app.now());
  app.audit.Audit(
      AuditEntry::ForCase(req.staff.user_id, action, other->id, other->bureau_id,
                          other->reference + ": " + change_kind + " " + req.report.reference),
      app.now());
  return http::Response::SeeOther(CaseUrl(req.report.id) +
                                  "?gedaan=" + (link ? "gerelateerd" : "ontkoppeld") + "#related");
}

}  // namespace meldpunt::web
