#pragma once
// The empty report form is the busiest page and the same for every visitor but for two values:
// the anti-forgery token and the form's submission key. It is rendered once per language at
// start, split around those two, and served by joining the parts with the visitor's values. The
// parts are also compressed once (issue 16): a browser that accepts gzip gets them as deflate
// segments with the two values spliced in between as stored, uncompressed blocks
// (http/compression.hpp), so the secret token is never compressed together with anything.
#include <array>
#include <atomic>
#include <memory>
#include <mutex>
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
  struct Rendered {
    long long faces_version = 0;         // of the bureaus' faces the pages show (issue 15)
    std::vector<Parts> pages;            // by Lang::index()
    std::vector<http::GzipSplice> gzip;  // the same parts, compressed
  };
  static std::shared_ptr<const Rendered> Render(const AppContext& app);
  // The current rendering, or null while it is out of date and another request renders it anew.
  std::shared_ptr<const Rendered> Current(const AppContext& app) const;

  // Replaced, never changed: after a bureau changed its face, the first request renders the
  // pages again (a few milliseconds, once); requests meanwhile get the form rendered for them.
  mutable std::atomic<std::shared_ptr<const Rendered>> rendered_;
  mutable std::mutex rendering_;
};

}  // namespace meldpunt::web
