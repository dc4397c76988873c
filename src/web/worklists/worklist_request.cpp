#include "web/worklists/worklist_request.hpp"

#include <algorithm>

#include "http/form.hpp"
#include "web/admin/deadline_settings.hpp"
#include "web/cases/case_view.hpp"
#include "web/intake/intake_view.hpp"
#include "web/public/report_options.hpp"

namespace meldpunt::web {

CheckedWorklist CheckWorklistRequest(const AppContext& app, const StaffRequest& req,
                                     bool with_tag_counts) {
  const StaffSession& staff = req.staff;
  long long bureau = staff.bureau_id.value_or(0);
  CheckedWorklist list;
  auto fields = http::ParseFormFields(req.http.query, 100);
  list.input = fields ? WorklistInputOf(*fields) : WorklistInput{};
  list.staff_list = app.staff.ListBureauStaff(bureau);
  list.handlers = list.staff_list;
  std::erase_if(list.handlers, [](const StaffUser& user) { return !IsCaseHandler(user); });
  std::vector<std::string> channels;
  for (const auto& channel : ChannelLabels()) channels.emplace_back(channel.code);
  WorklistValidation checked =
      ValidateWorklist(list.input, bureau, staff.user_id, app.municipalities, list.handlers,
                       channels, app.options.staff_page_size);
  list.errors = std::move(checked.errors);
  list.query = std::move(checked.query);
  if (!fields) {
    list.errors.push_back(
        {"filters", N_("This address of the list cannot be read. Choose the filters again.")});
  }
  // Next deadline and mass-report event (issue 14): the bureau's "due soon" window, and only an
  // event the bureau can see.
  // Names only: the counts of ListMassEvents cost a read of every linked report, on every page.
  list.mass_events = app.mass_events.ListMassEventNames();
  ApplyDueFilter(list.input, app.now(), DeadlineSettingsFor(app, bureau).due_soon_days, list.query);
  if (list.query.filter.mass_event_id &&
      std::none_of(list.mass_events.begin(), list.mass_events.end(), [&](const MassEvent& event) {
        return event.id == *list.query.filter.mass_event_id;
      })) {
    list.errors.push_back({"massa", N_("Choose one of the options in the list.")});
  }
  // Tags (labels): only one of the bureau's own.
  list.bureau_tags = app.tags.ListTags(bureau, with_tag_counts);
  std::vector<long long> tag_ids;
  for (const auto& tag : list.bureau_tags) tag_ids.push_back(tag.id);
  WorklistValidation labelled{list.query, {}};
  ValidateWorklistLabel(list.input, tag_ids, labelled);
  list.query = std::move(labelled.query);
  for (auto& error : labelled.errors) list.errors.push_back(std::move(error));
  return list;
}

}  // namespace meldpunt::web
