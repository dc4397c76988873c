#include "web/public/report_form_data.hpp"

#include <array>
#include <chrono>

#include "web/common/locale_format.hpp"
#include "web/common/pages.hpp"
#include "web/public/report_options.hpp"
#include "web/public/step_check.hpp"

namespace meldpunt::web {
namespace {

constexpr std::array<const char*, 12> kMonths = {
    N_("January"), N_("February"), N_("March"),     N_("April"),   N_("May"),      N_("June"),
    N_("July"),    N_("August"),   N_("September"), N_("October"), N_("November"), N_("December")};

// Which step asks for which field, in the order of the form.
struct FieldStep {
  std::string_view field;
  int step;
};
constexpr FieldStep kFieldSteps[] = {
    {"reporter_role", 1},
    {"residence_municipality", 1},
    {"residence_postcode", 1},
    {"description", 2},
    {"nature", 2},
    {"grounds", 2},
    {"domain", 3},
    {"incident_when", 3},
    {"incident_date", 3},
    {"incident_month", 3},
    {"incident_year", 3},
    {"incident_municipality", 3},
    {"incident_postcode", 3},
    {"scope", 3},
    {"anonymous", 4},
    {"wishes", 4},
    {"contact_name", 4},
    {"contact_email", 4},
    {"contact_phone", 4},
    {"contact_preference", 4},
    {"contact_time", 4},
    {"contact_language", 4},
    {"website", 4},
};

}  // namespace

void SetFieldErrors(const AppContext& app, Lang lang, const std::vector<FieldError>& errors,
                    TemplateData& data, ProblemMessageFn message_of) {
  kainjow::mustache::list summary;
  for (const auto& error : errors) {
    std::string message = app.translator.Get(lang, message_of(error.field, error.problem));
    // Only the first problem of a field is shown beside it.
    if (data.get(error.field + "_error")) continue;
    data.set(error.field + "_error", message);
    TemplateData item;
    item.set("field", error.field);
    item.set("message", message);
    summary.push_back(item);
  }
  data.set("has_errors", Bool(!errors.empty()));
  data.set("errors", summary);
}

namespace {

std::vector<std::string> One(const std::string& value) {
  return value.empty() ? std::vector<std::string>{} : std::vector<std::string>{value};
}

}  // namespace

Date LatestIncidentDate(const AppContext& app) {
  return Date{std::chrono::sys_days{DateOfUnixSeconds(app.now())} + std::chrono::days{1}};
}

ReportInput ReportInputFrom(const http::FormFields& form) {
  ReportInput input;
  input.reporter_role = form.Get("reporter_role");
  input.description = form.Get("description");
  input.nature = form.Get("nature");
  input.grounds = form.GetAll("grounds");
  input.domain = form.Get("domain");
  input.incident_when = form.Get("incident_when");
  input.incident_date = form.Get("incident_date");
  input.incident_month = form.Get("incident_month");
  input.incident_year = form.Get("incident_year");
  input.incident_municipality = form.Get("incident_municipality");
  input.incident_postcode = form.Get("incident_postcode");
  input.scope = form.Get("scope");
  input.residence_municipality = form.Get("residence_municipality");
  input.residence_postcode = form.Get("residence_postcode");
  input.anonymous = form.Get("anonymous");
  input.wishes = form.GetAll("wishes");
  input.contact_name = form.Get("contact_name");
  input.contact_email = form.Get("contact_email");
  input.contact_phone = form.Get("contact_phone");
  input.contact_preference = form.Get("contact_preference");
  input.contact_time = form.Get("contact_time");
  input.contact_language = form.Get("contact_language");
  input.consent = form.Get("consent");
  return input;
}

int StepOfField(std::string_view field) {
  for (const auto& entry : kFieldSteps) {
    if (entry.field == field) return entry.step;
  }
  return 0;
}

TemplateData ReportFormData(const AppContext& app, Lang lang, const FormState& state) {
  const ReportInput& input = state.input;
  TemplateData data;
  data.set("csrf", state.csrf);
  data.set("submission_key", state.submission_key);
  data.set("steps", std::to_string(kReportSteps));

  data.set("reporter_role_choices",
           Choices(app, lang, "reporter_role", ReporterRoleLabels(), One(input.reporter_role)));
  data.set("residence_options",
           MunicipalityOptions(app, lang, kResidenceUnknown, N_("Abroad / rather not say"),
                               input.residence_municipality));
  data.set("residence_postcode", input.residence_postcode);

  data.set("description", input.description);
  data.set("nature_choices", Choices(app, lang, "nature", NatureLabels(), One(input.nature)));
  data.set("grounds_choices", Choices(app, lang, "grounds", GroundLabels(), input.grounds));

  data.set("domain_choices", Choices(app, lang, "domain", DomainLabels(), One(input.domain)));
  bool approximate = input.incident_when == "approximate";
  // Neither is ticked on a new form (the date field shows until "approximate" is chosen), so a
  // fresh form holds no chosen value and a draft on the device can be restored into it.
  data.set("when_exact", Bool(input.incident_when == "exact"));
  data.set("when_approximate", Bool(approximate));
  data.set("incident_date", input.incident_date);
  data.set("max_date", FormatIsoDate(LatestIncidentDate(app)));
  data.set("incident_year", input.incident_year);
  kainjow::mustache::list months;
  for (size_t i = 0; i < kMonths.size(); ++i) {
    TemplateData month;
    std::string value = std::to_string(i + 1);
    month.set("value", value);
    month.set("label", app.translator.Get(lang, kMonths[i]));
    std::string typed = input.incident_month;
    if (typed.size() == 2 && typed[0] == '0') typed = typed.substr(1);
    month.set("selected", Bool(typed == value));
    months.push_back(month);
  }
  data.set("months", months);
  data.set("incident_options",
           MunicipalityOptions(app, lang, kIncidentNotApplicable, N_("Online, or not in one place"),
                               input.incident_municipality));
  data.set("incident_postcode", input.incident_postcode);
  data.set("scope_choices", Choices(app, lang, "scope", ScopeLabels(), One(input.scope)));

  data.set("anonymous_yes", Bool(input.anonymous == "yes"));
  data.set("anonymous_no", Bool(input.anonymous == "no"));
  data.set("wishes_choices", Choices(app, lang, "wishes", WishLabels(), input.wishes));
  data.set("contact_name", input.contact_name);
  data.set("contact_email", input.contact_email);
  data.set("contact_phone", input.contact_phone);
  data.set("contact_preference_choices",
           Choices(app, lang, "contact_preference", ContactPreferenceLabels(),
                   One(input.contact_preference)));
  data.set("contact_time", input.contact_time);
  data.set("contact_language", input.contact_language);
  data.set("postcodes", Bool(app.postcodes && !app.postcodes->empty()));
  // report_form.js checks each step on "Next" with the server's messages (step_check.hpp).
  data.set("step_check", StepCheckJson(app.translator, lang));

  SetFieldErrors(app, lang, state.errors, data);
  int open_step = state.open_step;
  if (!open_step && !state.errors.empty()) open_step = StepOfField(state.errors.front().field);
  if (open_step) data.set("open_step", std::to_string(open_step));
  return data;
}

std::string IncidentDateText(const AppContext& app, Lang lang, const IncidentDate& date) {
  switch (date.precision) {
    case DatePrecision::kDay:
      return FormatLongDate(lang, date.date);
    case DatePrecision::kMonth:
      return app.translator.Get(lang, N_("about")) + " " + FormatMonthYear(lang, date.date);
    case DatePrecision::kYear:
      return app.translator.Get(lang, N_("about")) + " " +
             std::to_string(static_cast<int>(date.date.year()));
  }
  return FormatIncidentDate(date);
}

TemplateData ReportReviewData(const AppContext& app, Lang lang, const FormState& state) {
  const ReportInput& in = state.input;
  TemplateData data;
  data.set("csrf", state.csrf);
  data.set("submission_key", state.submission_key);
  data.set("steps", std::to_string(kReportSteps));

  // Every value travels on as a hidden field, so "change" and "send" get all of it back.
  kainjow::mustache::list hidden;
  auto keep = [&](const char* name, const std::string& value) {
    if (value.empty()) return;
    TemplateData field;
    field.set("name", name);
    field.set("value", value);
    hidden.push_back(field);
  };
  keep("reporter_role", in.reporter_role);
  keep("residence_municipality", in.residence_municipality);
  keep("residence_postcode", in.residence_postcode);
  keep("description", in.description);
  keep("nature", in.nature);
  for (const auto& g : in.grounds) keep("grounds", g);
  keep("domain", in.domain);
  keep("incident_when", in.incident_when);
  keep("incident_date", in.incident_date);
  keep("incident_month", in.incident_month);
  keep("incident_year", in.incident_year);
  keep("incident_municipality", in.incident_municipality);
  keep("incident_postcode", in.incident_postcode);
  keep("scope", in.scope);
  keep("anonymous", in.anonymous);
  for (const auto& w : in.wishes) keep("wishes", w);
  if (in.anonymous == "no") {
    keep("contact_name", in.contact_name);
    keep("contact_email", in.contact_email);
    keep("contact_phone", in.contact_phone);
    keep("contact_preference", in.contact_preference);
    keep("contact_time", in.contact_time);
    keep("contact_language", in.contact_language);
  }
  data.set("hidden", hidden);

  // What the reporter sees: the validated, normalised values in plain words.
  auto t = [&](const char* msgid) { return app.translator.Get(lang, msgid); };
  ValidationOptions options{.require_consent = false, .postcodes = app.postcodes};
  auto checked = ValidateReport(in, app.municipalities, LatestIncidentDate(app), options);
  kainjow::mustache::list sections;
  auto section = [&](int step, const char* title,
                     std::vector<std::pair<const char*, std::string>> rows) {
    TemplateData s;
    s.set("step", std::to_string(step));
    s.set("title", t(title));
    kainjow::mustache::list items;
    for (auto& [label, value] : rows) {
      if (value.empty()) continue;
      TemplateData row;
      row.set("label", t(label));
      row.set("value", value);
      items.push_back(row);
    }
    s.set("rows", items);
    sections.push_back(s);
  };
  if (checked.report) {
    const NewReport& r = *checked.report;
    std::string when = IncidentDateText(app, lang, r.incident_date);
    section(1, N_("About you"),
            {{N_("Who reports"), LabelOf(app, lang, ReporterRoleLabels(), r.reporter_role)},
             {N_("Where you live"), MunicipalityLabel(app, lang, r.residence_municipality)}});
    section(2, N_("What happened"),
            {{N_("In your own words"), r.description},
             {N_("What kind of incident"), LabelOf(app, lang, NatureLabels(), r.nature)},
             {N_("What it was about"), LabelsOf(app, lang, GroundLabels(), r.grounds)}});
    section(3, N_("Where and when"),
            {{N_("Where"), LabelOf(app, lang, DomainLabels(), r.domain)},
             {N_("When"), when},
             {N_("Municipality where it happened"),
              MunicipalityLabel(app, lang, r.incident_municipality)},
             {N_("One incident or a general rule"), LabelOf(app, lang, ScopeLabels(), r.scope)}});
    std::vector<std::pair<const char*, std::string>> wishes = {
        {N_("Anonymous"),
         r.anonymous ? t(N_("Yes, I stay anonymous")) : t(N_("No, you may contact me"))},
        {N_("What you would like from us"), LabelsOf(app, lang, WishLabels(), r.wishes)}};
    if (r.contact) {
      wishes.push_back({N_("Name"), r.contact->name});
      wishes.push_back({N_("E-mail address"), r.contact->email});
      wishes.push_back({N_("Phone number"), r.contact->phone});
      wishes.push_back(
          {N_("Preferred way to contact you"),
           r.contact->preference.empty()
               ? std::string()
               : LabelOf(app, lang, ContactPreferenceLabels(), r.contact->preference)});
      wishes.push_back({N_("Best time to reach you"), r.contact->time});
      wishes.push_back({N_("Language"), r.contact->language});
    }
    section(4, N_("What you would like"), std::move(wishes));
  }
  data.set("sections", sections);
  data.set("anonymous", Bool(in.anonymous == "yes"));
  data.set("consent", Bool(in.consent == "yes"));
  SetFieldErrors(app, lang, state.errors, data);
  return data;
}

const char* ProblemMessage(const std::string& field, Problem problem) {
  if (field == "pow") {
    return N_(
        "We receive a lot of automated spam at the moment, so your browser must do a short "
        "check before sending. Press \"Send report\" again and wait a few seconds. This "
        "needs JavaScript; without it, please call us.");
  }
  if (field == "website") {
    return N_("Leave the field \"Leave this empty\" empty. It is there to stop automated spam.");
  }
  switch (problem) {
    case Problem::kRequired:
      if (field == "reporter_role") return N_("Choose who is reporting.");
      if (field == "description") return N_("Describe what happened.");
      if (field == "nature") return N_("Choose what kind of incident it was.");
      if (field == "grounds") return N_("Choose what it was about, or \"I don't know\".");
      if (field == "domain") return N_("Choose where it happened.");
      if (field == "incident_date") return N_("Enter the date it happened.");
      if (field == "incident_year") return N_("Enter the year it happened.");
      if (field == "incident_municipality") return N_("Choose the municipality where it happened.");
      if (field == "residence_municipality") return N_("Choose where you live.");
      if (field == "scope") return N_("Choose whether it is about an incident or a general rule.");
      if (field == "anonymous") return N_("Choose whether you want to stay anonymous.");
      if (field == "wishes") return N_("Choose what you would like from us.");
      return N_("This field is required.");
    case Problem::kTooLong:
      return N_("This is too long. Please shorten it.");
    case Problem::kInvalidText:
      return N_("This contains characters we cannot store.");
    case Problem::kInvalidDate:
      if (field == "incident_year") return N_("Enter a year of four digits, like 2025.");
      return N_("Enter a date like 2026-03-31 (year-month-day).");
    case Problem::kFutureDate:
      return N_("The date cannot be in the future.");
    case Problem::kTooOld:
      return N_("The date is too long ago. Check the year.");
    case Problem::kUnknownMunicipality:
      return N_("Choose a municipality from the list.");
    case Problem::kInvalidChoice:
      return N_("Choose one of the options.");
    case Problem::kInvalidEmail:
      return N_("Enter an e-mail address like name@example.nl.");
    case Problem::kInvalidPhone:
      return N_("Enter a phone number with at least 6 digits.");
    case Problem::kContactRequired:
      return N_("Enter an e-mail address or a phone number, or choose to stay anonymous.");
    case Problem::kNotWhenAnonymous:
      return N_(
          "If you stay anonymous, we cannot write to the other party about something that "
          "happened to a person, mediate, or help with a complaint or a police report. "
          "Choose something else, or let us contact you.");
    case Problem::kRegistrationOnlyAlone:
      return N_(
          "You chose \"Only register my report\" and also asked for help. Choose one or "
          "the other.");
    case Problem::kInvalidPostcode:
      return N_("Enter a postcode like 1234 AB, or choose the municipality.");
    case Problem::kUnknownPostcode:
      return N_("We do not know this postcode. Choose the municipality from the list.");
    case Problem::kConsentRequired:
      return N_("Tick the box to agree, so that we may store and use your report.");
    case Problem::kBeforeIncident:
      return N_("The date of receipt cannot be before the incident.");
  }
  return N_("This field is not valid.");
}

}  // namespace meldpunt::web
