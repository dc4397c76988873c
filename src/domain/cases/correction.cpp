#include "domain/cases/correction.hpp"

#include "base/text.hpp"

namespace meldpunt {

CorrectionValidation ValidateCorrection(const CorrectionInput& input, bool anonymous,
                                        const std::string& current_description,
                                        const std::optional<Contact>& current_contact) {
  CorrectionValidation result;
  ReportCorrection correction;
  std::string description = Trim(input.description);
  if (auto problem = CheckText(description, kMaxDescriptionChars, true, true)) {
    result.errors.push_back({"description", *problem});
  } else if (description != current_description) {
    correction.description = std::move(description);
  }
  if (!anonymous) {
    Contact kept = current_contact.value_or(Contact{});
    ReportInput typed;
    typed.contact_name = input.contact_name;
    typed.contact_email = input.contact_email;
    typed.contact_phone = input.contact_phone;
    typed.contact_preference = kept.preference;
    typed.contact_time = kept.time;
    typed.contact_language = kept.language;
    auto contact = ValidateContact(typed, result.errors);
    bool changed = contact && (!current_contact || contact->name != current_contact->name ||
                               contact->email != current_contact->email ||
                               contact->phone != current_contact->phone);
    if (changed) correction.contact = std::move(contact);
  }
  if (result.errors.empty()) result.correction = std::move(correction);
  return result;
}

}  // namespace meldpunt
