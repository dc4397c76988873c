#include "web/public/bureau_face_handlers.hpp"

#include <algorithm>

#include "base/text.hpp"
#include "web/common/bureau_face_view.hpp"
#include "web/common/bureau_faces.hpp"
#include "web/common/pages.hpp"

namespace meldpunt::web {
namespace {

// The bureau id in "/huisstijl/<id>/...".
std::optional<long long> BureauIdInPath(std::string_view path) {
  constexpr std::string_view kPrefix = "/huisstijl/";
  if (!path.starts_with(kPrefix)) return std::nullopt;
  path.remove_prefix(kPrefix.size());
  return ParseId(path.substr(0, path.find('/')));
}

// A file of a bureau's face: cached for a year under the URL the pages give (its version
// changes with the content), and revalidated when asked for under another version.
http::Response FaceFile(const http::Request& request, const std::string& current_url,
                        std::string content_type, std::string body) {
  http::Response response{200, {}, std::move(body)};
  response.Set("Content-Type", std::move(content_type));
  std::string asked = request.path + "?" + request.query;
  response.Set("Cache-Control",
               asked == current_url ? "public, max-age=31536000, immutable" : "no-cache");
  return response;
}

}  // namespace

TemplateData OtherWaysData(const AppContext& app) {
  std::shared_ptr<const BureauFaceSet> faces =
      app.faces ? app.faces->Current() : std::make_shared<const BureauFaceSet>();
  bool several = faces->bureaus.size() > 1;
  kainjow::mustache::list bureaus;
  for (const auto& face : faces->bureaus) {
    TemplateData item = FaceData(face);
    // With several bureaus, each names the municipalities it serves, by name and sorted, so a
    // reporter finds theirs by reading or with the browser's search.
    if (several) {
      std::vector<std::string> names;
      for (const auto& code : face.municipalities) {
        const Municipality* m = app.municipalities.Find(code);
        names.push_back(m ? m->name : code);
      }
      std::sort(names.begin(), names.end());
      std::string joined;
      for (const auto& name : names) joined += (joined.empty() ? "" : ", ") + name;
      item.set("municipalities", joined);
    }
    bool any = !face.profile.phone.empty() || !face.profile.email.empty() ||
               !face.profile.whatsapp.empty() || !face.profile.visiting_address.empty() ||
               !face.profile.postal_address.empty();
    item.set("has_ways", Bool(any));
    bureaus.push_back(item);
  }
  TemplateData data;
  data.set("bureaus", bureaus);
  data.set("several", Bool(several));
  return data;
}

http::Response OtherWaysPage(const AppContext& app, const http::Request& request) {
  return RenderPage(app, request, 200,
                    {"other_ways", N_("Other ways to report"), OtherWaysData(app), ""});
}

http::Response BureauThemeSheet(const AppContext& app, const http::Request& request) {
  auto id = BureauIdInPath(request.path);
  if (!app.faces || !id) return ErrorPage(app, 404, &request);
  auto faces = app.faces->Current();
  const BureauFace* face = faces->Find(*id);
  std::string css = face ? ThemeCss(*face) : "";
  if (css.empty()) return ErrorPage(app, 404, &request);
  return FaceFile(request, ThemeUrl(*face), "text/css; charset=utf-8", std::move(css));
}

http::Response BureauLogo(const AppContext& app, const http::Request& request) {
  auto id = BureauIdInPath(request.path);
  if (!app.faces || !id) return ErrorPage(app, 404, &request);
  auto faces = app.faces->Current();
  const BureauFace* face = faces->Find(*id);
  if (!face || face->logo_png.empty()) return ErrorPage(app, 404, &request);
  return FaceFile(request, LogoUrl(*face), "image/png", face->logo_png);
}

}  // namespace meldpunt::web
