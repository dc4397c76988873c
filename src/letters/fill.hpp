#pragma once
// Letter templates are plain text with {{placeholders}}, edited by a bureau admin. The substitution
// is deliberately strict and tiny, not Mustache: no sections, no escaping, no partials, a value is
// inserted once as it is (a "{{" inside a value stays text), and every mistake is an error rather
// than a silent gap in a letter that goes out to the other party.
#include <array>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"

namespace meldpunt::letters {

// The names a template may use, between double braces; spaces inside the braces are allowed.
inline constexpr std::array<std::string_view, 13> kLetterPlaceholders = {
    "reference",         // the case's reference (kenmerk)
    "date",              // the date of the letter
    "other_party_name",  // the addressee (wederpartij)
    "other_party_address",
    "incident_date",
    "summary",       // what the report is about, as the handler wrote it for this letter
    "reply_by",      // the date by which the bureau asks for a reply
    "handler_name",  // the bureau's staff member (behandelaar)
    "bureau_name",
    "bureau_address",  // the letterhead's address lines on one line, or empty
    "bureau_phone",    // the letterhead's telephone number, or empty
    "bureau_email",    // the letterhead's e-mail address, or empty
    "bureau_contact",  // a whole sentence on how to reach the bureau (compose.hpp)
};

struct TemplateProblem {
  enum class Kind {
    kUnclosed,      // "{{" without "}}" on the same line
    kStrayClose,    // "}}" without "{{"
    kBadName,       // "{{ }}", "{{Reference}}", "{{{x}}}" ...
    kUnknown,       // a well-formed name that is not in kLetterPlaceholders
    kMissingValue,  // a known name without a value (FillLetter only)
    kTooLong,       // the template, or the filled text, is over kMaxTemplateChars
  };
  Kind kind;
  std::string name;  // the text between the braces, for kBadName, kUnknown and kMissingValue
  int line = 0;      // 1-based line of the template where the problem starts
};

// Every problem of a template on its own, for the admin's editing page: syntax and unknown names.
std::vector<TemplateProblem> CheckLetterTemplate(std::string_view template_text);

// The template with every placeholder replaced by its value, or an error that lists every
// problem with its line. Values whose name the template does not use are ignored.
Result<std::string> FillLetter(std::string_view template_text,
                               const std::map<std::string, std::string>& values);

// "line 3: unknown placeholder {{refrence}}; line 9: {{ is not closed" (English, for logs).
std::string DescribeProblems(const std::vector<TemplateProblem>& problems);

}  // namespace meldpunt::letters
