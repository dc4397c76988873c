#pragma once
// What the e-mails to reporters say. They hold nothing from a report (no description, no
// reference, no receipt code): a mailbox is often read by others, or taken over, and an e-mail
// cannot be taken back. They only say that something happened and where to read it on the site.
#include <chrono>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "store/mail_outbox.hpp"

namespace meldpunt::mail {

// Translates an English message id into the e-mail's language (the site's catalogs).
using Translate = std::function<std::string(std::string_view msgid)>;

struct MailText {
  std::string subject;
  std::string body;  // lines separated by "\n"
};

// The path on the site where reporters follow their report with their receipt code.
inline constexpr std::string_view kFollowPath = "/melden/volgen";

// Writes a calendar date in the e-mail's language, such as "3 november 2026".
using FormatDate = std::function<std::string(std::chrono::year_month_day date)>;

// created_at: when the e-mail was queued (for a confirmation, when the report came in).
// format_date: when empty, the day, the translated month name and the year.
// signature: the bureau's name and contact lines under "Kind regards," (issue 15); when empty,
// the installation's name.
MailText ReporterMailText(MailKind kind, long long created_at, std::string_view public_url,
                          const Translate& translate, const FormatDate& format_date = {},
                          const std::vector<std::string>& signature = {});
// Every message id the texts use, for the test that they are all translated.
std::vector<const char*> ReporterMailMessageIds();
// The calendar date in the Netherlands at a Unix time (domain/dutch_time.hpp: Europe/Amsterdam).
std::chrono::year_month_day DutchDate(long long unix_seconds);

}  // namespace meldpunt::mail
