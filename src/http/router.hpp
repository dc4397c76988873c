#pragma once
// Maps method and path to a handler. A handler either runs on an I/O thread (it must be quick and
// never block) or on the worker pool (anything that touches the database or hashes a password).
// A route may allow a larger request body than the server's default (uploads).
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.hpp"

namespace meldpunt::http {

using Handler = std::function<Response(const Request&)>;

enum class Runs { kOnIoThread, kOnWorker };

struct Route {
  Method method;
  // Exact, or a prefix when it ends with '/'. A segment written "{name}" matches any one
  // non-empty segment (the handler reads the value from the request's path).
  std::string path;
  Handler handler;
  Runs runs;
  size_t body_limit = 0;  // bytes; 0: the server's default
};

struct RouteMatch {
  const Route* route = nullptr;  // null: not found, or found for other methods
  std::string allow;             // the methods the path allows, when route is null
};

class Router {
 public:
  void Add(Method method, std::string path, Handler handler, Runs runs = Runs::kOnWorker,
           size_t body_limit = 0);
  // HEAD finds the GET route.
  RouteMatch Find(Method method, std::string_view path) const;
  // The largest body any route allows (0 when none sets its own).
  size_t MaxBodyLimit() const;
  // Every route in the order added (request metrics count by position, http/request_metrics.hpp).
  const std::vector<Route>& Routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace meldpunt::http
