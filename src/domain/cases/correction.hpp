#pragma once
// Correction (rectificatie, GDPR article 16): at the reporter's request staff correct what a
// report says in the reporter's own words and how to reach them. The corrected value replaces the
// old one; nothing of the old value is kept, and the audit log records which fields changed, not
// their values. The classification is changed elsewhere (it is not personal data of the reporter
// in the same sense, and changes the figures).
#include <optional>
#include <string>
#include <vector>

#include "domain/reports/report.hpp"

namespace meldpunt {

// The correction form's fields as typed.
struct CorrectionInput {
  std::string description;
  std::string contact_name;
  std::string contact_email;
  std::string contact_phone;
};

// What changes: a field is set only when it differs from what is stored.
struct ReportCorrection {
  std::optional<std::string> description;
  std::optional<Contact> contact;
  bool empty() const { return !description && !contact; }
};

struct CorrectionValidation {
  std::optional<ReportCorrection> correction;  // set only when errors is empty
  std::vector<FieldError> errors;              // fields description, contact_*
};

// Checks a correction with the report form's rules: a description is required; a report that is
// not anonymous keeps an e-mail address or a phone number (erasing every way to reach the
// reporter is the erasure, not a correction). An anonymous report has no contact details to
// correct, and the contact fields are ignored. The contact's preference, time and language are
// kept as they are.
CorrectionValidation ValidateCorrection(const CorrectionInput& input, bool anonymous,
                                        const std::string& current_description,
                                        const std::optional<Contact>& current_contact);

}  // namespace meldpunt
