#include "http/router.hpp"

#include <algorithm>

namespace meldpunt::http {
namespace {

// Takes the next segment (up to '/' or the end) off the front of a path.
std::string_view NextSegment(std::string_view& path) {
  size_t slash = path.find('/');
  std::string_view segment = path.substr(0, slash);
  path.remove_prefix(slash == std::string_view::npos ? path.size() : slash);
  return segment;
}

// Compares a route pattern with a path, letting "{name}" segments stand for any one segment.
bool PatternMatches(std::string_view pattern, std::string_view path, bool prefix) {
  while (!pattern.empty()) {
    if (pattern.front() == '{') {
      size_t close = pattern.find('}');
      pattern.remove_prefix(close == std::string_view::npos ? pattern.size() : close + 1);
      if (NextSegment(path).empty()) return false;
      continue;
    }
    if (path.empty() || path.front() != pattern.front()) return false;
    pattern.remove_prefix(1);
    path.remove_prefix(1);
  }
  return prefix || path.empty();
}

bool PathMatches(const Route& route, std::string_view path) {
  bool prefix = route.path.ends_with('/') && route.path.size() > 1;
  if (route.path.find('{') == std::string::npos) {
    return prefix ? path.starts_with(route.path) : path == route.path;
  }
  return PatternMatches(route.path, path, prefix);
}

}  // namespace

void Router::Add(Method method, std::string path, Handler handler, Runs runs, size_t body_limit) {
  routes_.push_back({method, std::move(path), std::move(handler), runs, body_limit});
}

size_t Router::MaxBodyLimit() const {
  size_t largest = 0;
  for (const auto& route : routes_) largest = std::max(largest, route.body_limit);
  return largest;
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
