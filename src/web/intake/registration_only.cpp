#include "web/intake/registration_only.hpp"

#include "domain/cases/handling.hpp"

namespace meldpunt::web {

ClosingOnArrival RegistrationOnlyClosing() {
  // Closed by rule, not by a staff member: handling and outcome "registration only"
  // (alleen registratie), as an event in the case history like any other closing.
  ClosingOnArrival closing;
  closing.handlings = {std::string(kHandlingRegistrationOnly)};
  closing.outcome = std::string(kOutcomeRegistrationOnly);
  closing.detail = "registration_only;registration_only";
  closing.audit_action = std::string(kClosedRegistrationOnly);
  return closing;
}

}  // namespace meldpunt::web
