#pragma once
// One entry point for a POSTed form in either encoding a browser uses: urlencoded, or
// multipart/form-data when the form carries files.
#include <string>
#include <vector>

#include "base/result.hpp"
#include "http/form.hpp"
#include "http/message.hpp"
#include "http/multipart.hpp"

namespace meldpunt::http {

struct FormLimits {
  size_t max_fields = 50;  // text fields, in either encoding
  // For multipart bodies; max_files = 0 refuses any file.
  MultipartLimits multipart{.max_files = 0};
};

struct ParsedForm {
  FormFields fields;
  std::vector<UploadedFile> files;  // only from multipart bodies
};

// Chooses the parser by Content-Type: multipart/form-data, else urlencoded (also when the type is
// missing, as before). Fails on malformed bodies and anything over a limit.
Result<ParsedForm> ParseRequestForm(const Request& request, const FormLimits& limits);

}  // namespace meldpunt::http
