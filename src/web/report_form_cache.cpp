#include "web/report_form_cache.hpp"

#include <stdexcept>

#include "web/html.hpp"
#include "web/pages.hpp"
#include "web/public_handlers.hpp"

namespace meldpunt::web {
namespace {
// Cannot occur in the form otherwise: the empty form shows no visitor input.
constexpr std::string_view kTokenPlaceholder = "@@csrf-token-placeholder@@";
}  // namespace

ReportFormCache::ReportFormCache(const AppContext& app) {
  for (Lang lang : kAllLangs) {
    http::Request request;
    request.path = "/melden";
    request.query = "lang=" + std::string(LangCode(lang));
    std::string body = RenderReportForm(app, request, std::string(kTokenPlaceholder)).body;
    size_t at = body.find(kTokenPlaceholder);
    if (at == std::string::npos ||
        body.find(kTokenPlaceholder, at + kTokenPlaceholder.size()) != std::string::npos) {
      throw std::logic_error("the report form must hold its token exactly once");
    }
    pages_[static_cast<int>(lang)] = {body.substr(0, at),
                                      body.substr(at + kTokenPlaceholder.size())};
  }
}

http::Response ReportFormCache::Serve(const AppContext& app, const http::Request& request) const {
  http::Response response = http::Response::Html(200, {});
  std::string token = EscapeHtml(CsrfTokenFor(app, request, response));
  const Halves& page = pages_[static_cast<int>(LangOf(request))];
  response.body.reserve(page.before_token.size() + token.size() + page.after_token.size());
  response.body.append(page.before_token).append(token).append(page.after_token);
  RememberLanguageChoice(request, response);
  return response;
}

}  // namespace meldpunt::web
