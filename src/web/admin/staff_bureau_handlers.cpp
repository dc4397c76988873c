#include "web/admin/staff_bureau_handlers.hpp"

#include <charconv>

#include "base/text.hpp"
#include "http/form.hpp"
#include "store/audit_log.hpp"
#include "store/audit_store.hpp"
#include "store/bureau_store.hpp"
#include "store/staff_session_store.hpp"
#include "store/store_types.hpp"
#include "web/cases/case_request.hpp"
#include "web/common/bureau_faces.hpp"
#include "web/common/pages.hpp"
#include "web/common/staff_access.hpp"
#include "web/common/staff_page.hpp"
#include "web/public/public_handlers.hpp"

namespace meldpunt::web {
namespace {

constexpr size_t kMaxBureauName = 200;
constexpr size_t kMaxAreaCodes = 400;

// "GM0344, GM0363 GM0599" -> the codes; nullopt when one is not a current municipality.
std::optional<std::vector<std::string>> ParseCodes(const AppContext& app, std::string_view text) {
  std::vector<std::string> codes;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find_first_of(", \n\r\t", pos);
    if (end == std::string_view::npos) end = text.size();
    if (end > pos) {
      std::string code(text.substr(pos, end - pos));
      const Municipality* found = app.municipalities.Find(code);
      if (!found || !found->current() || codes.size() >= kMaxAreaCodes) return std::nullopt;
      codes.push_back(code);
    }
    pos = end + 1;
  }
  if (codes.empty()) return std::nullopt;
  return codes;
}

http::Response BureausPage(const AppContext& app, const http::Request& request,
                           const StaffSession& staff, int status, const std::string& problem,
                           const std::string& name = "", const std::string& codes = "") {
  Lang lang = LangOf(request);
  kainjow::mustache::list bureaus;
  kainjow::mustache::list options;
  for (const auto& bureau : app.bureaus.ListBureaus()) {
    TemplateData row;
    row.set("id", std::to_string(bureau.id));
    row.set("name", bureau.name);
    std::string area;
    for (const auto& code : bureau.municipalities) {
      if (!area.empty()) area += ", ";
      area += MunicipalityLabel(app, lang, code) + " (" + code + ")";
    }
    row.set("area", area);
    row.set("area_size", std::to_string(bureau.municipalities.size()));
    bureaus.push_back(row);
  }
  TemplateData data;
  data.set("bureaus", bureaus);
  SetIfNotEmpty(data, "problem", problem);
  data.set("name", name);
  data.set("codes", codes);
  data.set("max_name", std::to_string(kMaxBureauName));
  data.set("saved", Bool(request.QueryParam("opgeslagen") == "1"));
  http::Response cookies;
  Page page =
      StaffPage(app, request, cookies, staff, "staff_bureaus", N_("Bureaus"), std::move(data));
  return WithCookies(RenderPage(app, request, status, std::move(page)), cookies);
}

}  // namespace

http::Response StaffBureausPage(const AppContext& app, const StaffRequest& req) {
  return BureausPage(app, req.http, req.staff, 200, "");
}

http::Response StaffBureausAction(const AppContext& app, const StaffRequest& req) {
  const http::Request& request = req.http;
  const http::FormFields& form = req.form.fields;
  const StaffSession& staff = req.staff;
  Lang lang = LangOf(request);
  auto tr = [&](const char* text) { return app.translator.Get(lang, text); };
  if (request.path == kBureausPath) {
    std::string name = Trim(form.Get("name"));
    if (name.empty() || name.size() > kMaxBureauName) {
      return BureausPage(app, request, staff, 422,
                         tr(N_("Give the bureau a name of at most 200 characters.")), name);
    }
    auto added = app.bureaus.AddBureau(name, app.now());
    if (!added) {
      return BureausPage(app, request, staff, 422, tr(N_("A bureau with this name exists.")), name);
    }
    app.audit.Audit(AuditEntry::ForBureau(staff.user_id, "bureau.add", added, name), app.now());
    if (app.faces) app.faces->Reload(app.bureaus);  // the public side now has another bureau
    return http::Response::SeeOther(std::string(kBureausPath) + "?opgeslagen=1");
  }
  std::string typed = form.Get("codes");
  auto bureau = ParseId(form.Get("bureau"));
  auto codes = ParseCodes(app, typed);
  if (!bureau || !codes) {
    return BureausPage(app, request, staff, 422,
                       tr(N_("Choose a bureau and give the CBS codes of current municipalities, "
                             "such as GM0344, separated by commas.")),
                       "", typed);
  }
  if (!app.bureaus.AddToWorkingArea(*bureau, *codes)) return ErrorPage(app, 404, &request);
  if (app.faces) app.faces->Reload(app.bureaus);  // "other ways" lists the areas
  app.audit.Audit(AuditEntry::ForBureau(staff.user_id, "bureau.area", *bureau,
                                        std::to_string(*bureau) + ": " + typed),
                  app.now());
  return http::Response::SeeOther(std::string(kBureausPath) + "?opgeslagen=1");
}

http::Response MoveReportToBureau(const AppContext& app, const StaffRequest& req) {
  auto found = FindCase(app, req);
  if (!found.report) return std::move(*found.refusal);
  const RegisteredReport& report = *found.report;
  auto bureau = ParseId(req.form.fields.Get("bureau"));
  if (!bureau || !app.bureaus.MoveReport(report.id, *bureau)) return ErrorPage(app, 400, &req.http);
  // On the record of the bureau that now has the case; the one that had it sees it too, as its
  // own staff member did it.
  app.audit.Audit(
      AuditEntry::ForCase(req.staff.user_id, "report.move", report.id, *bureau,
                          report.reference + " from bureau " + std::to_string(report.bureau_id) +
                              " to bureau " + std::to_string(*bureau)),
      app.now());
  // The case now belongs to another bureau: back to the list, which no longer shows it.
  return http::Response::SeeOther(std::string(kReportsPath) + "?overgedragen=1");
}

}  // namespace meldpunt::web
