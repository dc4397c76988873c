#pragma once
// E-mails to reporters waiting in the outbox (src/mail/ sends them). A queued e-mail holds no
// report content, only its kind, its language and the (encrypted) address: the text is made
// when it is sent.
#include <optional>
#include <string>
#include <string_view>

namespace meldpunt {

enum class MailKind {
  kConfirmation,  // we received your report (ontvangstbevestiging)
  kNotice,        // the bureau wrote to you; read it on the site
};

// As stored: "confirmation", "notice".
inline std::string_view MailKindName(MailKind kind) {
  return kind == MailKind::kNotice ? "notice" : "confirmation";
}
inline std::optional<MailKind> ParseMailKind(std::string_view name) {
  if (name == "confirmation") return MailKind::kConfirmation;
  if (name == "notice") return MailKind::kNotice;
  return std::nullopt;
}

// One e-mail claimed for sending.
struct OutboxMail {
  long long id = 0;
  MailKind kind = MailKind::kConfirmation;
  std::string lang;       // "nl" or "en"
  std::string recipient;  // decrypted; empty when it could not be decrypted
  long long created_at = 0;
  int attempts = 0;         // tries so far, this one included
  long long bureau_id = 0;  // the report's bureau, for the signature (issue 15); 0 when unknown
};

struct OutboxCounts {
  long long pending = 0;  // waiting to be sent or retried
  long long sent = 0;
  long long failed = 0;  // given up
  std::optional<long long> oldest_pending_at;
};

}  // namespace meldpunt
