#include "web/figures/how_we_count.hpp"

#include "web/common/pages.hpp"

namespace meldpunt::web {

http::Response HowWeCountPage(const AppContext& app, const http::Request& request) {
  return RenderPage(app, request, 200, {"how_we_count", N_("How we count"), {}, ""});
}

std::string HowWeCountUrl(const AppContext& app) {
  std::string url = app.options.public_url;
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url + std::string(kHowWeCountPath);
}

}  // namespace meldpunt::web
