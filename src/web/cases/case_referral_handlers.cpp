#include "web/cases/case_referral_handlers.hpp"

#include <array>

#include "domain/cases/case_action.hpp"
#include "domain/cases/case_event.hpp"
#include "domain/cases/referral.hpp"
#include "domain/dutch_time.hpp"
#include "web/cases/case_handlers.hpp"
#include "web/cases/case_request.hpp"
#include "web/cases/refusal_messages.hpp"
#include "web/common/pages.hpp"

namespace meldpunt::web {
namespace {

constexpr std::array kDestinations = {
    CodeLabel{"police", N_("Police")},
    CodeLabel{"college_rechten_mens", N_("College voor de Rechten van de Mens")},
    CodeLabel{"kinderombudsman", N_("Kinderombudsman")},
    CodeLabel{"municipality", N_("The municipality")},
    CodeLabel{"other", N_("Another body")},
};
static_assert(kDestinations.size() == kReferralDestinations.size());

const char* ProblemText(std::string_view problem) {
  if (problem == "destination_unknown") return N_("Choose where the case was referred to.");
  if (problem == "body_required") return N_("Give the name of the body the case was referred to.");
  if (problem == "body_too_long") return N_("The name has at most 100 characters.");
  if (problem == "body_not_text") return N_("The name is one line of text.");
  if (problem == "body_not_applicable")
    return N_("A name is only given with \"another body\". Leave it empty or choose that.");
  if (problem == "date_invalid") return N_("Give the day of the referral as a date.");
  return N_("The day of the referral cannot be in the future.");
}

CaseFacts FactsOf(const RegisteredReport& report) {
  return CaseFacts{report.anonymous, report.scope, report.consent_recorded, report.step};
}

}  // namespace

std::span<const CodeLabel> ReferralDestinationLabels() { return kDestinations; }

void AddCaseReferral(TemplateData& data, const AppContext& app, Lang lang, bool may_handle,
                     const RegisteredReport& report, const CaseFormError* error) {
  bool allowed = may_handle && CheckAction(ActionKind::kReferral, FactsOf(report)).ok();
  data.set("may_refer", Bool(allowed));
  if (!allowed) return;
  bool ours = error && error->form == "referral";
  std::string typed = ours ? error->Typed("destination") : "";
  kainjow::mustache::list choices;
  for (const auto& destination : kDestinations) {
    TemplateData item;
    item.set("value", std::string(destination.code));
    item.set("label", app.translator.Get(lang, destination.label));
    item.set("checked", Bool(destination.code == typed));
    item.set("is_other", Bool(destination.code == kReferralOther));
    choices.push_back(item);
  }
  data.set("referral_destinations", choices);
  data.set("referral_body", ours ? error->Typed("body") : "");
  data.set("referral_date", ours ? error->Typed("date") : FormatIsoDate(DutchDateOf(app.now())));
  data.set("max_referral_body", std::to_string(kMaxReferralBodyChars));
  data.set("referral_version", std::to_string(report.case_version));
  if (ours) {
    data.set("referral_error", error->message);
  }
}

std::string ReferralHistoryLine(const AppContext& app, Lang lang, const CaseEvent& event) {
  std::string line = app.translator.Get(lang, N_("Referred to")) + ": " +
                     LabelOf(app, lang, kDestinations, event.code);
  if (ParseIsoDate(event.detail)) {
    line += ", " + app.translator.Get(lang, N_("on")) + " " + event.detail;
  }
  return line;
}

http::Response CaseReferralPost(const AppContext& app, const StaffRequest& staff_request) {
  const http::Request& request = staff_request.http;
  auto check = CheckCaseRequest(app, staff_request, "referral");
  if (!check.request) return std::move(*check.refusal);
  const CaseRequest& req = *check.request;
  // The rules of the action referral: an open case; no consent needed, as a referral tells the
  // reporter where to go and shares nothing of them.
  if (Verdict verdict = CheckAction(ActionKind::kReferral, FactsOf(req.report)); !verdict) {
    return RefuseCaseForm(app, request, req, verdict.refusal());
  }
  ReferralCheck referral =
      CheckReferral({req.form.Get("destination"), req.form.Get("body"), req.form.Get("date")},
                    DutchDateOf(app.now()));
  if (!referral.problem.empty()) {
    return RefuseCaseForm(app, request, req, Tr(app, req, ProblemText(referral.problem)));
  }
  if (req.report.anonymised_at && !referral.body.empty()) {
    // After erasure no new free text is stored on the case.
    return RefuseCaseForm(app, request, req,
                          Tr(app, req,
                             N_("The personal data of this case was erased: leave the text empty "
                                "and record only what happened.")));
  }
  CaseChange change;
  change.kind = CaseEventKind::kReferred;
  change.code = req.form.Get("destination");
  change.detail = FormatIsoDate(*referral.date);
  change.text = referral.body;
  // The audit record holds codes and the day only, never the other body's name.
  std::string detail = change.code + " " + change.detail;
  return ApplyCaseForm(app, request, req, std::move(change), "case.referral", detail,
                       "doorverwezen");
}

}  // namespace meldpunt::web
