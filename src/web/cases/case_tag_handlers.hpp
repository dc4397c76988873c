#pragma once
// Tags (labels) on a case: the case page's part that shows them (_case_tags) and the form that
// puts one on or takes it off (…/labels). A tag is one of the bureau's own (admin/tag_handlers):
// a tag of another bureau is neither shown nor accepted. Each change is a case event (in the
// history) and an audit entry.
#include "http/message.hpp"
#include "store/store_types.hpp"
#include "web/cases/case_view.hpp"
#include "web/common/app.hpp"
#include "web/common/route_policy.hpp"
#include "web/common/templates.hpp"

namespace meldpunt::web {

// The case's tags and, for those who handle cases, the tags that can be added (active, not on the
// case yet), as template data for _case_tags; with `error` from the tag form, its reason.
void AddCaseTags(TemplateData& data, const AppContext& app, Lang lang, bool may_handle,
                 const RegisteredReport& report, const CaseFormError* error);

// POST …/labels: tag (its id), change (add or remove), csrf and case_version.
http::Response CaseTagPost(const AppContext& app, const StaffRequest& request);

}  // namespace meldpunt::web
