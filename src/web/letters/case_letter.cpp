#include "web/letters/case_letter.hpp"

#include <chrono>

#include "base/text.hpp"
#include "domain/bureau/bureau_profile.hpp"
#include "domain/dutch_time.hpp"
#include "domain/reports/report.hpp"
#include "letters/compose.hpp"
#include "letters/default_template.hpp"
#include "letters/letter_date.hpp"
#include "letters/pdf.hpp"
#include "store/bureau_store.hpp"
#include "store/letter_store.hpp"
#include "store/store_types.hpp"
#include "web/common/i18n.hpp"

namespace meldpunt::web {
namespace {

// The address as lines without surrounding spaces, blank lines left out.
std::string NormaliseAddress(std::string_view typed) {
  std::string out;
  for (const std::string& line : letters::SplitLines(typed)) {
    std::string trimmed = Trim(line);
    if (trimmed.empty()) continue;
    if (!out.empty()) out += '\n';
    out += trimmed;
  }
  return out;
}

constexpr const char* kUnprintable = N_("This text holds characters that cannot be printed.");

}  // namespace

LetterForm ReadLetterForm(const http::FormFields& form) {
  return {
      .other_party_name = Trim(form.Get("other_party_name")),
      .other_party_address = NormaliseAddress(form.Get("other_party_address")),
      .other_party_attention = Trim(form.Get("other_party_attention")),
      .summary = Trim(form.Get("summary")),
      .lang = form.Get("lang"),
      .reply_by = Trim(form.Get("reply_by")),
      .signed_by = Trim(form.Get("signed_by")),
  };
}

std::vector<LetterFieldError> CheckLetterForm(const LetterForm& form, Date today) {
  std::vector<LetterFieldError> errors;
  // A one-line field: required, printable, at most max characters.
  auto line = [&](const char* field, const std::string& text, size_t max, const char* required,
                  const char* too_long) {
    if (text.empty()) {
      errors.push_back({field, required});
    } else if (!IsValidUtf8Text(text, false)) {
      errors.push_back({field, kUnprintable});
    } else if (CountCodePoints(text) > max) {
      errors.push_back({field, too_long});
    }
  };
  line("other_party_name", form.other_party_name, kMaxOtherPartyName,
       N_("Give the name of the other party."),
       N_("The name of the other party is at most 200 characters."));

  // The contact person is optional: many letters go to an organisation without a known name.
  if (!form.other_party_attention.empty()) {
    if (!IsValidUtf8Text(form.other_party_attention, false)) {
      errors.push_back({"other_party_attention", kUnprintable});
    } else if (CountCodePoints(form.other_party_attention) > kMaxAttention) {
      errors.push_back(
          {"other_party_attention", N_("The contact person is at most 100 characters.")});
    }
  }

  if (form.other_party_address.empty()) {
    errors.push_back({"other_party_address", N_("Give the address of the other party.")});
  } else if (!IsValidUtf8Text(form.other_party_address, true)) {
    errors.push_back({"other_party_address", kUnprintable});
  } else {
    auto lines = letters::SplitLines(form.other_party_address);
    bool too_long = lines.size() > kMaxAddressLines;
    for (const auto& address_line : lines)
      too_long = too_long || CountCodePoints(address_line) > kMaxAddressLineChars;
    if (too_long) {
      errors.push_back({"other_party_address",
                        N_("The address is at most 8 lines of at most 100 characters each.")});
    }
  }

  if (form.summary.empty()) {
    errors.push_back({"summary", N_("Write what the complaint is about, for the other party.")});
  } else if (!IsValidUtf8Text(form.summary, true)) {
    errors.push_back({"summary", kUnprintable});
  } else if (CountCodePoints(form.summary) > kMaxLetterSummary) {
    errors.push_back({"summary", N_("The summary is at most 5,000 characters.")});
  }

  if (form.lang != "nl" && form.lang != "en")
    errors.push_back({"lang", N_("Choose the language of the letter.")});

  if (form.reply_by.empty()) {
    errors.push_back({"reply_by", N_("Give the date by which the other party is asked to reply.")});
  } else if (auto date = ParseIsoDate(form.reply_by); !date) {
    errors.push_back({"reply_by", N_("Give the reply date as a date, such as 2026-04-01.")});
  } else if (std::chrono::sys_days{*date} < std::chrono::sys_days{today}) {
    errors.push_back({"reply_by", N_("The reply date cannot be in the past.")});
  } else if (std::chrono::sys_days{*date} >
             std::chrono::sys_days{today} + std::chrono::days{kMaxReplyDays}) {
    errors.push_back({"reply_by", N_("The reply date is at most a year from today.")});
  }

  line("signed_by", form.signed_by, kMaxSignedBy, N_("Give the name to sign the letter with."),
       N_("The name under the letter is at most 100 characters."));
  return errors;
}

Date DutchToday(long long now) { return DateOfUnixSeconds(now + DutchUtcOffsetSeconds(now)); }

Date DefaultReplyBy(long long now, const DeadlineSettings& settings) {
  return Date{std::chrono::sys_days{DutchToday(now)} +
              std::chrono::days{settings.other_party_reply_days}};
}

letters::Lang LetterLang(std::string_view code) {
  return code == "nl" ? letters::Lang::kNl : letters::Lang::kEn;
}

std::string LetterIncidentDate(std::string_view stored, letters::Lang lang) {
  if (auto date = ParseIsoDate(stored)) return letters::FormatLetterDate(*date, lang);
  // "2025-03": the month's name and the year, taken from the first of that month.
  if (stored.size() == 7) {
    if (auto first = ParseIsoDate(std::string(stored) + "-01")) {
      std::string written = letters::FormatLetterDate(*first, lang);
      return written.substr(written.find(' ') + 1);
    }
  }
  return std::string(stored);
}

std::map<std::string, std::string> LetterValues(const RegisteredReport& report,
                                                const LetterForm& form,
                                                const std::string& bureau_name,
                                                const Letterhead& letterhead, Date today) {
  letters::Lang lang = LetterLang(form.lang);
  std::string reply_by;
  if (auto date = ParseIsoDate(form.reply_by)) reply_by = letters::FormatLetterDate(*date, lang);
  return {
      {"reference", report.reference},
      {"date", letters::FormatLetterDate(today, lang)},
      {"other_party_name", form.other_party_name},
      {"other_party_address", form.other_party_address},
      {"incident_date", LetterIncidentDate(report.incident_date, lang)},
      {"summary", form.summary},
      {"reply_by", reply_by},
      {"handler_name", form.signed_by},
      {"bureau_name", bureau_name},
      {"bureau_address", letters::JoinAddress(letterhead.address_lines)},
      {"bureau_phone", letterhead.phone},
      {"bureau_email", letterhead.email},
      {"bureau_contact", letters::BureauContactSentence(
                             {letterhead.address_lines, letterhead.phone, letterhead.email}, lang)},
      {"other_party_attention", form.other_party_attention},
  };
}

letters::LetterTemplate TemplateForBureau(const AppContext& app, long long bureau_id,
                                          letters::Lang lang) {
  auto stored = app.letters.GetLetterTemplate(bureau_id, lang == letters::Lang::kNl ? "nl" : "en");
  if (!stored) return letters::DefaultLetterTemplate(lang);
  return {stored->subject, stored->body, stored->closing};
}

Result<std::string> RenderCaseLetter(const AppContext& app, const RegisteredReport& report,
                                     const LetterForm& form) {
  letters::Lang lang = LetterLang(form.lang);
  std::string bureau_name;
  for (const auto& bureau : app.bureaus.ListBureaus()) {
    if (bureau.id == report.bureau_id) bureau_name = bureau.name;
  }
  // The name the bureau shows the public, when its admin set one (issue 15).
  bureau_name = PublicNameOf(app.bureaus.GetBureauProfile(report.bureau_id), bureau_name);
  Letterhead letterhead = app.letters.GetLetterhead(report.bureau_id);
  // The telephone number and e-mail address go under the address lines of the letterhead.
  std::vector<std::string> sender_lines = letterhead.address_lines;
  if (!letterhead.phone.empty()) sender_lines.push_back("Tel. " + letterhead.phone);
  if (!letterhead.email.empty()) sender_lines.push_back(letterhead.email);
  auto layout = letters::ComposeLetter(
      TemplateForBureau(app, report.bureau_id, lang),
      LetterValues(report, form, bureau_name, letterhead, DutchToday(app.now())), sender_lines,
      lang);
  if (!layout) return Error{layout.error()};
  return letters::RenderLetterPdf(*layout);
}

}  // namespace meldpunt::web
