#pragma once
// The case page for staff (/medewerkers/meldingen/{id}): the report, the case summary with its
// deadlines, the history, the forms to work on the case, and the thread with the reporter. Every
// showing is a read of personal data and goes on the audit log first.
#include "http/message.hpp"
#include "store/staff_session_store.hpp"
#include "store/store_types.hpp"
#include "web/cases/case_view.hpp"
#include "web/common/app.hpp"

namespace meldpunt::web {

// The page; with `error`, the form that came back shows why and keeps what was typed.
http::Response CasePage(const AppContext& app, const http::Request& request,
                        const StaffSession& staff, const RegisteredReport& report, int status,
                        const CaseFormError* error = nullptr);

// The confirmation shown after a case form was saved (?gedaan=...), as a message id; nullptr for
// an unknown value.
const char* CaseDoneMessage(std::string_view done);

}  // namespace meldpunt::web
