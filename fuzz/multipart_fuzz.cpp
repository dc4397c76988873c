// multipart/form-data bodies (http/multipart.hpp) through the entry point handlers use
// (http/request_form.hpp). The input's first line is the Content-Type, the rest the body. What is
// accepted keeps to every limit, and a form written again with the same boundary parses the same.
#include <string>

#include "check.hpp"
#include "http/multipart.hpp"
#include "http/request_form.hpp"

namespace {

// Small limits, so that the fuzzer reaches them.
meldpunt::http::FormLimits Limits() {
  meldpunt::http::FormLimits limits;
  limits.max_fields = 8;
  limits.multipart = {.max_parts = 10,
                      .max_part_header_bytes = 256,
                      .max_field_bytes = 512,
                      .max_files = 3,
                      .max_file_bytes = 1024,
                      .max_total_file_bytes = 2048};
  return limits;
}

bool Quotable(std::string_view text) {
  return text.find_first_of("\"\r\n") == std::string_view::npos;
}

// A browser's body for this form, when every name can be written in quotes; else empty.
std::string Write(const meldpunt::http::ParsedForm& form, std::string_view boundary) {
  std::string out;
  for (const auto& [name, value] : form.fields.fields) {
    if (!Quotable(name)) return {};
    out += "--" + std::string(boundary) + "\r\nContent-Disposition: form-data; name=\"" + name +
           "\"\r\n\r\n" + value + "\r\n";
  }
  for (const auto& file : form.files) {
    if (!Quotable(file.field) || !Quotable(file.filename) || !Quotable(file.content_type))
      return {};
    out += "--" + std::string(boundary) + "\r\nContent-Disposition: form-data; name=\"" +
           file.field + "\"; filename=\"" + file.filename + "\"\r\n";
    if (!file.content_type.empty()) out += "Content-Type: " + file.content_type + "\r\n";
    out += "\r\n" + file.bytes + "\r\n";
  }
  return out + "--" + std::string(boundary) + "--\r\n";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
  using namespace meldpunt;
  auto [content_type, body] = fuzz::SplitFirstLine(fuzz::AsText(data, size));
  http::Request request;
  request.method = http::Method::kPost;
  request.headers.emplace_back("content-type", std::string(content_type));
  request.body = std::string(body);
  const auto limits = Limits();
  auto parsed = http::ParseRequestForm(request, limits);
  auto boundary = http::MultipartBoundary(content_type);
  if (boundary) {
    FUZZ_CHECK(!boundary->empty() && boundary->size() <= 70);
  }
  if (!parsed || !boundary) return 0;

  const auto& m = limits.multipart;
  FUZZ_CHECK(parsed->fields.fields.size() <= limits.max_fields);
  FUZZ_CHECK(parsed->fields.fields.size() + parsed->files.size() <= m.max_parts);
  FUZZ_CHECK(parsed->files.size() <= m.max_files);
  size_t total = 0;
  for (const auto& [name, value] : parsed->fields.fields) {
    FUZZ_CHECK(!name.empty());
    FUZZ_CHECK(value.size() <= m.max_field_bytes);
  }
  for (const auto& file : parsed->files) {
    FUZZ_CHECK(!file.field.empty());
    FUZZ_CHECK(file.filename.find_first_of("/\\") == std::string::npos);
    FUZZ_CHECK(file.bytes.size() <= m.max_file_bytes);
    total += file.bytes.size();
  }
  FUZZ_CHECK(total <= m.max_total_file_bytes);

  // Written again (fields first, then files: the parser keeps them apart anyway).
  std::string written = Write(*parsed, *boundary);
  if (written.empty()) return 0;
  auto again = http::ParseMultipart(written, *boundary, m);
  FUZZ_CHECK(again.ok());
  FUZZ_CHECK(again->fields.fields == parsed->fields.fields);
  FUZZ_CHECK(again->files.size() == parsed->files.size());
  for (size_t i = 0; i < parsed->files.size(); ++i) {
    FUZZ_CHECK(again->files[i].field == parsed->files[i].field);
    FUZZ_CHECK(again->files[i].filename == parsed->files[i].filename);
    FUZZ_CHECK(again->files[i].content_type == parsed->files[i].content_type);
    FUZZ_CHECK(again->files[i].bytes == parsed->files[i].bytes);
  }
  return 0;
}
