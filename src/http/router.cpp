#include "http/router.hpp"

namespace meldpunt::http {
namespace {

bool PathMatches(const Route& route, std::string_view path) {
  if (route.path.ends_with('/') && route.path.size() > 1) return path.starts_with(route.path);
  return path == route.path;
}

}  // namespace

void Router::Add(Method method, std::string path, Handler handler, Runs runs) {
  routes_.push_back({method, std::move(path), std::move(handler), runs});
}

RouteMatch Router::Find(Method method, std::string_view path) const {
  Method wanted = method == Method::kHead ? Method::kGet : method;
  RouteMatch match;
  for (const auto& route : routes_) {
    if (!PathMatches(route, path)) continue;
    if (route.method == wanted) return {&route, {}};
    std::string name(MethodName(route.method));
    if (match.allow.find(name) == std::string::npos) {
      if (!match.allow.empty()) match.allow += ", ";
      match.allow += name;
      if (route.method == Method::kGet) match.allow += ", HEAD";
    }
  }
  return match;
}

}  // namespace meldpunt::http
