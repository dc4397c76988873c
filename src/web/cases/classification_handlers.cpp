#include "web/cases/classification_handlers.hpp"

#include <algorithm>
#include <charconv>

#include "http/form.hpp"
#include "store/audit_store.hpp"
#include "store/case_store.hpp"
#include "store/code_list_store.hpp"
#include "store/staff_session_store.hpp"
#include "store/store_types.hpp"
#include "web/cases/case_request.hpp"
#include "web/cases/staff_report_handlers.hpp"
#include "web/common/code_list_labels.hpp"
#include "web/common/pages.hpp"
#include "web/common/staff_access.hpp"
#include "web/common/staff_page.hpp"
#include "web/public/public_handlers.hpp"

namespace meldpunt::web {
namespace {

bool Contains(const std::vector<std::string>& codes, std::string_view code) {
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

http::Response Render(const AppContext& app, const http::Request& request,
                      const StaffSession& staff, const RegisteredReport& report, int status,
                      const std::string& nature, const std::vector<std::string>& grounds,
                      const std::string& domain, const std::string& problem = "") {
  Lang lang = LangOf(request);
  CodeLists lists = app.code_lists.LoadCodeLists();
  app.audit.Audit(staff.user_id, "report.read", report.reference + " classification", app.now());
  TemplateData data;
  data.set("id", std::to_string(report.id));
  data.set("reference", report.reference);
  data.set("case_version", std::to_string(report.case_version));
  data.set("report_version", report.code_list_version);
  data.set("current_version", lists.version());
  data.set("nature_choices",
           CodeListChoices(app, lang, lists, CodeListKind::kNatures, "nature", {nature}));
  data.set("grounds_choices",
           CodeListChoices(app, lang, lists, CodeListKind::kGrounds, "grounds", grounds));
  data.set("domain_choices",
           CodeListChoices(app, lang, lists, CodeListKind::kDomains, "domain", {domain}));
  SetIfNotEmpty(data, "problem", problem);
  http::Response cookies;
  Page page = StaffPage(app, request, cookies, staff, "staff_classification", N_("Classification"),
                        std::move(data));
  return WithCookies(RenderPage(app, request, status, std::move(page)), cookies);
}

// A code is acceptable when active, or when the report has it already (a retired code may stay).
bool Acceptable(const CodeLists& lists, CodeListKind kind, const std::string& code,
                const std::vector<std::string>& before) {
  return lists.IsActive(kind, code) || (Contains(before, code) && lists.IsKnown(kind, code));
}

}  // namespace

http::Response StaffClassificationPage(const AppContext& app, const StaffRequest& req) {
  auto found = FindCase(app, req);
  if (!found.report) return std::move(*found.refusal);
  const RegisteredReport& report = *found.report;
  return Render(app, req.http, req.staff, report, 200, report.nature, report.grounds,
                report.domain);
}

http::Response StaffClassify(const AppContext& app, const StaffRequest& req) {
  const http::Request& request = req.http;
  const StaffSession& staff = req.staff;
  auto found = FindCase(app, req);
  if (!found.report) return std::move(*found.refusal);
  const http::FormFields& form = req.form.fields;
  const RegisteredReport& report = *found.report;
  Lang lang = LangOf(request);

  std::string nature = form.Get("nature");
  std::vector<std::string> grounds = form.GetAll("grounds");
  std::string domain = form.Get("domain");
  long long expected = -1;
  std::string version_text = form.Get("case_version");
  std::from_chars(version_text.data(), version_text.data() + version_text.size(), expected);
  CodeLists lists = app.code_lists.LoadCodeLists();
  std::sort(grounds.begin(), grounds.end());
  bool unique = std::adjacent_find(grounds.begin(), grounds.end()) == grounds.end();
  bool ok = Acceptable(lists, CodeListKind::kNatures, nature, {report.nature}) &&
            Acceptable(lists, CodeListKind::kDomains, domain, {report.domain}) &&
            !grounds.empty() && unique && grounds.size() <= 30 &&
            std::all_of(grounds.begin(), grounds.end(), [&](const std::string& ground) {
              return Acceptable(lists, CodeListKind::kGrounds, ground, report.grounds);
            });
  if (!ok) {
    return Render(app, request, staff, report, 422, nature, grounds, domain,
                  app.translator.Get(lang, N_("Choose one nature, one domain and at least one "
                                              "ground from the lists.")));
  }
  CaseChange change;
  change.report_id = report.id;
  change.staff_user_id = staff.user_id;
  change.expected_version = expected;
  change.kind = CaseEventKind::kClassified;
  change.detail = lists.version();
  change.classify = CaseChange::Classification{nature, grounds, domain, lists.version()};
  if (!app.cases.ApplyCaseChange(change, app.now())) {
    return Render(app, request, staff, report, 409, nature, grounds, domain,
                  app.translator.Get(lang, N_("A colleague changed this case in the meantime. "
                                              "Look at it again before you save.")));
  }
  app.audit.Audit(staff.user_id, "report.classify", report.reference + " " + lists.version(),
                  app.now());
  return http::Response::SeeOther(std::string(kStaffReportsPrefix) + std::to_string(report.id) +
                                  "?geclassificeerd=1");
}

}  // namespace meldpunt::web
