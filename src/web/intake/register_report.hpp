#pragma once
// Registering a report that passed validation, for the public form (POST /melden) and staff
// intake (POST /medewerkers/registreren) alike, in this order: the receipt code (volgcode) from
// the form's submission key, storing the report (the store routes it to a bureau), the audit
// entry of a staff member's registration, closing a report that asks for registration only
// (registration_only.hpp) and queueing the reporter's confirmation e-mail. What differs stays
// with the handlers: the public form's proof of work, evidence files and receipt cookie; staff
// intake's channel, date of receipt and who registered it (set on the NewReport beforehand).
#include <optional>
#include <string>
#include <string_view>

#include "domain/reports/report.hpp"
#include "http/message.hpp"
#include "store/store_types.hpp"
#include "web/common/app.hpp"

namespace meldpunt::web {

struct ReportRegistration {
  // 503 (with Retry-After) when the database was too busy: nothing was stored.
  std::optional<http::Response> refusal;
  RegisteredReport stored;  // duplicate when the same form was registered before
  std::string receipt;      // the receipt code, to be shown to the reporter once
  bool closed = false;      // closed at once as registration only
};

// Registers `report`. `submission_key`: the form's key when it is well-formed (IsSubmissionKey),
// else empty; with a key, a resent form gets the same receipt code and is registered once. The
// confirmation e-mail is in the request's language. A report with registered_by set goes on the
// audit record as "report.register" by that staff member (not again for a resent form).
ReportRegistration RegisterReport(const AppContext& app, const http::Request& request,
                                  NewReport report, std::string_view submission_key);

}  // namespace meldpunt::web
