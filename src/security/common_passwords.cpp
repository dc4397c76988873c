#include "security/common_passwords.hpp"

namespace meldpunt {

std::string CommonPasswords::Normalise(std::string_view password) {
  std::string out;
  out.reserve(password.size());
  for (char c : password) {
    if (c == ' ' || c == '\t' || c == '\r') continue;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

CommonPasswords CommonPasswords::FromText(std::string_view text) {
  CommonPasswords list;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    if (line.empty() || line.front() == '#') continue;
    std::string entry = Normalise(line);
    if (!entry.empty()) list.entries_.insert(std::move(entry));
  }
  return list;
}

bool CommonPasswords::Contains(std::string_view password) const {
  return entries_.contains(Normalise(password));
}

}  // namespace meldpunt
