#include "web/intake/registration_only.hpp"

#include "domain/cases/handling.hpp"

namespace meldpunt::web {

ClosingOnArrival RegistrationOnlyClosing() {
  // Closed by rule, not by a staff member: handling and outcome "registration only"
  // (alleen registratie), as an event in the case history like any other closing.
  ClosingOnArrival closing;
  closing.change.kind = CaseEventKind::kClosed;
  closing.change.detail = "registration_only;registration_only";
  closing.change.step = CaseStep::kClosed;
  closing.change.close =
      std::make_pair(std::vector<std::string>{std::string(kHandlingRegistrationOnly)},
                     std::string(kOutcomeRegistrationOnly));
  closing.audit_action = std::string(kClosedRegistrationOnly);
  return closing;
}

}  // namespace meldpunt::web
