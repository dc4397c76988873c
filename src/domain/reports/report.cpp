#include "domain/reports/report.hpp"

#include <algorithm>

#include "base/text.hpp"
#include "domain/reports/classification.hpp"

namespace meldpunt {
namespace {

using std::chrono::year;

}  // namespace

std::optional<Problem> CheckText(const std::string& text, size_t max_chars, bool required,
                                 bool allow_newlines) {
  if (text.empty()) return required ? std::optional{Problem::kRequired} : std::nullopt;
  if (!IsValidUtf8Text(text, allow_newlines)) return Problem::kInvalidText;
  if (CountCodePoints(text) > max_chars) return Problem::kTooLong;
  return std::nullopt;
}

std::optional<Contact> ValidateContact(const ReportInput& input, std::vector<FieldError>& errors) {
  auto fail = [&](const char* field, Problem problem) { errors.push_back({field, problem}); };
  Contact contact{Trim(input.contact_name),  Trim(input.contact_email),
                  Trim(input.contact_phone), Trim(input.contact_preference),
                  Trim(input.contact_time),  Trim(input.contact_language)};
  if (auto problem = CheckText(contact.name, kMaxNameChars, false, false)) {
    fail("contact_name", *problem);
  }
  bool email_ok = false, phone_ok = false;
  if (auto problem = CheckText(contact.email, kMaxEmailChars, false, false)) {
    fail("contact_email", *problem);
  } else if (!contact.email.empty()) {
    email_ok = LooksLikeEmail(contact.email);
    if (!email_ok) fail("contact_email", Problem::kInvalidEmail);
  }
  if (auto problem = CheckText(contact.phone, kMaxPhoneChars, false, false)) {
    fail("contact_phone", *problem);
  } else if (!contact.phone.empty()) {
    phone_ok = LooksLikePhone(contact.phone);
    if (!phone_ok) fail("contact_phone", Problem::kInvalidPhone);
  }
  if (contact.email.empty() && contact.phone.empty()) {
    fail("contact_email", Problem::kContactRequired);
  }
  if (!contact.preference.empty() && !IsCode(kContactPreferences, contact.preference)) {
    fail("contact_preference", Problem::kInvalidChoice);
  }
  if (auto problem = CheckText(contact.time, kMaxContactNoteChars, false, false)) {
    fail("contact_time", *problem);
  }
  if (auto problem = CheckText(contact.language, kMaxContactNoteChars, false, false)) {
    fail("contact_language", *problem);
  }
  if (email_ok || phone_ok) return contact;
  return std::nullopt;
}

bool IsSubmissionKey(std::string_view key) {
  if (key.size() < 16 || key.size() > 64) return false;
  for (char c : key) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

std::string FormatIncidentDate(const IncidentDate& date) {
  std::string text = FormatIsoDate(date.date);
  switch (date.precision) {
    case DatePrecision::kDay:
      return text;
    case DatePrecision::kMonth:
      return text.substr(0, 7);
    case DatePrecision::kYear:
      return text.substr(0, 4);
  }
  return text;
}

std::optional<IncidentDate> ParseIncidentDate(std::string_view text) {
  if (text.size() == 10) {
    if (auto date = ParseIsoDate(text)) return IncidentDate{*date, DatePrecision::kDay};
  } else if (text.size() == 7) {
    if (auto date = ParseIsoDate(std::string(text) + "-01"))
      return IncidentDate{*date, DatePrecision::kMonth};
  } else if (text.size() == 4) {
    if (auto date = ParseIsoDate(std::string(text) + "-01-01"))
      return IncidentDate{*date, DatePrecision::kYear};
  }
  return std::nullopt;
}

namespace {

// Checks a choice from a code list; a missing choice is kRequired.
void CheckChoice(std::span<const std::string_view> list, const std::string& value,
                 const char* field, std::string& out, std::vector<FieldError>& errors) {
  if (value.empty()) {
    errors.push_back({field, Problem::kRequired});
  } else if (!IsCode(list, value)) {
    errors.push_back({field, Problem::kInvalidChoice});
  } else {
    out = value;
  }
}

// Checks a multiple choice: at least one, every value known; kept in list order, once each.
void CheckChoices(std::span<const std::string_view> list, const std::vector<std::string>& values,
                  const char* field, std::vector<std::string>& out,
                  std::vector<FieldError>& errors) {
  std::vector<std::string> chosen;
  for (const auto& value : values) {
    if (value.empty()) continue;
    if (!IsCode(list, value)) {
      errors.push_back({field, Problem::kInvalidChoice});
      return;
    }
  }
  for (auto code : list) {
    if (std::find(values.begin(), values.end(), code) != values.end()) chosen.emplace_back(code);
  }
  if (chosen.empty()) {
    errors.push_back({field, Problem::kRequired});
    return;
  }
  out = std::move(chosen);
}

std::optional<Problem> CheckIncidentDate(const ReportInput& input, Date today, IncidentDate& out,
                                         const char*& field) {
  bool approximate = input.incident_when == "approximate";
  if (!approximate && input.incident_when != "exact" && !input.incident_when.empty()) {
    field = "incident_when";
    return Problem::kInvalidChoice;
  }
  if (!approximate) {
    field = "incident_date";
    std::string text = Trim(input.incident_date);
    if (text.empty()) return Problem::kRequired;
    auto date = ParseIsoDate(text);
    if (!date) return Problem::kInvalidDate;
    out = {*date, DatePrecision::kDay};
  } else {
    field = "incident_year";
    std::string year_text = Trim(input.incident_year);
    if (year_text.empty()) return Problem::kRequired;
    auto date = ParseIsoDate(year_text + "-01-01");
    if (!date || year_text.size() != 4) return Problem::kInvalidDate;
    out = {*date, DatePrecision::kYear};
    std::string month = Trim(input.incident_month);
    if (!month.empty()) {
      field = "incident_month";
      if (month.size() == 1) month = "0" + month;
      auto with_month = ParseIsoDate(year_text + "-" + month + "-01");
      if (!with_month || month.size() != 2) return Problem::kInvalidChoice;
      out = {*with_month, DatePrecision::kMonth};
    }
  }
  if (out.date > today) return Problem::kFutureDate;
  if (out.date.year() < year{kEarliestIncidentYear}) return Problem::kTooOld;
  return std::nullopt;
}

// A municipality chosen from the list, a special value, or a postcode standing in for it.
void CheckPlace(const MunicipalityRegistry& municipalities, const PostcodeTable* postcodes,
                const char* field, const std::string& code, std::string_view special,
                const char* postcode_field, const std::string& postcode, std::string& out,
                std::vector<FieldError>& errors) {
  std::string typed_postcode = Trim(postcode);
  if (code.empty() && !typed_postcode.empty() && postcodes && !postcodes->empty()) {
    auto digits = PostcodeDigits(typed_postcode);
    if (!digits) return errors.push_back({postcode_field, Problem::kInvalidPostcode});
    auto found = postcodes->Find(*digits);
    const Municipality* m = found ? municipalities.Successor(*found) : nullptr;
    if (!m) return errors.push_back({postcode_field, Problem::kUnknownPostcode});
    out = m->code;
    return;
  }
  if (code.empty()) return errors.push_back({field, Problem::kRequired});
  if (code == special) {
    out = code;
    return;
  }
  const Municipality* m = municipalities.Find(code);
  if (!m || !m->current()) return errors.push_back({field, Problem::kUnknownMunicipality});
  out = code;
}

}  // namespace

ReportValidation ValidateReport(const ReportInput& input,
                                const MunicipalityRegistry& municipalities, Date today,
                                const ValidationOptions& options) {
  ReportValidation result;
  auto& errors = result.errors;
  auto fail = [&](const char* field, Problem problem) { errors.push_back({field, problem}); };
  NewReport report;
  report.code_list_version = std::string(kCodeListVersion);

  // In the order the form asks, so the error summary follows the page.
  CheckChoice(kReporterRoles, input.reporter_role, "reporter_role", report.reporter_role, errors);
  CheckPlace(municipalities, options.postcodes, "residence_municipality",
             input.residence_municipality, kResidenceUnknown, "residence_postcode",
             input.residence_postcode, report.residence_municipality, errors);

  report.description = Trim(input.description);
  if (auto problem = CheckText(report.description, kMaxDescriptionChars, true, true)) {
    fail("description", *problem);
  }
  CheckChoice(kNatures, input.nature, "nature", report.nature, errors);
  CheckChoices(kGrounds, input.grounds, "grounds", report.grounds, errors);
  // "I don't know" next to known grounds says nothing more: the known ones count.
  if (report.grounds.size() > 1) std::erase(report.grounds, std::string(kGroundUnknown));

  CheckChoice(kDomains, input.domain, "domain", report.domain, errors);
  const char* date_field = "incident_date";
  if (auto problem = CheckIncidentDate(input, today, report.incident_date, date_field)) {
    fail(date_field, *problem);
  }
  CheckPlace(municipalities, options.postcodes, "incident_municipality",
             input.incident_municipality, kIncidentNotApplicable, "incident_postcode",
             input.incident_postcode, report.incident_municipality, errors);
  CheckChoice(kScopes, input.scope, "scope", report.scope, errors);

  if (input.anonymous == "yes") {
    report.anonymous = true;  // contact fields are dropped, never stored
  } else if (input.anonymous == "no") {
    report.anonymous = false;
    report.contact = ValidateContact(input, errors);
  } else if (input.anonymous.empty()) {
    fail("anonymous", Problem::kRequired);
  } else {
    fail("anonymous", Problem::kInvalidChoice);
  }

  size_t errors_before = errors.size();
  CheckChoices(kWishes, input.wishes, "wishes", report.wishes, errors);
  if (errors.size() == errors_before) {
    bool registration_only = std::find(report.wishes.begin(), report.wishes.end(),
                                       kWishRegistrationOnly) != report.wishes.end();
    if (registration_only && report.wishes.size() > 1) {
      fail("wishes", Problem::kRegistrationOnlyAlone);
    } else if (input.anonymous == "yes" &&
               std::any_of(report.wishes.begin(), report.wishes.end(), [&](const auto& wish) {
                 return !AnonymousMayWish(wish, input.scope);
               })) {
      fail("wishes", Problem::kNotWhenAnonymous);
    }
  }

  if (options.require_consent && input.consent != "yes") fail("consent", Problem::kConsentRequired);

  if (result.errors.empty()) result.report = std::move(report);
  return result;
}

}  // namespace meldpunt
