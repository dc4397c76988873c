#pragma once
// The bureau's list of reports (/medewerkers/meldingen): its query parameters as typed, their
// checks, the work list query they make, and the links back to it. Everything is in the URL
// (GET), so a filtered, sorted page can be bookmarked and the back button works. Pure, so the
// rules are tested without a server.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/municipality.hpp"
#include "http/form.hpp"
#include "store/case_list_store.hpp"
#include "store/staff_account_store.hpp"
#include "web/worklists/search_form.hpp"

namespace meldpunt::web {

// The parameters exactly as sent (Dutch names, as staff read them in the address bar); nothing
// here is trusted yet. Empty: not given.
struct WorklistInput {
  std::string step = {};          // stap: a step code, or "open"
  std::string handler = {};       // behandelaar: a staff user id, or "geen" (not assigned)
  std::string kind = {};          // soort: klacht or melding
  std::string municipality = {};  // gemeente: of the incident, a CBS code or special value
  std::string ground = {};        // grond: a ground (with its sub-grounds)
  std::string channel = {};       // kanaal: how it came in
  std::string from = {};          // van: YYYY-MM-DD, received on or after
  std::string to = {};            // tot: YYYY-MM-DD, received on or before
  std::string sort = {};          // sorteer: datum (the default), referentie, termijn, activiteit
  std::string direction = {};     // volgorde: af (the default, newest first) or op
  std::string after = {};         // na: the key of the last row of the page before
  std::string before = {};        // voor: the key of the first row of the page after
  bool mine = false;              // mijn=1: the staff member's own cases
  // Next deadline and mass-report event (issue 14).
  std::string due = {};         // termijn: verlopen (overdue) or binnenkort (due soon)
  std::string mass_event = {};  // massa: the id of a mass-report event
  std::string label = {};         // label: the id of one of the bureau's tags
};
WorklistInput WorklistInputOf(const http::FormFields& query);

struct WorklistValidation {
  WorklistQuery query;                   // meaningful only when errors is empty
  std::vector<SearchFieldError> errors;  // field: the parameter's name (stap, van, ...)
};

// Checks every parameter. `handlers` are the staff a case may be assigned to (behandelaar
// accepts their ids only); `channels` the codes of kanaal; with mijn=1 the list is of user_id's
// cases, whatever behandelaar says.
WorklistValidation ValidateWorklist(const WorklistInput& input, long long bureau_id,
                                    long long user_id, const MunicipalityRegistry& municipalities,
                                    const std::vector<StaffUser>& handlers,
                                    const std::vector<std::string>& channels, int page_size);

// termijn (issue 14): the window of next deadlines it asks for at `now`. Overdue: before now;
// due soon: from now until due_soon_days later (the bureau's setting, as the deadlines page
// shows "due soon"). Call after ValidateWorklist, on a query without errors.
void ApplyDueFilter(const WorklistInput& input, long long now, int due_soon_days,
                    WorklistQuery& query);
// Checks label (a tag filter) against the ids of the bureau's tags, retired ones included, and
// sets it on the query; an id not among them is an error on "label".
void ValidateWorklistLabel(const WorklistInput& input, const std::vector<long long>& tag_ids,
                           WorklistValidation& validation);

// A row's key in a link: "<reported_at>-<id>" when sorted by date received,
// "<reported_year>-<id>" by reference.
std::string FormatWorklistKey(const WorklistKey& key);
std::optional<WorklistKey> ParseWorklistKey(std::string_view text);

// The query string (without "?") of the list with the filters and order of `input` and one
// paging parameter (na or voor; none when name is empty). Empty parameters are left out.
std::string WorklistQueryString(const WorklistInput& input, std::string_view paging_name = {},
                                std::string_view paging_value = {});

// The filters and order of a valid input for the audit record: parameter names and codes only
// (every value has passed ValidateWorklist, so none is free text); "" without any.
std::string WorklistAuditFilter(const WorklistInput& input);

}  // namespace meldpunt::web
