#include "web/common/staff_page.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <utility>

#include "domain/dutch_time.hpp"
#include "domain/figures/figures.hpp"
#include "domain/figures/suppression.hpp"
#include "domain/figures/working_area.hpp"
#include "http/form.hpp"
#include "store/staff_session_store.hpp"
#include "web/accounts/staff_login_handlers.hpp"
#include "web/accounts/staff_login_state.hpp"
#include "web/cases/case_labels.hpp"
#include "web/cases/staff_evidence.hpp"
#include "web/common/pages.hpp"
#include "web/common/staff_access.hpp"
#include "web/figures/figures_scope.hpp"
#include "web/figures/mass_figures.hpp"
#include "web/figures/municipal_report_view.hpp"
#include "web/public/public_handlers.hpp"
#include "web/public/report_options.hpp"

namespace meldpunt::web {

// Pages for signed-in staff carry the logout form, which needs the anti-forgery token.
Page StaffPage(const AppContext& app, const http::Request& request, http::Response& cookies,
               const StaffSession& staff, std::string template_name, std::string title,
               TemplateData data) {
  TemplateData nav;
  std::string csrf = CsrfTokenFor(app, request, cookies);
  nav.set("csrf", csrf);
  data.set("csrf", csrf);  // for the page's own forms: one token per response
  nav.set("staff_email", staff.email);
  nav.set("on_reports", Bool(template_name == "staff_reports"));
  nav.set("on_figures",
          Bool(template_name == "staff_figures" || template_name == "staff_dashboard"));
  nav.set("on_bureaus", Bool(template_name == "staff_bureaus"));
  nav.set("on_mass", Bool(template_name.starts_with("staff_mass_")));
  nav.set("on_audit", Bool(template_name == "staff_audit"));
  nav.set("on_intake", Bool(template_name == "staff_intake"));
  nav.set("on_settings", Bool(template_name == "staff_settings"));
  nav.set("on_bureau_profile", Bool(template_name == "staff_bureau_profile"));
  nav.set("on_population", Bool(template_name == "staff_population"));
  nav.set("may_manage_population", Bool(Allows(staff.role, Permission::kManagePopulation)));
  nav.set("may_manage_settings", Bool(Allows(staff.role, Permission::kManageBureauSettings)));
  nav.set("on_deadlines", Bool(template_name == "staff_deadlines"));
  nav.set("on_search", Bool(template_name == "staff_search"));
  nav.set("may_handle_cases", Bool(Allows(staff.role, Permission::kHandleCases)));
  nav.set("may_read_cases", Bool(Allows(staff.role, Permission::kReadCases)));
  nav.set("may_register", Bool(Allows(staff.role, Permission::kRegisterReports)));
  nav.set("may_view_figures", Bool(Allows(staff.role, Permission::kViewFigures)));
  nav.set("may_national_figures", Bool(Allows(staff.role, Permission::kNationalFigures) &&
                                       !Allows(staff.role, Permission::kViewFigures)));
  nav.set("on_national", Bool(template_name == "staff_national_figures"));
  nav.set("may_manage_bureaus", Bool(Allows(staff.role, Permission::kManageBureaus)));
  nav.set("may_read_audit_log", Bool(Allows(staff.role, Permission::kReadAuditLog)));
  nav.set("on_staff", Bool(template_name == "staff_users"));
  nav.set("on_sessions", Bool(template_name == "staff_sessions"));
  nav.set("may_manage_staff", Bool(Allows(staff.role, Permission::kManageStaff)));
  nav.set("may_manage_code_lists", Bool(Allows(staff.role, Permission::kManageCodeLists)));
  nav.set("on_code_lists", Bool(template_name == "staff_code_lists"));
  nav.set("on_languages", Bool(template_name == "staff_languages"));
  nav.set("on_letter_templates", Bool(template_name == "staff_letter_templates"));
  nav.set("on_tags", Bool(template_name == "staff_tags"));
  nav.set("on_partner_keys", Bool(template_name == "staff_partner_keys"));
  nav.set("on_standard_replies", Bool(template_name == "staff_standard_replies"));
  nav.set("may_manage_letters", Bool(Allows(staff.role, Permission::kManageBureauSettings)));
  data.set("staff_nav", app.templates.Render("staff_nav", LangOf(request), nav));
  return Page{std::move(template_name), std::move(title), std::move(data), ""};
}

std::optional<StaffSession> CurrentStaff(const AppContext& app, const http::Request& request) {
  std::string token = SessionToken(app, request);
  if (token.empty() || token.size() > 100) return std::nullopt;
  long long now = app.now();
  return app.sessions.UseSession(HashToken(token), now,
                                 now - app.options.staff_idle_timeout.count(),
                                 now - app.options.staff_max_age.count());
}

}  // namespace meldpunt::web
