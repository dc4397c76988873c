#pragma once
// Maps method and path to a handler. A handler either runs on an I/O thread (it must be quick and
// never block) or on the worker pool (anything that touches the database or hashes a password).
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
  std::string path;  // exact, or a prefix when it ends with '/'
  Handler handler;
  Runs runs;
};

struct RouteMatch {
  const Route* route = nullptr;  // null: not found, or found for other methods
  std::string allow;             // the methods the path allows, when route is null
};

class Router {
 public:
  void Add(Method method, std::string path, Handler handler, Runs runs = Runs::kOnWorker);
  // HEAD finds the GET route.
  RouteMatch Find(Method method, std::string_view path) const;

 private:
  std::vector<Route> routes_;
};

}  // namespace meldpunt::http
