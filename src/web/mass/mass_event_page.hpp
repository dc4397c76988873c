#pragma once
// The page of one mass-report event, shared by its GET handler and by the bulk handlers that
// answer with the page itself (a count before linking, a link result, input to correct).
#include <optional>
#include <string>
#include <vector>

#include "http/form.hpp"
#include "http/message.hpp"
#include "store/mass_event_store.hpp"
#include "store/staff_session_store.hpp"
#include "web/common/app.hpp"
#include "web/common/route_policy.hpp"
#include "web/mass/mass_forms.hpp"

namespace meldpunt::web {

// What a POST brings back to the page besides the event itself.
struct MassPageState {
  std::string problem;        // for the error summary at the top
  std::string problem_field;  // the id it links to
  std::string references;     // as typed
  std::string references_error;
  MassFilterInput filter;  // as typed
  std::string dates_error;
  std::optional<long long> match_count;  // the first step of linking by filter
  std::optional<MassLinkResult> link_result;
  bool more_match = false;  // linking by filter left matching reports for another round
  std::string message;      // as typed
  std::string message_error;
  std::vector<std::string> handlings;  // as chosen
  std::string outcome;
  std::string close_error;
};

// The event by id, with its counts as the staff member's bureau reads them. Every bureau sees
// every event (it is public knowledge); staff without a bureau see none.
std::optional<MassEvent> VisibleMassEvent(const AppContext& app, const StaffSession& staff,
                                          long long event_id);

// Renders the event's page: the reports of the staff member's own bureau, and how many other
// bureaus linked as a plain number. Listing the linked reports goes on the audit record first.
http::Response MassEventPage(const AppContext& app, const http::Request& request,
                             const StaffSession& staff, const MassEvent& event, int status,
                             const MassPageState& state = {});

// What every POST on an event checks after its route policy (the form, the anti-forgery token
// and Permission::kBulkActions): the path names an event and `action`, and the staff member has a
// bureau that sees the event (404 otherwise). Either refusal is set, or bureau_id (the staff
// member's) and event are. The work that follows touches only bureau_id's reports.
struct MassPost {
  std::optional<http::Response> refusal;
  long long bureau_id = 0;
  MassEvent event;
};
MassPost BeginMassPost(const AppContext& app, const StaffRequest& request, std::string_view action);

}  // namespace meldpunt::web
