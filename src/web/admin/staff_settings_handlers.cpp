#include "web/admin/staff_settings_handlers.hpp"

#include <map>

#include "domain/cases/bureau_settings.hpp"
#include "http/form.hpp"
#include "store/audit_store.hpp"
#include "store/bureau_store.hpp"
#include "store/staff_session_store.hpp"
#include "web/common/pages.hpp"
#include "web/common/staff_access.hpp"
#include "web/common/staff_page.hpp"
#include "web/public/public_handlers.hpp"

namespace meldpunt::web {
namespace {

// A setting's value is a number; anything typed longer than this is not one.
constexpr size_t kMaxTypedChars = 20;

std::string ProblemText(const AppContext& app, Lang lang, const SettingDefinition& definition,
                        SettingProblem problem) {
  switch (problem) {
    case SettingProblem::kRequired:
      return app.translator.Get(lang, N_("Enter a number."));
    case SettingProblem::kNotANumber:
      return app.translator.Get(lang, N_("Enter a whole number, without letters or decimals."));
    case SettingProblem::kOutOfRange:
      break;
  }
  std::string text = app.translator.Get(lang, N_("Enter a number from {min} to {max}."));
  return FillIn(FillIn(text, "{min}", std::to_string(definition.min)), "{max}",
                std::to_string(definition.max));
}

struct Typed {
  std::string text;
  std::string error;
};

http::Response SettingsPage(const AppContext& app, const http::Request& request,
                            const StaffSession& staff, int status,
                            const std::map<std::string, Typed>& typed = {}) {
  Lang lang = LangOf(request);
  auto settings = BureauSettings::FromStored(app.bureaus.ReadBureauSettings(*staff.bureau_id));
  std::string bureau_name;
  for (const auto& bureau : app.bureaus.ListBureaus()) {
    if (bureau.id == *staff.bureau_id) bureau_name = bureau.name;
  }
  kainjow::mustache::list fields;
  kainjow::mustache::list errors;
  for (const auto& definition : AllBureauSettings()) {
    std::string name(definition.name);
    TemplateData field;
    field.set("name", name);
    field.set("id", "setting-" + name);
    field.set("label", app.translator.Get(lang, definition.label));
    field.set("hint", app.translator.Get(lang, definition.hint));
    field.set("unit", app.translator.Get(lang, definition.unit));
    field.set("min", std::to_string(definition.min));
    field.set("max", std::to_string(definition.max));
    field.set("default", std::to_string(definition.fallback));
    field.set("is_default", Bool(!settings.IsChosen(name)));
    auto it = typed.find(name);
    field.set("value", it != typed.end() ? it->second.text : std::to_string(settings.Get(name)));
    if (it != typed.end() && !it->second.error.empty()) {
      field.set("error", it->second.error);
      TemplateData item;
      item.set("id", "setting-" + name);
      item.set("message", it->second.error);
      errors.push_back(item);
    }
    fields.push_back(field);
  }
  TemplateData data;
  data.set("bureau", bureau_name);
  data.set("settings", fields);
  data.set("errors", errors);
  data.set("has_errors", Bool(!errors.empty()));
  data.set("saved", Bool(request.QueryParam("opgeslagen") == "1"));
  http::Response cookies;
  Page page = StaffPage(app, request, cookies, staff, "staff_settings",
                        N_("Settings of the bureau"), std::move(data));
  return WithCookies(RenderPage(app, request, status, std::move(page)), cookies);
}

}  // namespace

// The route policy lets in the bureau admin (Permission::kManageBureauSettings); a session
// without a bureau has no settings to manage.
http::Response StaffSettingsPage(const AppContext& app, const StaffRequest& req) {
  if (!req.bureau()) return ErrorPage(app, 403, &req.http);
  return SettingsPage(app, req.http, req.staff, 200);
}

http::Response StaffSettingsSave(const AppContext& app, const StaffRequest& req) {
  const http::Request& request = req.http;
  if (!req.bureau()) return ErrorPage(app, 403, &request);
  const http::FormFields& form = req.form.fields;
  const StaffSession& staff = req.staff;
  Lang lang = LangOf(request);
  std::map<std::string, Typed> typed;
  std::map<std::string, std::string> values;
  bool failed = false;
  for (const auto& definition : AllBureauSettings()) {
    std::string name(definition.name);
    // A setting the form does not send at all stays as it is (a field sent empty is an error).
    if (form.GetAll(name).empty()) continue;
    std::string text = form.Get(name);
    if (text.size() > kMaxTypedChars) text.resize(kMaxTypedChars);  // shown back, never stored
    SettingParse parsed = ParseSetting(definition, text);
    if (parsed.problem) {
      failed = true;
      typed[name] = {text, ProblemText(app, lang, definition, *parsed.problem)};
    } else {
      typed[name] = {text, ""};
      values[name] = std::to_string(parsed.value);
    }
  }
  if (failed) return SettingsPage(app, request, staff, 422, typed);
  app.bureaus.WriteBureauSettings(*staff.bureau_id, values, app.now());
  std::string changes;
  for (const auto& [name, value] : values) changes += " " + name + "=" + value;
  app.audit.Audit(staff.user_id, "bureau.settings",
                  "bureau " + std::to_string(*staff.bureau_id) + ":" + changes, app.now());
  return http::Response::SeeOther(std::string(kSettingsPath) + "?opgeslagen=1");
}

}  // namespace meldpunt::web
