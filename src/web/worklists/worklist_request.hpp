#pragma once
// The list of reports' request (issue 14), read and checked once for the page and its CSV export,
// so both list the same rows for the same query string: the parameters (worklist_query.hpp), the
// bureau's handlers and channels they are checked against, the deadline window at the time of the
// request (the bureau's "due soon" setting) and the mass-report events the bureau sees.
#include <string>
#include <vector>

#include "store/case_list_store.hpp"
#include "store/mass_event_store.hpp"
#include "store/staff_account_store.hpp"
#include "store/tag_store.hpp"
#include "web/common/app.hpp"
#include "web/common/route_policy.hpp"
#include "web/worklists/worklist_query.hpp"

namespace meldpunt::web {

struct CheckedWorklist {
  WorklistInput input;
  WorklistQuery query;                   // meaningful only when errors is empty
  std::vector<SearchFieldError> errors;  // field: the parameter's name
  std::vector<StaffUser> staff_list;     // the bureau's staff (names of handlers)
  std::vector<StaffUser> handlers;       // those a case may be assigned to
  std::vector<MassEvent> mass_events;    // the choices of massa
  std::vector<CaseTag> bureau_tags;      // the choices of label: the bureau's tags, retired too
};

// with_tag_counts: bureau_tags carry their open cases (one grouped read, TagStore::ListTags), for
// the list page's tag filter; the CSV export does not need them.
CheckedWorklist CheckWorklistRequest(const AppContext& app, const StaffRequest& request,
                                     bool with_tag_counts = false);

}  // namespace meldpunt::web
