#include "mail/message.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "security/crypto.hpp"

namespace meldpunt::mail {
namespace {

Message Valid() {
  return Message{{"Meldpunt Discriminatie", "meldpunt@example.nl"},
                 "ann@example.nl",
                 "We hebben uw melding ontvangen",
                 "Hallo,\n\nDit is de tekst.\n",
                 1772532000,  // 2026-03-03 10:00:00 UTC
                 "abc123@example.nl"};
}

std::string Header(const std::string& whole, const std::string& name) {
  std::string message = whole.substr(0, whole.find("\r\n\r\n") + 2);  // the header block
  size_t at = message.find("\r\n" + name + ": ");
  if (message.starts_with(name + ": "))
    at = 0;
  else if (at == std::string::npos)
    return "";
  else
    at += 2;
  size_t end = message.find("\r\n", at);
  // Continuation lines start with a space.
  while (end != std::string::npos && message.compare(end + 2, 1, " ") == 0) {
    end = message.find("\r\n", end + 2);
  }
  return message.substr(at + name.size() + 2, end - at - name.size() - 2);
}

std::string DecodeQuotedPrintable(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '=') {
      out += text[i];
    } else if (text.compare(i + 1, 2, "\r\n") == 0) {
      i += 2;  // soft line break
    } else {
      out += static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16));
      i += 2;
    }
  }
  return out;
}

std::string DecodeHeaderWords(const std::string& value) {
  std::string out;
  for (size_t pos = 0; (pos = value.find("=?UTF-8?B?", pos)) != std::string::npos;) {
    size_t end = value.find("?=", pos + 10);
    out += *Base64Decode(value.substr(pos + 10, end - pos - 10));
    pos = end + 2;
  }
  return out;
}

TEST(MailAddress, OnlyPlainAddressesCanBeSent) {
  EXPECT_TRUE(IsSendableAddress("ann@example.nl"));
  EXPECT_TRUE(IsSendableAddress("a.b+tag_1@mail.example-site.nl"));
  EXPECT_TRUE(IsSendableAddress("o'brien@example.ie"));
  for (const char* bad : {"",
                          "ann",
                          "@example.nl",
                          "ann@",
                          "ann@example.nl\r\nBcc: eve@example.nl",
                          "ann@example.nl\n",
                          "ann\r@example.nl",
                          "ann @example.nl",
                          "<ann@example.nl>",
                          "ann@example.nl>",
                          "\"ann\"@example.nl",
                          "ann..b@example.nl",
                          ".ann@example.nl",
                          "ann@-example.nl",
                          "ann@example..nl",
                          "ann@exa_mple.nl",
                          "jürgen@example.de",
                          "ann@exämple.de",
                          "ann,bob@example.nl",
                          "ann@example.nl,bob@example.nl"}) {
    EXPECT_FALSE(IsSendableAddress(bad)) << bad;
  }
  EXPECT_FALSE(IsSendableAddress(std::string(65, 'a') + "@example.nl"));
}

TEST(MailAddress, ParsesANamedSender) {
  auto plain = ParseMailbox(" meldpunt@example.nl ");
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->address, "meldpunt@example.nl");
  EXPECT_EQ(plain->name, "");
  auto named = ParseMailbox("\"Meldpunt, Utrecht\" <meldpunt@example.nl>");
  ASSERT_TRUE(named);
  EXPECT_EQ(named->name, "Meldpunt, Utrecht");
  EXPECT_EQ(named->address, "meldpunt@example.nl");
  EXPECT_FALSE(ParseMailbox("Meldpunt <meldpunt@example.nl"));
  EXPECT_FALSE(ParseMailbox("Meld\npunt <meldpunt@example.nl>"));
  EXPECT_FALSE(ParseMailbox("Meldpunt <meld punt@example.nl>"));
}

