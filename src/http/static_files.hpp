#pragma once
// Serves the files of one folder (CSS, JavaScript, fonts, images) from memory. The folder is read
// once at start: no directory listing, no path outside it, a fixed set of content types. Text files
// are compressed at the same time, with gzip and brotli (issue 16), and served in the coding the
// browser prefers, each with its own ETag.
#include <string>
#include <unordered_map>

#include "http/message.hpp"

namespace meldpunt::http {

class StaticFiles {
 public:
  // url_prefix like "/static/"; throws when the folder cannot be read.
  StaticFiles(const std::string& folder, std::string url_prefix);
  Response Serve(const Request& request) const;
  size_t size() const { return files_.size(); }

 private:
  struct File {
    std::string content;
    std::string content_type;
    std::string etag;
    std::string gzip, brotli;  // empty when not smaller than the file
  };
  std::string prefix_;
  std::unordered_map<std::string, File> files_;  // by URL path; fixed after construction
};

std::string ContentTypeFor(std::string_view filename);

}  // namespace meldpunt::http
