#include "http/message.hpp"

#include <strings.h>

#include "http/cookies.hpp"
#include "http/form.hpp"

namespace meldpunt::http {

std::string_view MethodName(Method method) {
  switch (method) {
    case Method::kGet:
      return "GET";
    case Method::kHead:
      return "HEAD";
    case Method::kPost:
      return "POST";
    case Method::kPut:
      return "PUT";
    case Method::kDelete:
      return "DELETE";
    case Method::kPatch:
      return "PATCH";
    case Method::kOptions:
      return "OPTIONS";
    case Method::kOther:
      break;
  }
  return "OTHER";
}

std::optional<std::string_view> Request::Header(std::string_view lower_name) const {
  for (const auto& [name, value] : headers) {
    if (name == lower_name) return value;
  }
  return std::nullopt;
}

std::string Request::QueryParam(std::string_view name) const {
  auto fields = ParseFormFields(query, 100);
  if (!fields) return {};
  return fields->Get(name);
}

std::string Request::Cookie(std::string_view name) const {
  auto header = Header("cookie");
  return header ? CookieValue(*header, name) : std::string{};
}

Response& Response::Set(std::string name, std::string value) {
  for (auto& [n, v] : headers) {
    if (strcasecmp(n.c_str(), name.c_str()) == 0) {
      v = std::move(value);
      return *this;
    }
  }
  return Add(std::move(name), std::move(value));
}

Response& Response::Add(std::string name, std::string value) {
  headers.emplace_back(std::move(name), std::move(value));
  return *this;
}

std::optional<std::string_view> Response::Header(std::string_view name) const {
  for (const auto& [n, v] : headers) {
    if (n.size() == name.size() && strncasecmp(n.data(), name.data(), n.size()) == 0) return v;
  }
  return std::nullopt;
}

Response Response::Html(int status, std::string body) {
  Response r{status, {}, std::move(body)};
  r.Set("Content-Type", "text/html; charset=utf-8");
  return r;
}

Response Response::Text(int status, std::string body) {
  Response r{status, {}, std::move(body)};
  r.Set("Content-Type", "text/plain; charset=utf-8");
  return r;
}

Response Response::SeeOther(std::string location) {
  Response r{303, {}, {}};
  r.Set("Location", std::move(location));
  return r;
}

}  // namespace meldpunt::http
