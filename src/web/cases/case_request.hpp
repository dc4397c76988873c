#pragma once
// The case guard: what every case route (/medewerkers/meldingen/{id}/...) goes through after its
// route policy (form, anti-forgery token, session and role: web/common/route_policy.hpp): the case
// being of the staff member's bureau and, for a case form, the case version the form was made
// for. Then one way back: 303 to the case with a confirmation, the page again with the reason and
// what was typed (422), or "changed meanwhile" (409).
#include <optional>
#include <string>

#include "domain/cases/refusal.hpp"
#include "http/form.hpp"
#include "http/message.hpp"
#include "store/case_store.hpp"
#include "store/staff_session_store.hpp"
#include "store/store_types.hpp"
#include "web/common/app.hpp"
#include "web/common/route_policy.hpp"

namespace meldpunt::web {

struct CaseRequest {
  StaffSession staff;
  RegisteredReport report;  // as it is now, at the version the form was made for
  http::FormFields form;
  Lang lang = Lang::kNl;
  std::string form_name;  // step, action, consent, contact, note, assign, close
};

struct CaseRequestCheck {
  std::optional<CaseRequest> request;
  std::optional<http::Response> refusal;
};

// The case the path names (/medewerkers/meldingen/{id}/…) when it is a report of the staff
// member's bureau; otherwise the 404 page (a case of another bureau goes on the audit record).
struct CaseLookup {
  std::optional<RegisteredReport> report;
  std::optional<http::Response> refusal;
};
CaseLookup FindCase(const AppContext& app, const StaffRequest& request);

// A case form: the case (FindCase) at the version the form was made for. 400 for a missing
// case_version, 404 for a case of another bureau, 409 with the page when the case is no longer at
// the form's case_version.
CaseRequestCheck CheckCaseRequest(const AppContext& app, const StaffRequest& request,
                                  std::string form_name);

// The case page again (422, or another status) with the message beside the form and what was
// typed in it.
http::Response RefuseCaseForm(const AppContext& app, const http::Request& request,
                              const CaseRequest& req, const std::string& message, int status = 422);
http::Response RefuseCaseForm(const AppContext& app, const http::Request& request,
                              const CaseRequest& req, Refusal refusal);

// The message in the visitor's language.
std::string Tr(const AppContext& app, const CaseRequest& req, const char* msgid);

// Free text from a case form, trimmed and checked (at most kMaxCaseTextChars, storable
// characters); `required_msgid` is the message when it must not be empty (nullptr: optional).
struct CaseText {
  std::string text;
  std::optional<std::string> problem;  // translated
};
CaseText ReadCaseText(const AppContext& app, const CaseRequest& req, const char* required_msgid);

// Applies the change, made by this staff member for the version the form was made for; on
// success writes `audit_action` with `audit_detail` (codes, never free text) to the audit log and
// answers 303 to the case page with ?gedaan=done; when a colleague was first, the page with
// "changed meanwhile" (409) and nothing changed.
http::Response ApplyCaseForm(const AppContext& app, const http::Request& request,
                             const CaseRequest& req, CaseChange change,
                             const std::string& audit_action, const std::string& audit_detail,
                             const std::string& done);

// The same for several changes made as one (a combined step change): all or none, in one
// transaction (CaseStore::ApplyCaseChangesTogether), with one audit entry.
http::Response ApplyCaseFormTogether(const AppContext& app, const http::Request& request,
                                     const CaseRequest& req, std::vector<CaseChange> changes,
                                     const std::string& audit_action,
                                     const std::string& audit_detail, const std::string& done);

}  // namespace meldpunt::web
