#include "security/tokens.hpp"

namespace meldpunt {

std::string CsrfTokens::Issue() const { return signer_.Sign("csrf", RandomToken(18)); }

bool CsrfTokens::Check(std::string_view cookie_value, std::string_view form_value) const {
  if (cookie_value.empty() || !ConstantTimeEquals(cookie_value, form_value)) return false;
  return signer_.Verify("csrf", cookie_value).ok();
}

}  // namespace meldpunt
