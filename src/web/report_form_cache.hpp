#pragma once
// The empty report form is the busiest page and the same for every visitor but for the
// anti-forgery token. It is rendered once per language at start, split around the token, and
// served by joining the two halves with the visitor's token.
#include <array>
#include <string>

#include "http/message.hpp"
#include "web/app.hpp"

namespace meldpunt::web {

class ReportFormCache {
 public:
  // Renders the form in every language; throws when the token does not appear exactly once.
  explicit ReportFormCache(const AppContext& app);
  http::Response Serve(const AppContext& app, const http::Request& request) const;

 private:
  struct Halves {
    std::string before_token;
    std::string after_token;
  };
  std::array<Halves, kAllLangs.size()> pages_;  // fixed after construction
};

}  // namespace meldpunt::web
