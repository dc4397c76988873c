#pragma once
// A report that asks for nothing but registration (a melding, not a klacht) is registered and
// closed at once: there is no case to handle, and it still counts in the figures. This is the one
// place that closes such reports, for the public form and for staff intake alike, so that the
// case protocol can record the handling code "registration only" (afhandeling: alleen
// registratie) here as well.
#include <string_view>

#include "store/store_types.hpp"
#include "web/common/app.hpp"

namespace meldpunt::web {

// The audit action of such a closing; the entry has no staff member (Store::AuditSystem).
inline constexpr std::string_view kClosedRegistrationOnly = "report.closed.registration_only";

// Closes a report that was just registered when it asks for registration only (is_complaint is
// false), with an audit entry. Does nothing for a complaint, or for a form that was sent again
// (RegisteredReport::duplicate): a report that staff reopened since is not closed again by a
// resend. Returns whether it closed the report. Never throws: the report is stored whatever
// happens here; a failure is logged and the report stays open for staff to close.
bool CloseAsRegistrationOnly(const AppContext& app, const RegisteredReport& report);

}  // namespace meldpunt::web
