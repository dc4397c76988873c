#include "mail/smtp_sender.hpp"

#include <curl/curl.h>

#include <cstring>
#include <memory>

namespace meldpunt::mail {
namespace {

constexpr std::string_view kStartTlsScheme = "smtp+starttls://";

struct Upload {
  const std::string* data;
  size_t sent = 0;
};

size_t ReadMessage(char* buffer, size_t size, size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  size_t n = std::min(size * count, upload->data->size() - upload->sent);
  std::memcpy(buffer, upload->data->data() + upload->sent, n);
  upload->sent += n;
  return n;
}

int CheckCancel(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  return static_cast<const std::atomic<bool>*>(user)->load() ? 1 : 0;
}

std::string CurlUrl(const std::string& url) {
  if (url.starts_with(kStartTlsScheme)) return "smtp://" + url.substr(kStartTlsScheme.size());
  return url;
}

}  // namespace

Result<bool> CheckSmtpUrl(const std::string& url) {
  for (std::string_view scheme : {"smtp://", "smtps://", "smtp+starttls://"}) {
    if (url.starts_with(scheme)) {
      if (url.size() == scheme.size()) return Error{"the SMTP URL names no server"};
      if (url.find_first_of(" \r\n") != std::string::npos) {
        return Error{"the SMTP URL holds spaces or line breaks"};
      }
      return true;
    }
  }
  return Error{"the SMTP URL must start with smtp://, smtp+starttls:// or smtps://"};
}

SmtpSender::SmtpSender(SmtpSettings settings)
    : settings_(std::move(settings)),
      curl_url_(CurlUrl(settings_.url)),
      starttls_(settings_.url.starts_with(kStartTlsScheme)) {
  // Counted by libcurl, and thread-safe since 7.84.
  curl_global_init(CURL_GLOBAL_DEFAULT);
}

SmtpSender::~SmtpSender() { curl_global_cleanup(); }

std::optional<SendError> SmtpSender::Send(const std::string& envelope_from, const std::string& to,
                                          const std::string& message,
                                          const std::atomic<bool>& cancel) {
  std::unique_ptr<CURL, void (*)(CURL*)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) return SendError{"libcurl could not start"};
  std::string from = "<" + envelope_from + ">";
  std::unique_ptr<curl_slist, void (*)(curl_slist*)> recipients(
      curl_slist_append(nullptr, ("<" + to + ">").c_str()), curl_slist_free_all);
  Upload upload{&message};
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, curl_url_.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  if (starttls_) curl_easy_setopt(c, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
  if (!settings_.user.empty()) {
    curl_easy_setopt(c, CURLOPT_USERNAME, settings_.user.c_str());
    curl_easy_setopt(c, CURLOPT_PASSWORD, settings_.password.c_str());
  }
  curl_easy_setopt(c, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(c, CURLOPT_MAIL_RCPT, recipients.get());
  curl_easy_setopt(c, CURLOPT_READFUNCTION, ReadMessage);
  curl_easy_setopt(c, CURLOPT_READDATA, &upload);
  curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(message.size()));
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, static_cast<long>(settings_.connect_timeout.count()));
  curl_easy_setopt(c, CURLOPT_TIMEOUT, static_cast<long>(settings_.timeout.count()));
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);  // no SIGALRM in a threaded server
  curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, CheckCancel);
  curl_easy_setopt(c, CURLOPT_XFERINFODATA, &cancel);
  CURLcode result = curl_easy_perform(c);
  if (result == CURLE_OK) return std::nullopt;
  // curl's own text and the reply code only: the server's reply text may quote the address.
  long reply = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &reply);
  std::string error = curl_easy_strerror(result);
  if (reply != 0) error += " (SMTP reply " + std::to_string(reply) + ")";
  return SendError{error};
}

}  // namespace meldpunt::mail
