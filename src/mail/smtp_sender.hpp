#pragma once
// Handing a composed message to an SMTP server, with libcurl.
#include <atomic>
#include <chrono>
#include <optional>
#include <string>

#include "base/result.hpp"

namespace meldpunt::mail {

// Why a message was not accepted, without any address in it (it goes into logs and the outbox).
struct SendError {
  std::string message;
};

class MailSender {
 public:
  virtual ~MailSender() = default;
  // Returns nullopt once the server accepted the message for delivery. Gives up early, with an
  // error, when cancel turns true (the server is stopping).
  virtual std::optional<SendError> Send(const std::string& envelope_from, const std::string& to,
                                        const std::string& message,
                                        const std::atomic<bool>& cancel) = 0;
};

struct SmtpSettings {
  // smtp://host[:port] (plain, for a relay on the same machine or network),
  // smtp+starttls://host[:port] (STARTTLS required) or smtps://host[:port] (TLS from the start).
  std::string url;
  std::string user;  // empty: no authentication
  std::string password;
  std::chrono::seconds connect_timeout{15};
  std::chrono::seconds timeout{60};  // for the whole conversation
};

// Whether the URL is one of the forms above; the error says what is wrong.
Result<bool> CheckSmtpUrl(const std::string& url);

class SmtpSender final : public MailSender {
 public:
  explicit SmtpSender(SmtpSettings settings);
  ~SmtpSender() override;
  SmtpSender(const SmtpSender&) = delete;
  SmtpSender& operator=(const SmtpSender&) = delete;

  std::optional<SendError> Send(const std::string& envelope_from, const std::string& to,
                                const std::string& message,
                                const std::atomic<bool>& cancel) override;

 private:
  const SmtpSettings settings_;
  const std::string curl_url_;
  const bool starttls_;
};

}  // namespace meldpunt::mail
