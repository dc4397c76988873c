#include "domain/report.hpp"

namespace meldpunt {
namespace {

using std::chrono::year;

// Checks a free-text field: trimmed, required or not, a maximum length in characters.
std::optional<Problem> CheckText(const std::string& text, size_t max_chars, bool required,
                                 bool allow_newlines) {
  if (text.empty()) return required ? std::optional{Problem::kRequired} : std::nullopt;
  if (!IsValidUtf8Text(text, allow_newlines)) return Problem::kInvalidText;
  if (CountCodePoints(text) > max_chars) return Problem::kTooLong;
  return std::nullopt;
}

}  // namespace

std::string Trim(std::string_view text) {
  const char* kSpace = " \t\r\n\f\v";
  size_t begin = text.find_first_not_of(kSpace);
  if (begin == std::string_view::npos) return {};
  size_t end = text.find_last_not_of(kSpace);
  return std::string(text.substr(begin, end - begin + 1));
}

bool IsValidUtf8Text(std::string_view text, bool allow_newlines) {
  for (size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      bool newline = c == '\n' || c == '\r' || c == '\t';
      if ((c < 0x20 && !(allow_newlines && newline) && c != '\t') || c == 0x7f) return false;
      ++i;
      continue;
    }
    size_t length = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 ? 2 : 0;
    if (length == 0 || c > 0xf4 || i + length > text.size()) return false;
    unsigned code = c & (0xff >> (length + 1));
    for (size_t k = 1; k < length; ++k) {
      auto cc = static_cast<unsigned char>(text[i + k]);
      if ((cc & 0xc0) != 0x80) return false;
      code = (code << 6) | (cc & 0x3f);
    }
    bool overlong = (length == 3 && code < 0x800) || (length == 4 && code < 0x10000);
    if (overlong || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return false;
    i += length;
  }
  return true;
}

size_t CountCodePoints(std::string_view utf8) {
  size_t count = 0;
  for (char c : utf8) count += (static_cast<unsigned char>(c) & 0xc0) != 0x80;
  return count;
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

bool LooksLikeEmail(std::string_view email) {
  size_t at = email.find('@');
  if (at == std::string_view::npos || at == 0 ||
      email.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  auto domain = email.substr(at + 1);
  size_t dot = domain.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 2 > domain.size()) return false;
  for (char c : email) {
    if (c == ' ' || c == '<' || c == '>' || c == ',' || static_cast<unsigned char>(c) < 0x21) {
      return false;
    }
  }
  return true;
}

bool LooksLikePhone(std::string_view phone) {
  size_t digits = 0;
  for (char c : phone) {
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (c != ' ' && c != '+' && c != '-' && c != '(' && c != ')') {
      return false;
    }
  }
  return digits >= 6 && digits <= 20;
}

ReportValidation ValidateReport(const ReportInput& input,
                                const MunicipalityRegistry& municipalities, Date today) {
  ReportValidation result;
  auto fail = [&](const char* field, Problem problem) {
    result.errors.push_back({field, problem});
  };
  NewReport report;

  report.description = Trim(input.description);
  if (auto problem = CheckText(report.description, kMaxDescriptionChars, true, true)) {
    fail("description", *problem);
  }

  std::string date_text = Trim(input.incident_date);
  if (date_text.empty()) {
    fail("incident_date", Problem::kRequired);
  } else if (auto date = ParseIsoDate(date_text); !date) {
    fail("incident_date", Problem::kInvalidDate);
  } else if (*date > today) {
    fail("incident_date", Problem::kFutureDate);
  } else if (date->year() < year{kEarliestIncidentYear}) {
    fail("incident_date", Problem::kTooOld);
  } else {
    report.incident_date = *date;
  }

  auto check_municipality = [&](const char* field, const std::string& code,
                                std::string_view special, std::string& out) {
    if (code.empty()) return fail(field, Problem::kRequired);
    if (code == special) {
      out = code;
      return;
    }
    const Municipality* m = municipalities.Find(code);
    if (!m || !m->current()) return fail(field, Problem::kUnknownMunicipality);
    out = code;
  };
  check_municipality("incident_municipality", input.incident_municipality, kIncidentNotApplicable,
                     report.incident_municipality);
  check_municipality("residence_municipality", input.residence_municipality, kResidenceUnknown,
                     report.residence_municipality);

  if (input.anonymous == "yes") {
    report.anonymous = true;  // contact fields are dropped, never stored
  } else if (input.anonymous == "no") {
    report.anonymous = false;
    Contact contact{Trim(input.contact_name), Trim(input.contact_email), Trim(input.contact_phone)};
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
    if (email_ok || phone_ok) report.contact = std::move(contact);
  } else if (input.anonymous.empty()) {
    fail("anonymous", Problem::kRequired);
  } else {
    fail("anonymous", Problem::kInvalidChoice);
  }

  if (result.errors.empty()) result.report = std::move(report);
  return result;
}

}  // namespace meldpunt
