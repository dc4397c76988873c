#include "web/common/error_texts.hpp"

#include "web/common/i18n.hpp"

namespace meldpunt::web {

std::span<const ErrorText> StatusErrorTexts() {
  static constexpr ErrorText kTexts[] = {
      {400, "fout-400", N_("The request could not be understood"),
       N_("Something in the address or the data sent was not right. Go back and try again.")},
      {403, "fout-403", N_("You have no access to this"),
       N_("Your account does not give access to this page or action. If you need it for your "
          "work, ask a colleague who manages staff accounts.")},
      {404, "fout-404", N_("Page not found"),
       N_("There is no page at this address. Check the address, or go to the home page.")},
      {405, "fout-405", N_("This action is not possible here"),
       N_("This address does not accept this kind of request.")},
      {413, "fout-413", N_("Too much data sent"),
       N_("What you sent is larger than we accept. Shorten your text, or choose fewer or "
          "smaller files, and try again.")},
      {431, "fout-431", N_("The request was too large"),
       N_("Your browser sent more data than we accept. Remove this site's cookies and try again.")},
      {500, "fout-500", N_("Something went wrong on our side"),
       N_("Your request could not be completed. Please try again in a few minutes.")},
      {503, "fout-503", N_("Too busy at the moment"),
       N_("We received many requests at once. Please try again in a minute; nothing you sent "
          "was stored.")},
  };
  return kTexts;
}

const ErrorText& FormExpiredText() {
  static constexpr ErrorText kExpired{
      403, "formulier-verlopen", N_("This form has expired"),
      N_("For your safety a form can only be sent from this site and for a limited time. Go "
         "back, reload the page and send it again.")};
  return kExpired;
}

}  // namespace meldpunt::web
