#include "web/case_page.hpp"

#include <array>
#include <utility>

#include "domain/follow_up.hpp"
#include "web/pages.hpp"
#include "web/staff_handlers.hpp"
#include "web/thread_view.hpp"

namespace meldpunt::web {
namespace {

constexpr std::array<std::pair<std::string_view, const char*>, 10> kDoneMessages = {{
    {"stap", N_("The case has moved to the new step.")},
    {"heropend", N_("The case has been reopened.")},
    {"gearchiveerd", N_("The case has been archived.")},
    {"afgesloten", N_("The case has been closed.")},
    {"actie", N_("The action has been recorded.")},
    {"toestemming", N_("The reporter's consent has been recorded.")},
    {"toestemming-ingetrokken", N_("The reporter's consent has been withdrawn.")},
    {"contact", N_("The contact has been recorded.")},
    {"notitie", N_("Your note has been saved.")},
    {"toegewezen", N_("The handler has been saved.")},
}};

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
  auto messages = app.store.ListMessages(report.id);
  auto events = app.store.ListCaseEvents(report.id);
  auto bureau_staff = app.store.ListBureauStaff(report.bureau_id);
  // Showing a case is a read of personal data: it goes on the record before it is shown.
  app.store.Audit(staff.user_id, "report.read", report.reference, app.now());

  TemplateData data;
  data.set("id", std::to_string(report.id));
  data.set("reference", report.reference);
  data.set("description", report.description);
  AddCaseSummary(data, app, lang, report, events, messages, bureau_staff);
  AddCaseHistory(data, app, lang, events, bureau_staff);
  AddCaseForms(data, app, lang, staff, report, events, bureau_staff, error);
  data.set("thread",
           RenderThread(app, lang, messages, app.store.ListEvidence(report.id), Viewer::kStaff));
  data.set("may_write", Bool(Allows(staff.role, Permission::kHandleCases)));
  data.set("max_message", std::to_string(kMaxMessageChars));
  if (Allows(staff.role, Permission::kMoveCases)) {
    kainjow::mustache::list others;
    for (const auto& bureau : app.store.ListBureaus()) {
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
    data.set("form_error", error->message);
    data.set("form_name", error->form);
    data.set("conflict", Bool(error->conflict));
    if (error->form == "message") {
      data.set("message_error", error->message);
      data.set("message", error->Typed("message"));
    }
  }
  http::Response cookies;
  Page page =
      StaffPage(app, request, cookies, staff, "staff_report", N_("Report"), std::move(data));
  // The parts are rendered with the page's data, which now holds the anti-forgery token.
  for (const char* part : {"case_summary", "case_history", "case_forms"}) {
    page.data.set(part, app.templates.Render(std::string("staff_") + part, lang, page.data));
  }
  return WithCookies(RenderPage(app, request, status, std::move(page)), cookies);
}

}  // namespace meldpunt::web
