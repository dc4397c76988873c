#include "web/cases/case_page.hpp"

#include <array>
#include <utility>

#include "domain/reports/follow_up.hpp"
#include "store/audit_log.hpp"
#include "store/audit_store.hpp"
#include "store/bureau_store.hpp"
#include "store/case_store.hpp"
#include "store/evidence_store.hpp"
#include "store/follow_up_store.hpp"
#include "store/staff_account_store.hpp"
#include "store/staff_session_store.hpp"
#include "store/standard_reply_store.hpp"
#include "store/store_types.hpp"
#include "web/admin/staff_audit_handlers.hpp"
#include "web/cases/case_follow_up.hpp"
#include "web/cases/case_own_initiative_handlers.hpp"
#include "web/cases/case_referral_handlers.hpp"
#include "web/cases/case_related_handlers.hpp"
#include "web/cases/case_tag_handlers.hpp"
#include "web/cases/evidence_previews.hpp"
#include "web/cases/staff_evidence.hpp"
#include "web/cases/standard_reply_insert.hpp"
#include "web/common/pages.hpp"
#include "web/common/staff_page.hpp"
#include "web/followup/thread_view.hpp"
#include "web/privacy/staff_privacy_handlers.hpp"

namespace meldpunt::web {
namespace {

// Sized by its entries, so that a feature adds its messages without counting.
constexpr std::pair<std::string_view, const char*> kDoneMessages[] = {
    {"stap", N_("The case has moved to the new step.")},
    {"stappen", N_("The case has moved to the new step; the steps in between are in the "
                   "history.")},
    {"heropend", N_("The case has been reopened.")},
    {"gearchiveerd", N_("The case has been archived.")},
    {"afgesloten", N_("The case has been closed.")},
    {"actie", N_("The action has been recorded.")},
    {"toestemming", N_("The reporter's consent has been recorded.")},
    {"toestemming-ingetrokken", N_("The reporter's consent has been withdrawn.")},
    {"contact", N_("The contact has been recorded.")},
    {"notitie", N_("Your note has been saved.")},
    {"toegewezen", N_("The handler has been saved.")},
    {"bemiddeling", N_("The mediation has been planned.")},
    // Follow-up dates (case_follow_up.hpp, issue 14).
    {"opvolgdatum", N_("The follow-up date has been saved.")},
    {"opvolging-klaar", N_("The follow-up has been marked as done.")},
    {"label-toegevoegd", N_("The tag has been put on the case.")},
    {"label-verwijderd", N_("The tag has been taken off the case.")},
    {"doorverwezen", N_("The referral has been recorded.")},
    {"eigen-initiatief", N_("The case is marked as the bureau's own initiative.")},
    {"eigen-initiatief-beeindigd", N_("The own initiative has been ended.")},
    // Related cases (case_related_handlers.hpp, issue 14).
    {"gerelateerd", N_("The cases are linked as related.")},
    {"ontkoppeld", N_("The cases are no longer linked as related.")},
};

}  // namespace

const char* CaseDoneMessage(std::string_view done) {
  for (const auto& [code, message] : kDoneMessages) {
    if (code == done) return message;
  }
  return nullptr;
}

http::Response CasePage(const AppContext& app, const http::Request& request,
                        const StaffSession& staff, const RegisteredReport& report, int status,
                        const CaseFormError* error) {
  Lang lang = LangOf(request);
  auto messages = app.follow_up.ListMessages(report.id);
  auto events = app.cases.ListCaseEvents(report.id);
  auto bureau_staff = app.staff.ListBureauStaff(report.bureau_id);
  auto files = app.evidence.ListEvidence(report.id);
  // Showing a case is a read of personal data: it goes on the record before it is shown.
  app.audit.Audit(AuditEntry::ForCase(staff.user_id, "report.read", report.id, report.bureau_id,
                                      report.reference),
                  app.now());

  TemplateData data;
  data.set("id", std::to_string(report.id));
  data.set("reference", report.reference);
  AddCaseSummary(data, app, lang, report, events, messages, bureau_staff);
  AddCaseHistory(data, app, lang, events, messages, bureau_staff);
  AddCaseForms(data, app, lang, staff, report, events, bureau_staff, error);
  AddMediation(data, report, events, app.cases.GetMediation(report.id), error);
  AddCaseFollowUp(data, app, lang, report, events, error);
  AddCaseTags(data, app, lang, Allows(staff.role, Permission::kHandleCases), report, error);
  AddCaseReferral(data, app, lang, Allows(staff.role, Permission::kHandleCases), report, error);
  AddCaseRelated(data, app, lang, Allows(staff.role, Permission::kHandleCases), report, error);
  AddCaseOwnInitiative(data, app, lang, Allows(staff.role, Permission::kHandleCases), report,
                       events, error);
  data.set("thread", RenderThread(app, lang, messages, files, Viewer::kStaff));
  // Every file of the report, also those sent with the report itself, which the thread does not
  // show: each download goes through the audited route.
  data.set("has_files", Bool(!files.empty()));
  data.set("files", CaseFileList(app, lang, staff.user_id, files));
  data.set("may_write", Bool(Allows(staff.role, Permission::kHandleCases)));
  data.set("code_list_version", report.code_list_version);
  if (Allows(staff.role, Permission::kReadAuditLog))
    data.set("audit_url", AuditLogPathForCase(report.reference));
  // Retention, access, correction and erasure (staff_privacy_handlers.cpp).
  data.set("erased", Bool(report.anonymised_at.has_value()));
  PrivacySection privacy = RenderPrivacySection(app, request, staff, report);
  data.set("privacy_notices", privacy.notices);
  data.set("privacy_section", privacy.section);
  data.set("max_message", std::to_string(kMaxMessageChars));
  if (Allows(staff.role, Permission::kMoveCases)) {
    kainjow::mustache::list others;
    for (const auto& bureau : app.bureaus.ListBureaus()) {
      if (bureau.id == report.bureau_id) continue;
      TemplateData item;
      item.set("id", std::to_string(bureau.id));
      item.set("name", bureau.name);
      others.push_back(item);
    }
    data.set("may_move", Bool(!others.empty()));
    data.set("other_bureaus", others);
  }
  data.set("sent", Bool(request.QueryParam("verzonden") == "1"));
  if (const char* done = CaseDoneMessage(request.QueryParam("gedaan"))) {
    data.set("done_message", app.translator.Get(lang, done));
  }
  if (error) {
    // A form that came back without a problem (a standard reply inserted) shows no error: an
    // empty string would still open a mustache section.
    if (!error->message.empty()) {
      data.set("form_error", error->message);
      data.set("form_name", error->form);
    }
    data.set("conflict", Bool(error->conflict));
    if (error->form == "message" || error->form == "standard_reply") {
      if (!error->message.empty())
        data.set(error->form == "message" ? "message_error" : "reply_error", error->message);
      data.set("message", error->Typed("message"));
      if (std::string notice = error->Typed("reply_notice"); !notice.empty())
        data.set("reply_notice", notice);
    }
  }
  // Standard replies to insert into the message (issue 14), in the reporter's language where the
  // bureau has them.
  if (Allows(staff.role, Permission::kHandleCases) && !report.anonymised_at) {
    std::string chosen = error ? error->Typed(std::string(kReplyChoiceField)) : "";
    auto options = StandardReplyOptions(app, lang, report.bureau_id, ReplyUse::kMessage,
                                        app.standard_replies.ReporterLanguage(report.id), chosen);
    data.set("has_standard_replies", Bool(!options.empty()));
    data.set("standard_replies", options);
  }
  http::Response cookies;
  Page page =
      StaffPage(app, request, cookies, staff, "staff_report", N_("Report"), std::move(data));
  return WithCookies(RenderPage(app, request, status, std::move(page)), cookies);
}

}  // namespace meldpunt::web
