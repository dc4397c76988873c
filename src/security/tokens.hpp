#pragma once
// Anti-forgery (CSRF) tokens: a random value signed by the server, sent both as a cookie and as a
// hidden form field. A request passes only when both are present, equal and correctly signed.
#include <string>
#include <string_view>

#include "security/crypto.hpp"

namespace meldpunt {

class CsrfTokens {
 public:
  explicit CsrfTokens(Signer signer) : signer_(std::move(signer)) {}
  std::string Issue() const;
  bool Check(std::string_view cookie_value, std::string_view form_value) const;

 private:
  Signer signer_;
};

}  // namespace meldpunt
