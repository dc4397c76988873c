#pragma once
// A list of commonly used passwords that staff may not choose (OWASP ASVS 4.0.3, 2.1.7). The
// project ships a small list of its own (data/common-passwords.txt), loaded once at start: no
// download, no outside service. Matching ignores ASCII case and spaces, so "Wachtwoord 1234" is
// refused like "wachtwoord1234".
#include <string>
#include <string_view>
#include <unordered_set>

namespace meldpunt {

class CommonPasswords {
 public:
  // One password per line; empty lines and lines starting with '#' are skipped.
  static CommonPasswords FromText(std::string_view text);
  bool Contains(std::string_view password) const;
  size_t size() const { return entries_.size(); }

 private:
  static std::string Normalise(std::string_view password);
  std::unordered_set<std::string> entries_;
};

}  // namespace meldpunt
