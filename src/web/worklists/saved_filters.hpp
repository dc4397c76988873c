#pragma once
// Saved filters (bewaarde filters) of the list of reports, per staff member (issue 14): the list
// page offers "Bewaar dit filter" and shows the staff member's own saved filters as links, each
// with a delete button. Only the owner sees or deletes them.
#include "http/message.hpp"
#include "web/common/app.hpp"
#include "web/common/route_policy.hpp"
#include "web/common/templates.hpp"

namespace meldpunt::web {

// The data of the partial _saved_filters on the list page: the user's saved filters, the query
// string to save, and whether another may be saved.
void AddSavedFilterData(const AppContext& app, const http::Request& request,
                        const StaffSession& staff, TemplateData& data);

// POST /medewerkers/bewaarde-filters: name, query. Checked with the list's own rules
// (ValidateWorklist); a problem comes back on a page of its own with the name as typed.
http::Response SavedFilterSave(const AppContext& app, const StaffRequest& req);
// POST /medewerkers/bewaarde-filters/{id}/verwijderen: one of one's own saved filters.
http::Response SavedFilterDelete(const AppContext& app, const StaffRequest& req);

}  // namespace meldpunt::web
