#include "mail/texts.hpp"

#include <chrono>

#include "domain/dutch_time.hpp"

namespace meldpunt::mail {
namespace {

// Marks a message id for scripts/update-messages (as web/common/i18n.hpp does for the site).
constexpr const char* N_(const char* msgid) { return msgid; }

const char* const kMonths[] = {N_("January"),   N_("February"), N_("March"),    N_("April"),
                               N_("May"),       N_("June"),     N_("July"),     N_("August"),
                               N_("September"), N_("October"),  N_("November"), N_("December")};

const char* const kHello = N_("Hello,");
const char* const kConfirmationSubject = N_("We received your report");
const char* const kConfirmationReceived =
    N_("We received your report on {date}. Thank you for telling us.");
const char* const kConfirmationContact =
    N_("A staff member of the reporting point will contact you about your report.");
// The address goes on a line of its own, so no mail program takes a full stop into the link.
const char* const kConfirmationFollow =
    N_("You can follow your report on our website with the receipt code you got when you sent "
       "it:");
const char* const kConfirmationPrivacy =
    N_("For your privacy, this e-mail does not contain anything from your report. Did you not "
       "send a report? Then you can ignore this e-mail.");
const char* const kNoticeSubject = N_("New message about your report");
const char* const kNoticeWrote =
    N_("The reporting point has written you a message about your report.");
const char* const kNoticeRead =
    N_("For your privacy, the message is not in this e-mail. You can read it on our website with "
       "your receipt code:");
const char* const kRegards = N_("Kind regards,");
const char* const kSignature = N_("Discrimination reporting point");

std::string Replace(std::string text, std::string_view placeholder, std::string_view value) {
  if (size_t at = text.find(placeholder); at != std::string::npos) {
    text.replace(at, placeholder.size(), value);
  }
  return text;
}

}  // namespace

std::chrono::year_month_day DutchDate(long long unix_seconds) { return DutchDateOf(unix_seconds); }

MailText ReporterMailText(MailKind kind, long long created_at, std::string_view public_url,
                          const Translate& translate, const FormatDate& format_date,
                          const std::vector<std::string>& signature) {
  std::string base(public_url);
  while (!base.empty() && base.back() == '/') base.pop_back();
  std::string url = base.append(kFollowPath);
  auto date = DutchDate(created_at);
  std::string date_text;
  if (format_date) {
    date_text = format_date(date);
  } else {
    date_text = std::to_string(static_cast<unsigned>(date.day()));
    date_text.append(" ")
        .append(translate(kMonths[static_cast<unsigned>(date.month()) - 1]))
        .append(" ")
        .append(std::to_string(static_cast<int>(date.year())));
  }

  std::vector<std::string> paragraphs;
  MailText text;
  if (kind == MailKind::kConfirmation) {
    text.subject = translate(kConfirmationSubject);
    paragraphs = {translate(kHello), Replace(translate(kConfirmationReceived), "{date}", date_text),
                  translate(kConfirmationContact), translate(kConfirmationFollow) + "\n" + url,
                  translate(kConfirmationPrivacy)};
  } else {
    text.subject = translate(kNoticeSubject);
    paragraphs = {translate(kHello), translate(kNoticeWrote), translate(kNoticeRead) + "\n" + url};
  }
  std::string signed_by = translate(kSignature);
  if (!signature.empty()) {
    signed_by.clear();
    for (const auto& line : signature) signed_by += (signed_by.empty() ? "" : "\n") + line;
  }
  paragraphs.push_back(translate(kRegards) + "\n" + signed_by);
  for (const auto& paragraph : paragraphs) {
    if (!text.body.empty()) text.body += "\n\n";
    text.body += paragraph;
  }
  text.body += "\n";
  return text;
}

std::vector<const char*> ReporterMailMessageIds() {
  std::vector<const char*> ids(std::begin(kMonths), std::end(kMonths));
  ids.insert(ids.end(), {kHello, kConfirmationSubject, kConfirmationReceived, kConfirmationContact,
                         kConfirmationFollow, kConfirmationPrivacy, kNoticeSubject, kNoticeWrote,
                         kNoticeRead, kRegards, kSignature});
  return ids;
}

}  // namespace meldpunt::mail
