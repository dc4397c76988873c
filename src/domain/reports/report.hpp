#pragma once
// A report (melding) as a reporter gives it, and the rules it must meet to be registered.
#include <optional>
#include <string>
#include <vector>

#include "domain/date.hpp"
#include "domain/municipality.hpp"
#include "domain/reports/evidence.hpp"
#include "domain/reports/postcode.hpp"

namespace meldpunt {

// Limits on what one report may carry.
inline constexpr size_t kMaxDescriptionChars = 10000;
inline constexpr size_t kMaxNameChars = 200;
inline constexpr size_t kMaxEmailChars = 254;
inline constexpr size_t kMaxPhoneChars = 32;
inline constexpr size_t kMaxContactNoteChars = 200;  // preferred time, language
inline constexpr int kEarliestIncidentYear = 1900;

// The form's fields exactly as typed; nothing here is trusted yet.
struct ReportInput {
  std::string reporter_role;         // kReporterRoles
  std::string description;           // in the reporter's own words
  std::string nature;                // kNatures
  std::vector<std::string> grounds;  // kGrounds, one or more
  std::string domain;                // kDomains
  std::string incident_when;         // "exact" (a date) or "approximate" (month and/or year)
  std::string incident_date;         // YYYY-MM-DD, with "exact"
  std::string incident_month;        // 1-12 or empty, with "approximate"
  std::string incident_year;         // with "approximate"
  std::string incident_municipality;
  std::string incident_postcode;  // may stand in for the municipality
  std::string scope;              // kScopes
  std::string residence_municipality;
  std::string residence_postcode;
  std::string anonymous;            // "yes" or "no"
  std::vector<std::string> wishes;  // kWishes, one or more
  std::string contact_name;
  std::string contact_email;
  std::string contact_phone;
  std::string contact_preference;  // kContactPreferences
  std::string contact_time;        // when it suits, in the reporter's words
  std::string contact_language;    // in the reporter's words
  std::string consent;             // "yes" when the reporter agreed to the processing
};

struct Contact {
  std::string name;
  std::string email;
  std::string phone;
  std::string preference;  // kContactPreferences, or empty
  std::string time;
  std::string language;
};

// When it happened: a day, or only a month or a year when the reporter is not sure.
enum class DatePrecision { kDay, kMonth, kYear };
struct IncidentDate {
  Date date;  // the first day of the month or year when not exact
  DatePrecision precision = DatePrecision::kDay;
};
// "2026-03-31", "2026-03" or "2026".
std::string FormatIncidentDate(const IncidentDate& date);
std::optional<IncidentDate> ParseIncidentDate(std::string_view text);

// A report that passed validation, ready to be registered.
struct NewReport {
  std::string reporter_role;
  std::string description;
  std::string nature;
  std::vector<std::string> grounds;  // without duplicates, in list order
  std::string domain;
  IncidentDate incident_date;
  std::string incident_municipality;   // a current CBS code, or kIncidentNotApplicable
  std::string residence_municipality;  // a current CBS code, or kResidenceUnknown
  std::string scope;
  bool anonymous = true;
  std::vector<std::string> wishes;  // without duplicates, in list order
  std::optional<Contact> contact;   // never set for an anonymous report
  std::string code_list_version;
  // Names one filled-in form: sending it again (double click, resend after a lost connection)
  // must not register a second report. Empty when the form had none. The web layer puts a keyed
  // hash of the form's key here (Receipts::SubmissionKeyHash), never the key itself.
  std::string submission_key;
  std::string channel = "web";
  std::vector<EvidenceFile> evidence = {};  // stored with the report, in one transaction
  // The slow hash of the receipt code (volgcode) shown to the reporter (Receipts::Hash); empty
  // for none.
  std::string receipt_hash{};
  // Registered by a staff member (domain/reports/intake.hpp): their user id; 0 for the public form.
  long long registered_by = 0;
  // When the report reached the bureau, when that was on an earlier day than its registration
  // (ReceivedAtNoonUtc); nullopt: at registration. It is the report's reported_at.
  std::optional<long long> received_at = std::nullopt;
  // The public site's language the reporter used ("tr", issue 15); empty when not known (staff
  // registration). Kept for the case page and the e-mails to the reporter.
  std::string site_language{};
  // Sent through the partner API (issue 17): the key's id (0: not) and a hash of the request,
  // stored with the report in partner_reports. The channel is then "app".
  long long partner_key_id = 0;
  std::string partner_request_hash{};
};

enum class Problem {
  kRequired,
  kTooLong,
  kInvalidText,  // not valid UTF-8 or holds control characters
  kInvalidDate,
  kFutureDate,
  kTooOld,
  kUnknownMunicipality,
  kInvalidChoice,
  kInvalidEmail,
  kInvalidPhone,
  kContactRequired,        // not anonymous, but no way to reach the reporter
  kNotWhenAnonymous,       // a wish anonymity rules out
  kRegistrationOnlyAlone,  // "only register it" together with other wishes
  kInvalidPostcode,
  kUnknownPostcode,
  kConsentRequired,
  kBeforeIncident,  // a date of receipt before the incident it is about
};

struct FieldError {
  std::string field;  // the form field's name
  Problem problem;
};

struct ReportValidation {
  std::optional<NewReport> report;  // set only when errors is empty
  std::vector<FieldError> errors;
};

struct ValidationOptions {
  // The summary step checks everything but the consent, which is given when sending.
  bool require_consent = true;
  const PostcodeTable* postcodes = nullptr;  // null or empty: no postcodes accepted
};

ReportValidation ValidateReport(const ReportInput& input,
                                const MunicipalityRegistry& municipalities, Date today,
                                const ValidationOptions& options = {});

// A submission key as the form carries it: 16 to 64 characters of base64url.
bool IsSubmissionKey(std::string_view key);

// Helpers shared by other forms.
// A free-text field, already trimmed: required or not, at most max_chars characters.
std::optional<Problem> CheckText(const std::string& text, size_t max_chars, bool required,
                                 bool allow_newlines);
// The contact details of a report that is not anonymous, as the report form checks them: an
// e-mail address or a phone number at least, each well-formed. Problems are added to errors
// (fields contact_*); nullopt when there is no usable way to reach the reporter.
std::optional<Contact> ValidateContact(const ReportInput& input, std::vector<FieldError>& errors);

}  // namespace meldpunt
