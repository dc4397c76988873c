#pragma once
// Rendering shared by all pages: the layout, the language switch, anti-forgery tokens, errors.
#include <optional>
#include <string>

#include "http/message.hpp"
#include "web/common/app.hpp"

namespace meldpunt::web {

// The most fields an ordinary form may have (forms with files set their own limits).
inline constexpr size_t kMaxFormFields = 80;

TemplateData Bool(bool value);

// One <option> of a <select> for a template: value, label and selected.
TemplateData SelectOption(const std::string& value, const std::string& label, bool selected);

struct Page {
  std::string template_name;
  std::string title_msgid;  // translated for <title> and the layout
  TemplateData data;
  std::string script;  // optional file under /static/js/
  // The bureau the page is about (a report's bureau, issue 15): its face in header and footer.
  // Without one, the only bureau's face, or the neutral national face when there are several.
  std::optional<long long> bureau_id = std::nullopt;
};

// The language picker of the header: each language named in itself, as a link to this page with
// ?lang= (works without JavaScript); the current one marked. Staff pages offer staff languages.
TemplateData LanguagePicker(const http::Request& request, Lang current, bool public_page);

// Renders the page inside the layout, in the visitor's language, as an HTML response.
http::Response RenderPage(const AppContext& app, const http::Request& request, int status,
                          Page page);

// The response with the Set-Cookie headers collected in `cookies` added.
http::Response WithCookies(http::Response response, const http::Response& cookies);

// A language chosen with ?lang= is remembered in the mp_lang cookie.
void RememberLanguageChoice(const http::Request& request, http::Response& response);

// The anti-forgery token for this visitor: the one in their cookie when it is valid, else a new one
// that is also set as a cookie on the response.
std::string CsrfTokenFor(const AppContext& app, const http::Request& request,
                         http::Response& response);
bool CsrfValid(const AppContext& app, const http::Request& request, const std::string& form_token);

// The error page for a status, in the visitor's language (English when request is null and
// nothing says otherwise: Dutch is the default).
// A 403 says the account may not open the page or do the action (issue 14: it used to say the
// form had expired, also for a link a role may not follow).
http::Response ErrorPage(const AppContext& app, int status, const http::Request* request);
// The 403 for a form whose anti-forgery token is missing, stale or not this browser's: the form
// expired (or was sent from elsewhere), so reload it and send it again.
http::Response FormExpiredPage(const AppContext& app, const http::Request& request);

// Options for a municipality <select>: a placeholder, the special value and every current
// municipality; the chosen code is marked selected.
std::string MunicipalityOptions(const AppContext& app, Lang lang, std::string_view special_value,
                                std::string_view special_msgid, std::string_view selected);
// The name to show for a stored code (a municipality, or a special value).
std::string MunicipalityLabel(const AppContext& app, Lang lang, const std::string& code);

}  // namespace meldpunt::web
