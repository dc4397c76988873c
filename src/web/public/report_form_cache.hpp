#pragma once
// The empty report form is the busiest page and the same for every visitor but for two values:
// the anti-forgery token and the form's submission key. It is rendered once per language at
// start, split around those two, and served by joining the parts with the visitor's values. The
// parts are also compressed once (issue 16): a browser that accepts gzip gets them as deflate
// segments with the two values spliced in between as stored, uncompressed blocks
// (http/compression.hpp), so the secret token is never compressed together with anything.
#include <array>
#include <string>
#include <vector>

#include "http/compression.hpp"
#include "http/message.hpp"
#include "web/common/app.hpp"

namespace meldpunt::web {

class ReportFormCache {
 public:
  // Renders the form in every language; throws when a value does not appear exactly once, in order.
  explicit ReportFormCache(const AppContext& app);
  http::Response Serve(const AppContext& app, const http::Request& request) const;

 private:
  // before the token, between the token and the submission key, after the key
  using Parts = std::array<std::string, 3>;
  std::vector<Parts> pages_;            // by Lang::index(); fixed after construction
  std::vector<http::GzipSplice> gzip_;  // the same parts, compressed
  // The bureaus' faces the pages were rendered with (issue 15): after a bureau changed its face,
  // the form is rendered per request (uncompressed) until the server restarts.
  long long faces_version_ = 0;
};

}  // namespace meldpunt::web
