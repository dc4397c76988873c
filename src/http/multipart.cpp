#include "http/multipart.hpp"

#include <algorithm>
#include <cctype>
#include <functional>
#include <utility>

#include "base/text.hpp"

namespace meldpunt::http {
namespace {

constexpr std::string_view kCrLf = "\r\n";

bool IsTokenChar(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

// Bytes allowed in a header value: anything but control characters (HTAB is allowed). UTF-8 file
// names arrive as raw bytes and are allowed.
bool IsValueChar(char c) {
  auto u = static_cast<unsigned char>(c);
  return u == '\t' || (u >= 0x20 && u != 0x7f);
}

std::string Lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

void SkipSpace(std::string_view& text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
}

std::string_view Trim(std::string_view text) {
  SkipSpace(text);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// A header value with parameters: `form-data; name="description"` or
// `multipart/form-data; boundary=abc`. Parameter names are lower-cased; a quoted value runs to the
// next quote and is taken literally, as browsers escape quotes in names as %22 (WHATWG HTML).
struct ParameterizedValue {
  std::string value;  // lower-cased
  std::vector<std::pair<std::string, std::string>> parameters;

  const std::string* Find(std::string_view name) const {
    for (const auto& [n, v] : parameters) {
      if (n == name) return &v;
    }
    return nullptr;
  }
};

std::optional<ParameterizedValue> ParseParameterized(std::string_view text) {
  ParameterizedValue result;
  size_t semicolon = text.find(';');
  result.value = Lower(Trim(text.substr(0, semicolon)));
  if (result.value.empty()) return std::nullopt;
  text.remove_prefix(semicolon == std::string_view::npos ? text.size() : semicolon);
  while (!text.empty()) {
    if (text.front() != ';') return std::nullopt;
    text.remove_prefix(1);
    SkipSpace(text);
    if (text.empty()) break;  // a trailing ';'
    size_t name_end = 0;
    while (name_end < text.size() && IsTokenChar(text[name_end])) ++name_end;
    if (name_end == 0 || name_end == text.size() || text[name_end] != '=') return std::nullopt;
    std::string name = Lower(text.substr(0, name_end));
    text.remove_prefix(name_end + 1);
    std::string value;
    if (!text.empty() && text.front() == '"') {
      size_t close = text.find('"', 1);
      if (close == std::string_view::npos) return std::nullopt;
      value = text.substr(1, close - 1);
      text.remove_prefix(close + 1);
    } else {
      size_t end = 0;
      while (end < text.size() && IsTokenChar(text[end])) ++end;
      if (end == 0) return std::nullopt;
      value = text.substr(0, end);
      text.remove_prefix(end);
    }
    // Two values for one parameter (two file names) would leave the meaning open.
    if (result.Find(name)) return std::nullopt;
    result.parameters.emplace_back(std::move(name), std::move(value));
    SkipSpace(text);
  }
  return result;
}

bool IsBoundaryChar(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("'()+_,-./:=? ").find(c) != std::string_view::npos;
}

// What one part's header block says.
struct PartHeader {
  std::string name;
  std::optional<std::string> filename;  // set for a file, even when empty
  std::string content_type;
};

Result<PartHeader> ParsePartHeader(std::string_view block) {
  std::optional<ParameterizedValue> disposition;
  std::optional<std::string> content_type;
  while (!block.empty()) {
    size_t end = block.find(kCrLf);
    std::string_view line = block.substr(0, end);
    block.remove_prefix(end == std::string_view::npos ? block.size() : end + kCrLf.size());
    size_t colon = line.find(':');
    if (colon == 0 || colon == std::string_view::npos) return Error{"malformed part header"};
    std::string_view name = line.substr(0, colon);
    std::string_view value = Trim(line.substr(colon + 1));
    // Folded lines start with a space and are not a token: refused here.
    if (!std::all_of(name.begin(), name.end(), IsTokenChar) ||
        !std::all_of(value.begin(), value.end(), IsValueChar)) {
      return Error{"malformed part header"};
    }
    std::string lower = Lower(name);
    if (lower == "content-disposition") {
      if (disposition) return Error{"repeated Content-Disposition"};
      disposition = ParseParameterized(value);
      if (!disposition) return Error{"malformed Content-Disposition"};
    } else if (lower == "content-type") {
      if (content_type) return Error{"repeated Content-Type"};
      content_type = std::string(value);
    }
    // Other part headers (Content-Transfer-Encoding is deprecated by RFC 7578) are ignored.
  }
  if (!disposition || disposition->value != "form-data") {
    return Error{"part without Content-Disposition: form-data"};
  }
  const std::string* name = disposition->Find("name");
  if (!name || name->empty()) return Error{"part without a name"};
  PartHeader header;
  header.name = *name;
  if (const std::string* filename = disposition->Find("filename")) {
    // Only the last component: some clients send a whole path, and it names nothing of ours.
    size_t slash = filename->find_last_of("/\\");
    header.filename = slash == std::string::npos ? *filename : filename->substr(slash + 1);
  }
  header.content_type = content_type.value_or("");
  return header;
}

}  // namespace

std::optional<std::string> MultipartBoundary(std::string_view content_type) {
  auto parsed = ParseParameterized(content_type);
  if (!parsed || parsed->value != "multipart/form-data") return std::nullopt;
  const std::string* boundary = parsed->Find("boundary");
  if (!boundary || boundary->empty() || boundary->size() > 70 || boundary->back() == ' ' ||
      !std::all_of(boundary->begin(), boundary->end(), IsBoundaryChar)) {
    return std::nullopt;
  }
  return *boundary;
}

Result<MultipartForm> ParseMultipart(std::string_view body, std::string_view boundary,
                                     const MultipartLimits& limits) {
  const std::string dash_boundary = "--" + std::string(boundary);
  const std::string delimiter = "\r\n" + dash_boundary;
  const std::boyer_moore_horspool_searcher find_delimiter(delimiter.begin(), delimiter.end());
  if (boundary.empty() || !body.starts_with(dash_boundary)) {
    return Error{"body does not start with the boundary"};
  }
  MultipartForm form;
  size_t parts = 0;
  size_t file_bytes = 0;
  size_t pos = dash_boundary.size();
  for (;;) {
    std::string_view rest = body.substr(pos);
    if (rest.starts_with("--")) {
      // The close delimiter; browsers end the body right after it, or after one CRLF.
      rest.remove_prefix(2);
      if (!rest.empty() && rest != kCrLf) return Error{"data after the closing boundary"};
      return form;
    }
    SkipSpace(rest);  // transport padding (RFC 2046)
    if (!rest.starts_with(kCrLf)) return Error{"malformed boundary line"};
    rest.remove_prefix(kCrLf.size());
    if (++parts > limits.max_parts) return Error{"too many parts"};

    // The header block ends at an empty line: CRLF CRLF, or at once CRLF when it is empty.
    size_t header_end = rest.starts_with(kCrLf) ? 0 : std::string_view::npos;
    size_t body_offset = kCrLf.size();
    if (header_end != 0) {
      std::string_view window = rest.substr(0, limits.max_part_header_bytes + 4);
      header_end = window.find("\r\n\r\n");
      if (header_end == std::string_view::npos) {
        return Error{window.size() < rest.size() ? "part header too large" : "unterminated part"};
      }
      body_offset = 4;
    }
    if (header_end > limits.max_part_header_bytes) return Error{"part header too large"};
    auto header = ParsePartHeader(rest.substr(0, header_end));
    if (!header) return Error{header.error()};

    std::string_view content = rest.substr(header_end + body_offset);
    auto found = std::search(content.begin(), content.end(), find_delimiter);
    if (found == content.end()) return Error{"unterminated part"};
    content = content.substr(0, static_cast<size_t>(found - content.begin()));
    pos = static_cast<size_t>(content.data() - body.data()) + content.size() + delimiter.size();

    if (!header->filename) {
      if (content.size() > limits.max_field_bytes) return Error{"form field too large"};
      form.fields.fields.emplace_back(std::move(header->name), std::string(content));
      continue;
    }
    if (header->filename->empty() && content.empty()) continue;  // no file chosen
    if (form.files.size() + 1 > limits.max_files) return Error{"too many files"};
    if (content.size() > limits.max_file_bytes) return Error{"file too large"};
    file_bytes += content.size();
    if (file_bytes > limits.max_total_file_bytes) return Error{"files too large together"};
    form.files.push_back({std::move(header->name), std::move(*header->filename),
                          std::move(header->content_type), std::string(content)});
  }
}

}  // namespace meldpunt::http
