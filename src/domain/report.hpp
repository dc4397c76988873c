#pragma once
// A report (melding) as a reporter gives it, and the rules it must meet to be registered.
#include <optional>
#include <string>
#include <vector>

#include "domain/date.hpp"
#include "domain/municipality.hpp"

namespace meldpunt {

// Limits on what one report may carry.
inline constexpr size_t kMaxDescriptionChars = 10000;
inline constexpr size_t kMaxNameChars = 200;
inline constexpr size_t kMaxEmailChars = 254;
inline constexpr size_t kMaxPhoneChars = 32;
inline constexpr int kEarliestIncidentYear = 1900;

// The form's fields exactly as typed; nothing here is trusted yet.
struct ReportInput {
  std::string description;
  std::string incident_date;
  std::string incident_municipality;
  std::string residence_municipality;
  std::string anonymous;  // "yes" or "no"
  std::string contact_name;
  std::string contact_email;
  std::string contact_phone;
};

struct Contact {
  std::string name;
  std::string email;
  std::string phone;
};

// A report that passed validation, ready to be registered.
struct NewReport {
  std::string description;
  Date incident_date;
  std::string incident_municipality;   // a current CBS code, or kIncidentNotApplicable
  std::string residence_municipality;  // a current CBS code, or kResidenceUnknown
  bool anonymous = true;
  std::optional<Contact> contact;  // never set for an anonymous report
  // Names one filled-in form: sending it again (double click, resend after a lost connection)
  // must not register a second report. Empty when the form had none. The web layer puts a keyed
  // hash of the form's key here (Receipts::SubmissionKeyHash), never the key itself.
  std::string submission_key;
  // The slow hash of the receipt code (volgcode) shown to the reporter (Receipts::Hash); empty
  // for none.
  std::string receipt_hash{};
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
  kContactRequired,  // not anonymous, but no way to reach the reporter
};

struct FieldError {
  std::string field;  // the form field's name
  Problem problem;
};

struct ReportValidation {
  std::optional<NewReport> report;  // set only when errors is empty
  std::vector<FieldError> errors;
};

ReportValidation ValidateReport(const ReportInput& input,
                                const MunicipalityRegistry& municipalities, Date today);

// A submission key as the form carries it: 16 to 64 characters of base64url.
bool IsSubmissionKey(std::string_view key);

// Helpers shared by other forms.
bool IsValidUtf8Text(std::string_view text, bool allow_newlines);
size_t CountCodePoints(std::string_view utf8);
bool LooksLikeEmail(std::string_view email);
bool LooksLikePhone(std::string_view phone);
std::string Trim(std::string_view text);

}  // namespace meldpunt
