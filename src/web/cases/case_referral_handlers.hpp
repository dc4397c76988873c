#pragma once
// A referral (doorverwijzing) on a case: the case page's form (_case_referral) with the coded
// destination, the other body's name and the day, and the POST that records it (…/doorverwijzing)
// as a case event. A referral is the handling "referral" when the case closes (CaseClosePost).
#include <span>

#include "http/message.hpp"
#include "store/case_store.hpp"
#include "store/store_types.hpp"
#include "web/cases/case_labels.hpp"
#include "web/cases/case_view.hpp"
#include "web/common/app.hpp"
#include "web/common/route_policy.hpp"
#include "web/common/templates.hpp"

namespace meldpunt::web {

// The destinations' labels (kReferralDestinations).
std::span<const CodeLabel> ReferralDestinationLabels();

// The referral form for those who handle cases, while the rules allow a referral (an open case);
// with `error` from this form, its reason and what was typed.
void AddCaseReferral(TemplateData& data, const AppContext& app, Lang lang, bool may_handle,
                     const RegisteredReport& report, const CaseFormError* error);

// "Referred to: Police, 1 December 2026" for the history.
std::string ReferralHistoryLine(const AppContext& app, Lang lang, const CaseEvent& event);

// POST …/doorverwijzing: destination, body (with "other"), date (YYYY-MM-DD), text (optional),
// csrf and case_version.
http::Response CaseReferralPost(const AppContext& app, const StaffRequest& request);

}  // namespace meldpunt::web
