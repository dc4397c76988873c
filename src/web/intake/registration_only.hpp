#pragma once
// A report that asks for nothing but registration (a melding, not a klacht) is registered and
// closed at once: there is no case to handle, and it still counts in the figures. This is the one
// place that says how such reports are closed, for the public form, the partner API and staff
// intake alike, with the handling code "registration only" (afhandeling: alleen registratie).
// The store applies the closing in the report's own transaction (ClosingOnArrival): one write per
// submission (issue 16).
#include <string_view>

#include "store/report_store.hpp"

namespace meldpunt::web {

// The audit action of such a closing; the entry has no staff member (an entry by the system).
inline constexpr std::string_view kClosedRegistrationOnly = "report.closed.registration_only";

// The closing to pass to ReportStore::AddReport. The store applies it only to a new report that
// asks for registration only (is_complaint false): never to a complaint, nor to a form that was
// sent again (RegisteredReport::duplicate), so a report that staff reopened since is not closed
// again by a resend. Should it fail, the report is stored all the same and stays open for staff
// to close (the store logs it).
ClosingOnArrival RegistrationOnlyClosing();

}  // namespace meldpunt::web
