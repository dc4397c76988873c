#include "http/request_form.hpp"

namespace meldpunt::http {

Result<ParsedForm> ParseRequestForm(const Request& request, const FormLimits& limits) {
  auto content_type = request.Header("content-type");
  auto boundary = content_type ? MultipartBoundary(*content_type) : std::nullopt;
  if (!boundary) {
    if (content_type && content_type->find("multipart/") != std::string_view::npos) {
      return Error{"multipart body without a valid boundary"};
    }
    auto fields = ParseFormFields(request.body, limits.max_fields);
    if (!fields) return Error{fields.error()};
    return ParsedForm{std::move(*fields), {}};
  }
  auto parsed = ParseMultipart(request.body, *boundary, limits.multipart);
  if (!parsed) return Error{parsed.error()};
  if (parsed->fields.fields.size() > limits.max_fields) return Error{"too many form fields"};
  return ParsedForm{std::move(parsed->fields), std::move(parsed->files)};
}

}  // namespace meldpunt::http
