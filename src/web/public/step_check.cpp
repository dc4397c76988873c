#include "web/public/step_check.hpp"

#include <boost/json.hpp>

#include "web/public/report_form_data.hpp"

namespace meldpunt::web {
namespace {

namespace json = boost::json;

// The problems the browser can find in steps 1-3 without the server's lists (municipalities,
// postcodes): a missing answer, and the format of dates, years and postcodes. Step 4 has no
// "Next": "Check your report" sends the form to the server, which checks all of it.
struct Check {
  const char* field;
  Problem problem;
};
constexpr Check kChecks[] = {
    {"reporter_role", Problem::kRequired},
    {"residence_municipality", Problem::kRequired},
    {"residence_postcode", Problem::kInvalidPostcode},
    {"description", Problem::kRequired},
    {"nature", Problem::kRequired},
    {"grounds", Problem::kRequired},
    {"domain", Problem::kRequired},
    {"incident_date", Problem::kRequired},
    {"incident_date", Problem::kInvalidDate},
    {"incident_date", Problem::kFutureDate},
    {"incident_date", Problem::kTooOld},
    {"incident_year", Problem::kRequired},
    {"incident_year", Problem::kInvalidDate},
    {"incident_year", Problem::kFutureDate},
    {"incident_year", Problem::kTooOld},
    {"incident_municipality", Problem::kRequired},
    {"incident_postcode", Problem::kInvalidPostcode},
    {"scope", Problem::kRequired},
};

}  // namespace

std::string_view ProblemKey(Problem problem) {
  switch (problem) {
    case Problem::kRequired:
      return "required";
    case Problem::kTooLong:
      return "too_long";
    case Problem::kInvalidText:
      return "invalid_text";
    case Problem::kInvalidDate:
      return "invalid_date";
    case Problem::kFutureDate:
      return "future_date";
    case Problem::kTooOld:
      return "too_old";
    case Problem::kUnknownMunicipality:
      return "unknown_municipality";
    case Problem::kInvalidChoice:
      return "invalid_choice";
    case Problem::kInvalidEmail:
      return "invalid_email";
    case Problem::kInvalidPhone:
      return "invalid_phone";
    case Problem::kContactRequired:
      return "contact_required";
    case Problem::kNotWhenAnonymous:
      return "not_when_anonymous";
    case Problem::kRegistrationOnlyAlone:
      return "registration_only_alone";
    case Problem::kInvalidPostcode:
      return "invalid_postcode";
    case Problem::kUnknownPostcode:
      return "unknown_postcode";
    case Problem::kConsentRequired:
      return "consent_required";
    case Problem::kBeforeIncident:
      return "before_incident";
  }
  return "invalid";
}

std::string StepCheckJson(const Translator& translator, Lang lang) {
  json::object messages;
  for (const auto& check : kChecks) {
    json::value& field = messages[check.field];
    if (!field.is_object()) field = json::object();
    field.as_object()[ProblemKey(check.problem)] =
        translator.Get(lang, ProblemMessage(check.field, check.problem));
  }
  json::object rules;
  rules["earliest_year"] = kEarliestIncidentYear;
  json::object doc;
  doc["messages"] = std::move(messages);
  doc["rules"] = std::move(rules);
  return json::serialize(doc);
}

}  // namespace meldpunt::web
