#include "web/figures/public_figures_handlers.hpp"

#include <cstdint>
#include <mutex>
#include <optional>

#include "domain/date.hpp"
#include "domain/dutch_time.hpp"
#include "domain/figures/suppression.hpp"
#include "store/figures_store.hpp"
#include "web/common/pages.hpp"
#include "web/figures/national_file.hpp"
#include "web/figures/public_figures_view.hpp"

namespace meldpunt::web {
namespace {

// Figures change when reports come in or are classified; a few minutes old is fine for a page
// about last year, and lets a proxy or browser keep it.
constexpr const char* kCacheFor = "max-age=300";

// The latest complete year (last year) with the year before it: one read of both years' facts
// (no personal data), the bureaus and the population figures; counted and suppressed as the
// national file's roll-up, so the page agrees with it and with every municipal report.
PublicFigures ComputeLatestFigures(const AppContext& app, int year) {
  auto facts = app.figures.ListYearFacts(year - 1, year);
  auto population = app.figures.ListPopulation(year - 1, year);
  return ComputePublicFigures(facts, LocalNationalBureaus(app), population, app.municipalities,
                              year, kDefaultSuppressionThreshold);
}

// The figures are kept for as long as browsers and proxies may keep the page (kCacheFor): with a
// million reports counting two years takes a few seconds, and the page is about last year.
// One computation per process and 5 minutes, whatever the number of visitors.
constexpr long long kKeepFiguresSeconds = 300;

PublicFigures LatestFigures(const AppContext& app) {
  static std::mutex mutex;
  static std::optional<PublicFigures> kept;
  static long long kept_at = 0;
  // one server has one store; tests may make several
  static const FiguresStore* kept_for = nullptr;
  long long now = app.now();
  int year = DutchYearOf(now) - 1;
  std::lock_guard lock(mutex);
  if (!kept || kept_for != &app.figures || kept->year != year || now < kept_at ||
      now - kept_at >= kKeepFiguresSeconds) {
    kept = ComputeLatestFigures(app, year);
    kept_at = now;
    kept_for = &app.figures;
  }
  return *kept;
}

// Lets a browser or proxy keep the response for a while and ask again with If-None-Match. A
// response that sets a cookie (the language choice) is for this visitor only.
http::Response Cacheable(const http::Request& request, http::Response response) {
  // FNV-1a: the same tag for the same body on every node and after every restart.
  std::uint64_t hash = 14695981039346656037ULL;
  for (unsigned char c : response.body) hash = (hash ^ c) * 1099511628211ULL;
  std::string tag = "\"" + std::to_string(hash) + "\"";
  bool personal = response.Header("Set-Cookie").has_value();
  response.Set("Cache-Control", std::string(personal ? "private, " : "public, ") + kCacheFor);
  response.Set("Vary", "Cookie");
  response.Set("ETag", tag);
  if (request.Header("if-none-match") == tag && !personal) {
    http::Response not_modified{304, {}, ""};
    for (const char* name : {"Cache-Control", "Vary", "ETag"})
      not_modified.Set(name, std::string(*response.Header(name)));
    return not_modified;
  }
  return response;
}

}  // namespace

http::Response PublicFiguresPage(const AppContext& app, const http::Request& request) {
  PublicFigures figures = LatestFigures(app);
  TemplateData data =
      PublicFiguresData(app, LangOf(request), figures, kDefaultSuppressionThreshold);
  return Cacheable(request, RenderPage(app, request, 200,
                                       {"public_figures", N_("Figures"), std::move(data), ""}));
}

http::Response PublicFiguresCsv(const AppContext& app, const http::Request& request) {
  PublicFigures figures = LatestFigures(app);
  http::Response response{
      200, {}, PublicFiguresCsv(app, LangOf(request), figures, kDefaultSuppressionThreshold)};
  response.Set("Content-Type", "text/csv; charset=utf-8");
  response.Set("Content-Disposition",
               "attachment; filename=\"cijfers-" + std::to_string(figures.year) + ".csv\"");
  response.Set("X-Content-Type-Options", "nosniff");
  return Cacheable(request, std::move(response));
}

}  // namespace meldpunt::web