TEST(MailMessage, HasTheHeadersAndCrlfLineEnds) {
  auto text = Compose(Valid());
  ASSERT_TRUE(text) << text.error();
  EXPECT_EQ(Header(*text, "Date"), "Tue, 03 Mar 2026 10:00:00 +0000");
  EXPECT_EQ(Header(*text, "From"), "Meldpunt Discriminatie <meldpunt@example.nl>");
  EXPECT_EQ(Header(*text, "To"), "ann@example.nl");
  EXPECT_EQ(Header(*text, "Subject"), "We hebben uw melding ontvangen");
  EXPECT_EQ(Header(*text, "Message-ID"), "<abc123@example.nl>");
  EXPECT_EQ(Header(*text, "MIME-Version"), "1.0");
  EXPECT_EQ(Header(*text, "Content-Type"), "text/plain; charset=utf-8");
  EXPECT_EQ(Header(*text, "Content-Transfer-Encoding"), "quoted-printable");
  EXPECT_EQ(Header(*text, "Auto-Submitted"), "auto-generated");
  size_t body = text->find("\r\n\r\n");
  ASSERT_NE(body, std::string::npos);
  EXPECT_EQ(DecodeQuotedPrintable(text->substr(body + 4)), "Hallo,\r\n\r\nDit is de tekst.\r\n");
  for (size_t i = 0; i < text->size(); ++i) {
    if ((*text)[i] == '\n') {
      ASSERT_EQ((*text)[i - 1], '\r') << "bare LF at " << i;
    }
    if ((*text)[i] == '\r') {
      ASSERT_EQ((*text)[i + 1], '\n') << "bare CR at " << i;
    }
  }
}

TEST(MailMessage, EncodesNonAsciiAndLongHeadersAsEncodedWords) {
  Message message = Valid();
  message.subject = "Nieuw bericht over uw melding – café Één, en dit is een lange onderwerpregel";
  message.from.name = "Meldpunt Discriminatie Zuid-Holland Noord";
  auto text = Compose(message);
  ASSERT_TRUE(text);
  std::string subject = Header(*text, "Subject");
  EXPECT_TRUE(subject.starts_with("=?UTF-8?B?"));
  EXPECT_EQ(DecodeHeaderWords(subject), message.subject);
  std::istringstream lines(*text);
  for (std::string line; std::getline(lines, line);) EXPECT_LE(line.size(), 78u) << line;
  EXPECT_EQ(EncodeHeaderText("plain"), "plain");
  EXPECT_NE(EncodeHeaderText("=?UTF-8?Q?looks_encoded?="), "=?UTF-8?Q?looks_encoded?=");
  message.from.name = "Meldpunt \"Zuid\"";
  EXPECT_EQ(Header(*Compose(message), "From"), "\"Meldpunt \\\"Zuid\\\"\" <meldpunt@example.nl>");
}

TEST(MailMessage, RefusesLineBreaksInAnyField) {
  const std::string injection = "\r\nBcc: eve@example.nl";
  Message message = Valid();
  message.to += injection;
  EXPECT_FALSE(Compose(message));
  message = Valid();
  message.from.address += injection;
  EXPECT_FALSE(Compose(message));
  message = Valid();
  message.from.name += injection;
  EXPECT_FALSE(Compose(message));
  message = Valid();
  message.subject += injection;
  EXPECT_FALSE(Compose(message));
  message = Valid();
  message.subject += "\n";
  EXPECT_FALSE(Compose(message));
  message = Valid();
  message.message_id += ">\r\nBcc: eve@example.nl";
  EXPECT_FALSE(Compose(message));
  // The body may have lines; they cannot start headers since they come after the blank line.
  message = Valid();
  message.body = "line\r\n\r\nBcc: eve@example.nl\n.\n";
  auto text = Compose(message);
  ASSERT_TRUE(text);
  EXPECT_EQ(Header(*text, "Bcc"), "");
}

TEST(QuotedPrintable, EncodesWhatIsNotPlainAndKeepsLinesShort) {
  EXPECT_EQ(QuotedPrintable("a=b"), "a=3Db\r\n");
  EXPECT_EQ(QuotedPrintable("één"), "=C3=A9=C3=A9n\r\n");
  EXPECT_EQ(QuotedPrintable("trailing \nspace"), "trailing=20\r\nspace\r\n");
  EXPECT_EQ(QuotedPrintable("a\r\nb\n"), "a\r\nb\r\n");
  std::string long_line;
  for (int i = 0; i < 40; ++i) long_line += "woord é ";
  std::string encoded = QuotedPrintable(long_line + "\nhttps://meldpunt.example.nl/melden/volgen");
  std::istringstream lines(encoded);
  for (std::string line; std::getline(lines, line);) EXPECT_LE(line.size(), 77u);  // with \r
  EXPECT_EQ(DecodeQuotedPrintable(encoded),
            long_line + "\r\nhttps://meldpunt.example.nl/melden/volgen\r\n");
}

TEST(MailDate, IsRfc5322InUtc) {
  EXPECT_EQ(FormatMailDate(0), "Thu, 01 Jan 1970 00:00:00 +0000");
  EXPECT_EQ(FormatMailDate(1798761599), "Thu, 31 Dec 2026 23:59:59 +0000");
}

}  // namespace
}  // namespace meldpunt::mail
