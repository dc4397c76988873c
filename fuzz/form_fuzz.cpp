// application/x-www-form-urlencoded bodies (http/form.hpp): never more fields than the limit, and
// what was parsed, encoded again, parses to the same fields.
#include <string>

#include "check.hpp"
#include "http/form.hpp"

namespace {

constexpr size_t kMaxFields = 50;  // as FormLimits

// As a browser encodes a form: unreserved bytes stay, a space is '+', the rest is %XX.
std::string Encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else if (c == ' ') {
      out += '+';
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
  using namespace meldpunt;
  auto parsed = http::ParseFormFields(fuzz::AsText(data, size), kMaxFields);
  if (!parsed) return 0;
  FUZZ_CHECK(parsed->fields.size() <= kMaxFields);
  std::string encoded;
  for (const auto& [name, value] : parsed->fields) {
    if (!encoded.empty()) encoded += '&';
    encoded += Encode(name) + "=" + Encode(value);
    // Get is the first of GetAll.
    auto all = parsed->GetAll(name);
    FUZZ_CHECK(!all.empty() && all.front() == parsed->Get(name));
  }
  auto again = http::ParseFormFields(encoded, kMaxFields);
  FUZZ_CHECK(again.ok());
  FUZZ_CHECK(again->fields == parsed->fields);
  return 0;
}
