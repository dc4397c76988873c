// The planned mediation on the case page: in the summary, and its form among the actions.
#include "domain/cases/mediation.hpp"
#include "domain/dutch_time.hpp"
#include "store/case_store.hpp"
#include "web/cases/case_view.hpp"
#include "web/common/pages.hpp"

namespace meldpunt::web {

void AddMediation(TemplateData& data, const RegisteredReport& report,
                  const std::vector<CaseEvent>& events, const std::optional<Mediation>& mediation,
                  const CaseFormError* error) {
  if (mediation) {
    data.set("mediation", Bool(true));
    data.set("mediation_planned", FormatDutchDateTime(mediation->planned_at));
    data.set("mediation_place", mediation->place);
    // Only when there are any: an empty text would still open the section in the template.
    SetIfNotEmpty(data, "mediation_participants", mediation->participants);
  } else {
    data.set("mediation", Bool(false));
  }
  bool may_plan = MayPlanMediation(report, events);
  data.set("may_plan_mediation", Bool(may_plan));
  if (!may_plan) return;
  data.set("max_place", std::to_string(kMaxPlaceChars));
  data.set("max_participants", std::to_string(kMaxParticipantsChars));
  if (error && error->form == "mediation") {
    // What was typed comes back beside the reason.
    data.set("mediation_date", error->Typed("date"));
    data.set("mediation_time", error->Typed("time"));
    data.set("mediation_place_typed", error->Typed("place"));
    data.set("mediation_participants_typed", error->Typed("participants"));
  } else if (mediation) {
    std::string moment = FormatDutchDateTime(mediation->planned_at);  // "2026-12-10 14:30"
    data.set("mediation_date", moment.substr(0, 10));
    data.set("mediation_time", moment.substr(11, 5));
    data.set("mediation_place_typed", mediation->place);
    data.set("mediation_participants_typed", mediation->participants);
  }
}

}  // namespace meldpunt::web
