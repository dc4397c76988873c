#include "http/static_files.hpp"

#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include "http/compression.hpp"

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

namespace {
// Images other than SVG and fonts are compressed already.
bool Compressible(std::string_view content_type) {
  return content_type.starts_with("text/") || content_type.starts_with("image/svg") ||
         content_type.starts_with("application/json") ||
         content_type.starts_with("application/manifest");
}
}  // namespace

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
    if (Compressible(file.content_type)) {
      file.gzip = GzipCompress(file.content);
      file.brotli = BrotliCompress(file.content);
      if (file.gzip.size() >= file.content.size()) file.gzip.clear();
      if (file.brotli.size() >= file.content.size()) file.brotli.clear();
    }
    files_.emplace(prefix_ + fs::relative(entry.path(), folder).generic_string(), std::move(file));
  }
}

Response StaticFiles::Serve(const Request& request) const {
  auto it = files_.find(request.path);
  if (it == files_.end()) return Response{404, {}, {}};
  const File& file = it->second;
  Response response{200, {}, {}};
  response.Set("Cache-Control", "public, max-age=3600");
  Encoding encoding = Encoding::kIdentity;
  if (!file.gzip.empty()) {
    // Caches must keep the codings apart; the ETag names the coding, as the bytes differ.
    response.Set("Vary", "Accept-Encoding");
    encoding = ChooseEncoding(request.Header("accept-encoding"), !file.brotli.empty());
  }
  std::string etag = file.etag;
  if (encoding != Encoding::kIdentity) {
    etag.insert(etag.size() - 1, "-" + std::string(EncodingName(encoding)));
  }
  response.Set("ETag", etag);
  if (auto match = request.Header("if-none-match"); match && *match == etag) {
    response.status = 304;
    return response;
  }
  response.Set("Content-Type", file.content_type);
  switch (encoding) {
    case Encoding::kGzip:
      response.Set("Content-Encoding", "gzip");
      response.body = file.gzip;
      break;
    case Encoding::kBrotli:
      response.Set("Content-Encoding", "br");
      response.body = file.brotli;
      break;
    default:
      response.body = file.content;
  }
  return response;
}

}  // namespace meldpunt::http
