#include "web/common/pages.hpp"

#include "http/cookies.hpp"
#include "web/common/bureau_face_view.hpp"
#include "web/common/error_texts.hpp"
#include "web/common/html.hpp"
#include "web/speech/read_aloud_control.hpp"

namespace meldpunt::web {

TemplateData Bool(bool value) {
  return TemplateData(value ? TemplateData::type::bool_true : TemplateData::type::bool_false);
}

TemplateData SelectOption(const std::string& value, const std::string& label, bool selected) {
  TemplateData option;
  option.set("value", value);
  option.set("label", label);
  option.set("selected", Bool(selected));
  return option;
}

TemplateData LanguagePicker(const http::Request& request, Lang current, bool public_page) {
  const LanguageRegistry& languages = Languages();
  TemplateData list(TemplateData::type::list);
  std::string path = request.path.empty() ? "/" : request.path;
  for (Lang lang : public_page ? languages.All() : languages.Staff()) {
    const LanguageInfo& info = languages.Info(lang);
    TemplateData item;
    item.set("code", info.code);
    item.set("name", info.native_name);
    item.set("dir", info.right_to_left ? "rtl" : "ltr");
    item.set("href", path + "?lang=" + info.code);
    item.set("current", Bool(lang == current));
    list.push_back(item);
  }
  return list;
}

http::Response RenderPage(const AppContext& app, const http::Request& request, int status,
                          Page page) {
  Lang lang = LangOf(request);
  std::string content = app.templates.Render(page.template_name, lang, page.data);
  TemplateData layout;
  const LanguageInfo& info = Languages().Info(lang);
  layout.set("lang", info.code);
  layout.set("dir", info.right_to_left ? "rtl" : "ltr");
  layout.set("title", app.translator.Get(lang, page.title_msgid));
  layout.set("content", content);
  layout.set("path", request.path.empty() ? "/" : request.path);
  // The public figures are linked from the public pages; staff have their own figures.
  bool public_page = !page.template_name.starts_with("staff_");
  layout.set("public_page", Bool(public_page));
  layout.set("languages", LanguagePicker(request, lang, public_page));
  if (!page.script.empty()) layout.set("script", page.script);
  if (public_page) AddBureauFace(app, page.bureau_id, layout);                      // issue 15
  AddReadAloudControl(app, request, page.template_name, page.title_msgid, layout);  // issue 15
  http::Response response =
      http::Response::Html(status, app.templates.Render("layout", lang, layout));
  RememberLanguageChoice(request, response);
  return response;
}

http::Response WithCookies(http::Response response, const http::Response& cookies) {
  for (const auto& header : cookies.headers) response.Add(header.first, header.second);
  return response;
}

void RememberLanguageChoice(const http::Request& request, http::Response& response) {
  if (!LangChosenInQuery(request)) return;
  response.Add(
      "Set-Cookie",
      http::SetCookie(
          "mp_lang", LangCode(LangOf(request)),
          {.http_only = true, .secure = false, .same_site = "Lax", .max_age = 365LL * 24 * 3600}));
}

std::string CsrfTokenFor(const AppContext& app, const http::Request& request,
                         http::Response& response) {
  bool secure = app.options.secure_cookies;
  std::string current = request.Cookie(http::CookieName("mp_csrf", secure));
  if (!current.empty() && app.csrf.Check(current, current)) return current;
  std::string token = app.csrf.Issue();
  response.Add("Set-Cookie",
               http::SetCookie("mp_csrf", token, {.http_only = true, .secure = secure}));
  return token;
}

bool CsrfValid(const AppContext& app, const http::Request& request, const std::string& form_token) {
  return app.csrf.Check(request.Cookie(http::CookieName("mp_csrf", app.options.secure_cookies)),
                        form_token);
}

namespace {

http::Response RenderError(const AppContext& app, const ErrorText& text,
                           const http::Request* request) {
  http::Request fallback;
  const http::Request& req = request ? *request : fallback;
  TemplateData data;
  Lang lang = LangOf(req);
  data.set("status", std::to_string(text.status));
  data.set("heading", app.translator.Get(lang, text.title));
  data.set("explanation", app.translator.Get(lang, text.explanation));
  return RenderPage(app, req, text.status, {"error", text.title, data, ""});
}

}  // namespace

http::Response FormExpiredPage(const AppContext& app, const http::Request& request) {
  return RenderError(app, FormExpiredText(), &request);
}

http::Response ErrorPage(const AppContext& app, int status, const http::Request* request) {
  auto texts = StatusErrorTexts();
  const ErrorText* text = &texts.front();
  for (const auto& t : texts) {
    if (t.status == status) text = &t;
  }
  ErrorText shown = *text;
  shown.status = status;
  return RenderError(app, shown, request);
}

std::string MunicipalityOptions(const AppContext& app, Lang lang, std::string_view special_value,
                                std::string_view special_msgid, std::string_view selected) {
  std::string html;
  html.reserve(20000);
  auto option = [&](std::string_view value, const std::string& label) {
    html += "<option value=\"";
    html += EscapeHtml(value);
    html += value == selected ? "\" selected>" : "\">";
    html += EscapeHtml(label);
    html += "</option>\n";
  };
  option("", app.translator.Get(lang, "Choose…"));
  option(special_value, app.translator.Get(lang, special_msgid));
  for (const auto& m : app.municipalities.Current()) option(m.code, m.name);
  return html;
}

std::string MunicipalityLabel(const AppContext& app, Lang lang, const std::string& code) {
  if (code == kIncidentNotApplicable) return app.translator.Get(lang, "Not applicable / online");
  if (code == kResidenceUnknown) return app.translator.Get(lang, "Abroad / unknown");
  const Municipality* m = app.municipalities.Find(code);
  return m ? m->name : code;
}

}  // namespace meldpunt::web
