#pragma once
// Composing an e-mail as RFC 5322 text with one MIME text/plain part in UTF-8 (RFC 2045-2047),
// ready for SMTP. Pure functions: no clock, no randomness, no I/O.
#include <string>
#include <string_view>

#include "base/result.hpp"

namespace meldpunt::mail {

struct Mailbox {
  std::string name;     // display name, UTF-8; may be empty
  std::string address;  // local@domain
};

struct Message {
  Mailbox from;
  std::string to;          // address only
  std::string subject;     // UTF-8, one line
  std::string body;        // UTF-8, lines separated by "\n"
  long long date = 0;      // Unix seconds
  std::string message_id;  // id-left@id-right, without angle brackets
};

// Whether an address can go into a header and an SMTP envelope as it is: ASCII local@domain with
// a dot-atom local part and a host name as domain. Anything that could end a header line or an
// SMTP command (CR, LF, spaces, angle brackets, quotes) is refused.
bool IsSendableAddress(std::string_view address);
// "Name <local@domain>" or "local@domain".
Result<Mailbox> ParseMailbox(std::string_view text);

// The whole message with CRLF line ends; an error names the field that cannot be sent (never its
// value). Header fields are checked, not cleaned: a line break in any of them is an error.
Result<std::string> Compose(const Message& message);

// Parts of Compose, for tests.
// RFC 5322 date-time in UTC: "Tue, 03 Mar 2026 10:00:00 +0000".
std::string FormatMailDate(long long unix_seconds);
// A header value: as it is when short printable ASCII, else RFC 2047 "B" encoded words of at most
// 75 characters, folded onto continuation lines.
std::string EncodeHeaderText(std::string_view text);
// Quoted-printable (RFC 2045) with CRLF hard line breaks and lines of at most 76 characters.
std::string QuotedPrintable(std::string_view text);

}  // namespace meldpunt::mail
