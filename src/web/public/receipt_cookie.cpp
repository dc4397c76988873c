#include "web/public/receipt_cookie.hpp"

#include <charconv>

#include "domain/reports/receipt.hpp"
#include "http/cookies.hpp"

namespace meldpunt::web {
namespace {

constexpr std::string_view kCookie = "mp_receipt";
constexpr std::string_view kAssociatedData = "receipt-cookie";

}  // namespace

std::string ReceiptCookie(const AppContext& app, const std::string& reference,
                          const std::string& receipt) {
  // The expiry is inside the sealed value too: a browser that keeps the cookie longer than told
  // still gets nothing after it.
  std::string plain =
      reference + "\n" + receipt + "\n" + std::to_string(app.now() + kReceiptCookieSeconds);
  return http::SetCookie(kCookie, app.receipts.cookie_cipher().Seal(plain, kAssociatedData),
                         {.http_only = true,
                          .secure = app.options.secure_cookies,
                          .same_site = "Strict",
                          .max_age = kReceiptCookieSeconds,
                          .path = kReportReceivedPath});
}

std::optional<std::string> ReceiptFromCookie(const AppContext& app, const http::Request& request,
                                             const std::string& reference) {
  std::string sealed =
      request.Cookie(http::CookieName(kCookie, app.options.secure_cookies, kReportReceivedPath));
  if (sealed.empty() || sealed.size() > 512) return std::nullopt;
  auto plain = app.receipts.cookie_cipher().Open(sealed, kAssociatedData);
  if (!plain) return std::nullopt;
  std::string_view text = *plain;
  size_t first = text.find('\n');
  size_t second = text.find('\n', first == std::string_view::npos ? first : first + 1);
  if (second == std::string_view::npos) return std::nullopt;
  std::string_view expires_text = text.substr(second + 1);
  long long expires = 0;
  auto [end, ec] =
      std::from_chars(expires_text.data(), expires_text.data() + expires_text.size(), expires);
  if (ec != std::errc{} || end != expires_text.data() + expires_text.size()) return std::nullopt;
  if (text.substr(0, first) != reference || expires < app.now()) return std::nullopt;
  auto receipt = NormaliseReceipt(text.substr(first + 1, second - first - 1));
  if (!receipt) return std::nullopt;
  return *receipt;
}

}  // namespace meldpunt::web
