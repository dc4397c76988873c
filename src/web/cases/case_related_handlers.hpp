#pragma once
// Duplicate hints and related cases on the case page (issue 14): the part under the summary that
// shows the bureau's other reports that may be about the same matter (_case_related), and the
// form that links two cases as related or unlinks them (…/gerelateerd). A link is recorded on
// both cases (a case event in each history and an audit entry for each), never across bureaus.
#include "http/message.hpp"
#include "store/store_types.hpp"
#include "web/cases/case_view.hpp"
#include "web/common/app.hpp"
#include "web/common/route_policy.hpp"
#include "web/common/templates.hpp"

namespace meldpunt::web {

// The hints and the related cases as template data for _case_related; with `error` from the
// related form, its reason and the reference typed.
void AddCaseRelated(TemplateData& data, const AppContext& app, Lang lang, bool may_handle,
                    const RegisteredReport& report, const CaseFormError* error);

// POST …/gerelateerd: other (the other case's reference), change (link or unlink), csrf and
// case_version.
http::Response CaseRelatedPost(const AppContext& app, const StaffRequest& request);

}  // namespace meldpunt::web
