#pragma once
// Plain request and response values. Handlers see only these, never a socket or Beast type,
// so they can be tested without a network.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace meldpunt::http {

enum class Method { kGet, kHead, kPost, kPut, kDelete, kPatch, kOptions, kOther };

std::string_view MethodName(Method method);

struct Request {
  Method method = Method::kGet;
  std::string target;                                        // as received, e.g. "/melden?lang=en"
  std::string path;                                          // decoded path without the query
  std::string query;                                         // raw query string without '?'
  std::vector<std::pair<std::string, std::string>> headers;  // names in lower case
  std::string body;
  // The client's address, for rate limits only: it is never logged or stored. With a trusted
  // reverse proxy, the address the proxy reports (last X-Forwarded-For entry).
  std::string client_address;

  std::optional<std::string_view> Header(std::string_view lower_name) const;
  // A query parameter's decoded value, or empty.
  std::string QueryParam(std::string_view name) const;
  // A cookie's value, or empty.
  std::string Cookie(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  Response& Set(std::string name, std::string value);
  Response& Add(std::string name, std::string value);  // allows repeats, e.g. Set-Cookie
  std::optional<std::string_view> Header(std::string_view name) const;

  static Response Html(int status, std::string body);
  static Response Text(int status, std::string body);
  static Response SeeOther(std::string location);  // 303 after a POST
};

}  // namespace meldpunt::http
