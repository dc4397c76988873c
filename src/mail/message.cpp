#include "mail/message.hpp"

#include <chrono>
#include <cstdio>

#include "base/text.hpp"
#include "security/crypto.hpp"

namespace meldpunt::mail {
namespace {

constexpr size_t kMaxAddressChars = 254;  // RFC 5321: path of 256 with the brackets
constexpr size_t kMaxLocalPartChars = 64;
constexpr size_t kMaxPlainHeaderChars = 60;
// 52 base64 characters, 64 with =?UTF-8?B?…?=, so "Subject: " and the word fit in 76.
constexpr size_t kEncodedWordBytes = 39;
constexpr size_t kMaxQpLineChars = 76;

bool IsAtext(unsigned char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+-/=?^_`{|}~").find(static_cast<char>(c)) !=
         std::string_view::npos;
}

// One or more runs of atext separated by single dots (RFC 5322 dot-atom-text).
bool IsDotAtom(std::string_view text) {
  if (text.empty() || text.front() == '.' || text.back() == '.') return false;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '.') {
      if (text[i + 1] == '.') return false;
    } else if (!IsAtext(c)) {
      return false;
    }
  }
  return true;
}

// Letters, digits and hyphens in labels separated by dots (RFC 1035 host names).
bool IsHostName(std::string_view host) {
  if (host.empty() || host.size() > 253) return false;
  size_t label = 0;
  for (size_t i = 0; i <= host.size(); ++i) {
    if (i == host.size() || host[i] == '.') {
      if (label == 0 || label > 63 || host[i - 1] == '-' || host[i - label] == '-') return false;
      label = 0;
      continue;
    }
    char c = host[i];
    bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok) return false;
    ++label;
  }
  return true;
}

bool HasControl(std::string_view text) {
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) return true;
  }
  return false;
}

bool IsPlainAscii(std::string_view text) {
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u > 0x7e) return false;
  }
  return true;
}

std::string_view Trim(std::string_view text) {
  size_t begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return {};
  size_t end = text.find_last_not_of(" \t");
  return text.substr(begin, end - begin + 1);
}

// The display name as an RFC 5322 phrase: atoms as they are, other ASCII quoted, else encoded.
std::string Phrase(std::string_view name) {
  if (!IsPlainAscii(name) || name.find("=?") != std::string_view::npos) {
    return EncodeHeaderText(name);
  }
  bool atoms = true;
  for (char c : name) atoms = atoms && (c == ' ' || IsAtext(static_cast<unsigned char>(c)));
  if (atoms) return std::string(name);
  std::string quoted = "\"";
  for (char c : name) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return quoted + "\"";
}

// Where a UTF-8 text may be cut at most `limit` bytes after `from` without splitting a character.
size_t Utf8Cut(std::string_view text, size_t from, size_t limit) {
  size_t cut = std::min(text.size(), from + limit);
  while (cut > from && cut < text.size() &&
         (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  return cut == from ? std::min(text.size(), from + limit) : cut;
}

}  // namespace

bool IsSendableAddress(std::string_view address) {
  if (address.size() > kMaxAddressChars) return false;
  size_t at = address.rfind('@');
  if (at == std::string_view::npos || at == 0 || at > kMaxLocalPartChars) return false;
  return IsDotAtom(address.substr(0, at)) && IsHostName(address.substr(at + 1));
}

Result<Mailbox> ParseMailbox(std::string_view text) {
  text = Trim(text);
  Mailbox mailbox;
  if (!text.empty() && text.back() == '>') {
    size_t open = text.rfind('<');
    if (open == std::string_view::npos) return Error{"an address in <> is not closed"};
    std::string_view name = Trim(text.substr(0, open));
    if (name.size() >= 2 && name.front() == '"' && name.back() == '"') {
      name = name.substr(1, name.size() - 2);
    }
    if (HasControl(name) || name.find('"') != std::string_view::npos) {
      return Error{"the name holds characters that cannot be sent"};
    }
    mailbox.name = std::string(name);
    text = text.substr(open + 1, text.size() - open - 2);
  }
  if (!IsSendableAddress(text)) return Error{"not an e-mail address that can be sent to"};
  mailbox.address = std::string(text);
  return mailbox;
}

std::string FormatMailDate(long long unix_seconds) {
  using namespace std::chrono;
  sys_seconds time{seconds{unix_seconds}};
  sys_days day = floor<days>(time);
  year_month_day date{day};
  hh_mm_ss clock{time - day};
  static const char* const kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char text[64];
  std::snprintf(text, sizeof text, "%s, %02u %s %04d %02d:%02d:%02d +0000",
                kDays[weekday{day}.c_encoding()], static_cast<unsigned>(date.day()),
                kMonths[static_cast<unsigned>(date.month()) - 1], static_cast<int>(date.year()),
                static_cast<int>(clock.hours().count()), static_cast<int>(clock.minutes().count()),
                static_cast<int>(clock.seconds().count()));
  return text;
}

std::string EncodeHeaderText(std::string_view text) {
  if (text.size() <= kMaxPlainHeaderChars && IsPlainAscii(text) &&
      text.find("=?") == std::string_view::npos) {
    return std::string(text);
  }
  std::string encoded;
  for (size_t pos = 0; pos < text.size();) {
    size_t cut = Utf8Cut(text, pos, kEncodedWordBytes);
    if (!encoded.empty()) encoded += "\r\n ";
    encoded += "=?UTF-8?B?" + Base64Encode(text.substr(pos, cut - pos)) + "?=";
    pos = cut;
  }
  return encoded;
}

std::string QuotedPrintable(std::string_view text) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  size_t line_start = 0;
  while (line_start <= text.size()) {
    size_t end = text.find('\n', line_start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(line_start, end - line_start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    size_t used = 0;
    for (size_t i = 0; i < line.size(); ++i) {
      auto c = static_cast<unsigned char>(line[i]);
      bool last = i + 1 == line.size();
      std::string token;
      if ((c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !last)) {
        token = static_cast<char>(c);
      } else {
        token = {'=', kHex[c >> 4], kHex[c & 0xF]};
      }
      // Room for the "=" of a soft line break.
      if (used + token.size() > kMaxQpLineChars - 1) {
        out += "=\r\n";
        used = 0;
      }
      out += token;
      used += token.size();
    }
    if (end == text.size()) {
      if (!line.empty()) out += "\r\n";
      break;
    }
    out += "\r\n";
    line_start = end + 1;
  }
  return out;
}

Result<std::string> Compose(const Message& message) {
  if (!IsSendableAddress(message.from.address)) return Error{"the sender address cannot be sent"};
  if (HasControl(message.from.name)) return Error{"the sender name holds a line break"};
  if (!IsSendableAddress(message.to)) return Error{"the recipient address cannot be sent to"};
  if (HasControl(message.subject)) return Error{"the subject holds a line break"};
  size_t at = message.message_id.find('@');
  if (at == std::string::npos || !IsDotAtom(message.message_id.substr(0, at)) ||
      !IsDotAtom(message.message_id.substr(at + 1))) {
    return Error{"the message id is not well-formed"};
  }
  std::string from = message.from.name.empty()
                         ? message.from.address
                         : Phrase(message.from.name) + " <" + message.from.address + ">";
  std::string text;
  text += "Date: " + FormatMailDate(message.date) + "\r\n";
  text += "From: " + from + "\r\n";
  text += "To: " + message.to + "\r\n";
  text += "Subject: " + EncodeHeaderText(message.subject) + "\r\n";
  text += "Message-ID: <" + message.message_id + ">\r\n";
  text += "MIME-Version: 1.0\r\n";
  text += "Content-Type: text/plain; charset=utf-8\r\n";
  text += "Content-Transfer-Encoding: quoted-printable\r\n";
  // RFC 3834: automatic replies (out of office) should not answer this message.
  text += "Auto-Submitted: auto-generated\r\n";
  text += "\r\n";
  text += QuotedPrintable(message.body);
  return text;
}

}  // namespace meldpunt::mail
