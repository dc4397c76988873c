#pragma once
// multipart/form-data bodies (RFC 7578), as browsers send a form with files. The parser is strict:
// what browsers do not send (a preamble, folded headers, an epilogue) is refused, and every part
// of the body is bounded by a limit. Mail MIME libraries (GMime, mimetic) were not used: they are
// lenient by design and have no limits.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"
#include "http/form.hpp"

namespace meldpunt::http {

struct MultipartLimits {
  size_t max_parts = 100;               // text fields and files together
  size_t max_part_header_bytes = 2048;  // one part's header block
  size_t max_field_bytes = 64 * 1024;   // one text field's value
  size_t max_files = 20;
  size_t max_file_bytes = 10 * 1024 * 1024;
  size_t max_total_file_bytes = 25 * 1024 * 1024;
};

// A file as the client sent it. Only the bytes are real: the name and the type are the client's
// word, for display at most.
struct UploadedFile {
  std::string field;         // the form field's name
  std::string filename;      // the client's file name without any folder part; may be empty
  std::string content_type;  // as declared by the client; may be empty
  std::string bytes;
};

struct MultipartForm {
  FormFields fields;
  std::vector<UploadedFile> files;
};

// The boundary of a "multipart/form-data" Content-Type; nothing when the type is another one or
// the boundary is missing or not valid (RFC 2046: 1 to 70 characters of a small set).
std::optional<std::string> MultipartBoundary(std::string_view content_type);

// Fails on anything malformed or over a limit. A file input left empty (a part with an empty file
// name and no bytes, which browsers send for it) is skipped.
Result<MultipartForm> ParseMultipart(std::string_view body, std::string_view boundary,
                                     const MultipartLimits& limits);

}  // namespace meldpunt::http
