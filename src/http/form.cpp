#include "http/form.hpp"

#include <boost/url/encoding_opts.hpp>
#include <boost/url/params_view.hpp>
#include <boost/url/parse_query.hpp>

namespace meldpunt::http {

std::string FormFields::Get(std::string_view name) const {
  for (const auto& [n, v] : fields) {
    if (n == name) return v;
  }
  return {};
}

std::vector<std::string> FormFields::GetAll(std::string_view name) const {
  std::vector<std::string> values;
  for (const auto& [n, v] : fields) {
    if (n == name) values.push_back(v);
  }
  return values;
}

Result<FormFields> ParseFormFields(std::string_view encoded, size_t max_fields) {
  FormFields form;
  if (encoded.empty()) return form;
  // Boost.URL 1.81's parse_query takes the length of its input with strlen (boostorg/url#946):
  // it reads past a view that no NUL follows, such as a slice of a longer buffer. A copy of its
  // own ends with one (found by fuzz/form_fuzz.cpp).
  const std::string terminated(encoded);
  auto parsed = boost::urls::parse_query(terminated);
  if (!parsed) return Error{"malformed form encoding"};
  boost::urls::encoding_opts options;
  options.space_as_plus = true;  // HTML forms send spaces as '+'
  boost::urls::params_view params(terminated, options);
  if (params.size() > max_fields) return Error{"too many form fields"};
  for (auto param : params) {
    if (param.key.empty() && !param.has_value) continue;
    form.fields.emplace_back(std::move(param.key), std::move(param.value));
  }
  return form;
}

}  // namespace meldpunt::http
