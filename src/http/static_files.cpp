#include "http/static_files.hpp"

#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

namespace meldpunt::http {

std::string ContentTypeFor(std::string_view name) {
  struct Type {
    std::string_view extension, type;
  };
  static constexpr Type kTypes[] = {
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".txt", "text/plain; charset=utf-8"},
      {".json", "application/json"},
      {".webmanifest", "application/manifest+json"},
  };
  for (const auto& t : kTypes) {
    if (name.ends_with(t.extension)) return std::string(t.type);
  }
  return "application/octet-stream";
}

StaticFiles::StaticFiles(const std::string& folder, std::string url_prefix)
    : prefix_(std::move(url_prefix)) {
  namespace fs = std::filesystem;
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream content;
    content << in.rdbuf();
    File file{content.str(), ContentTypeFor(entry.path().filename().string()), {}};
    file.etag = std::to_string(std::hash<std::string>{}(file.content));
    file.etag.insert(file.etag.begin(), '"');
    file.etag.push_back('"');
    files_.emplace(prefix_ + fs::relative(entry.path(), folder).generic_string(), std::move(file));
  }
}

Response StaticFiles::Serve(const Request& request) const {
  auto it = files_.find(request.path);
  if (it == files_.end()) return Response{404, {}, {}};
  const File& file = it->second;
  Response response{200, {}, {}};
  response.Set("Cache-Control", "public, max-age=3600");
  response.Set("ETag", file.etag);
  if (auto match = request.Header("if-none-match"); match && *match == file.etag) {
    response.status = 304;
    return response;
  }
  response.Set("Content-Type", file.content_type);
  response.body = file.content;
  return response;
}

}  // namespace meldpunt::http
