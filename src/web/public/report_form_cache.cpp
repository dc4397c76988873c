#include "web/public/report_form_cache.hpp"

#include <stdexcept>

#include "web/common/bureau_faces.hpp"
#include "web/common/html.hpp"
#include "web/common/pages.hpp"
#include "web/public/public_handlers.hpp"

namespace meldpunt::web {
namespace {
// Cannot occur in the form otherwise: the empty form shows no visitor input.
constexpr std::string_view kTokenPlaceholder = "@@csrf-token-placeholder@@";
constexpr std::string_view kKeyPlaceholder = "@@submission-key-placeholder@@";

size_t FindOnce(const std::string& body, std::string_view placeholder, size_t from) {
  size_t at = body.find(placeholder, from);
  if (at == std::string::npos ||
      body.find(placeholder, at + placeholder.size()) != std::string::npos) {
    throw std::logic_error("the report form must hold " + std::string(placeholder) +
                           " exactly once");
  }
  return at;
}
}  // namespace

ReportFormCache::ReportFormCache(const AppContext& app) : rendered_(Render(app)) {}

std::shared_ptr<const ReportFormCache::Rendered> ReportFormCache::Render(const AppContext& app) {
  auto rendered = std::make_shared<Rendered>();
  // The form and layout in every language, once: not kept parsed (issue 16, "Templates compiled
  // on first use" in docs/design.md); a page rendered for a visitor compiles them as needed.
  Templates::RenderOnceScope render_once;
  if (app.faces) rendered->faces_version = app.faces->Current()->version;
  for (Lang lang : Languages().All()) {
    http::Request request;
    request.path = "/melden";
    request.query = "lang=" + std::string(LangCode(lang));
    std::string body =
        RenderReportForm(app, request, std::string(kTokenPlaceholder), std::string(kKeyPlaceholder))
            .body;
    size_t token = FindOnce(body, kTokenPlaceholder, 0);
    size_t key = FindOnce(body, kKeyPlaceholder, token);
    size_t after_token = token + kTokenPlaceholder.size();
    Parts parts{body.substr(0, token), body.substr(after_token, key - after_token),
                body.substr(key + kKeyPlaceholder.size())};
    rendered->gzip.emplace_back(std::vector<std::string>(parts.begin(), parts.end()));
    rendered->pages.push_back(std::move(parts));
  }
  return rendered;
}

std::shared_ptr<const ReportFormCache::Rendered> ReportFormCache::Current(
    const AppContext& app) const {
  std::shared_ptr<const Rendered> rendered = rendered_.load();
  if (!app.faces || app.faces->Current()->version == rendered->faces_version) return rendered;
  std::unique_lock lock(rendering_, std::try_to_lock);
  if (!lock.owns_lock()) return nullptr;  // another request is rendering the new pages
  rendered = rendered_.load();
  if (app.faces->Current()->version != rendered->faces_version) {
    rendered = Render(app);
    rendered_.store(rendered);
  }
  return rendered;
}

http::Response ReportFormCache::Serve(const AppContext& app, const http::Request& request) const {
  http::Response response = http::Response::Html(200, {});
  std::string raw_token = CsrfTokenFor(app, request, response);
  std::string key = NewSubmissionKey();
  std::shared_ptr<const Rendered> rendered = Current(app);
  if (!rendered) {
    response.body = RenderReportForm(app, request, raw_token, key).body;
    RememberLanguageChoice(request, response);
    return response;
  }
  std::string token = EscapeHtml(raw_token);
  size_t lang = LangOf(request).index();
  // Brotli is not offered for this page: see "A smaller wire" in docs/design.md.
  response.Set("Vary", "Accept-Encoding");
  if (http::ChooseEncoding(request.Header("accept-encoding"), false) == http::Encoding::kGzip) {
    response.Set("Content-Encoding", "gzip");
    response.body = rendered->gzip.at(lang).Build({token, key});
  } else {
    const Parts& page = rendered->pages.at(lang);
    response.body.reserve(page[0].size() + page[1].size() + page[2].size() + token.size() +
                          key.size());
    response.body.append(page[0]).append(token).append(page[1]).append(key).append(page[2]);
  }
  RememberLanguageChoice(request, response);
  return response;
}

}  // namespace meldpunt::web
