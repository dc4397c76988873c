#include "web/accounts/user_agent.hpp"

#include <array>
#include <utility>

namespace meldpunt::web {
namespace {

bool Has(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

// Known names only: whatever else the header says is never stored.
constexpr std::array<std::string_view, 10> kKnownNames = {
    "Firefox", "Chrome", "Edge", "Safari", "Opera", "Linux", "Windows", "macOS", "Android", "iOS"};

std::string Known(std::string_view name) {
  for (std::string_view known : kKnownNames) {
    if (known == name) return std::string(known);
  }
  if (name == "iPhone" || name == "iPad" || name == "ChromeOS" || name == "Samsung Internet")
    return std::string(name);
  return "";
}

}  // namespace

DeviceDescription DescribeUserAgent(std::string_view ua) {
  DeviceDescription device;
  // Order matters: Edge and Opera say "Chrome", Chrome says "Safari", Android says "Linux".
  if (Has(ua, "Edg/") || Has(ua, "EdgA/") || Has(ua, "EdgiOS/")) {
    device.browser = "Edge";
  } else if (Has(ua, "OPR/") || Has(ua, "Opera")) {
    device.browser = "Opera";
  } else if (Has(ua, "SamsungBrowser/")) {
    device.browser = "Samsung Internet";
  } else if (Has(ua, "Firefox/") || Has(ua, "FxiOS/")) {
    device.browser = "Firefox";
  } else if (Has(ua, "Chrome/") || Has(ua, "Chromium/") || Has(ua, "CriOS/")) {
    device.browser = "Chrome";
  } else if (Has(ua, "Safari/") && Has(ua, "Version/")) {
    device.browser = "Safari";
  }
  if (Has(ua, "iPhone")) {
    device.system = "iPhone";
  } else if (Has(ua, "iPad")) {
    device.system = "iPad";
  } else if (Has(ua, "Android")) {
    device.system = "Android";
  } else if (Has(ua, "CrOS")) {
    device.system = "ChromeOS";
  } else if (Has(ua, "Windows")) {
    device.system = "Windows";
  } else if (Has(ua, "Mac OS X") || Has(ua, "Macintosh")) {
    device.system = "macOS";
  } else if (Has(ua, "Linux") || Has(ua, "X11")) {
    device.system = "Linux";
  }
  return device;
}

std::string StoredDevice(const DeviceDescription& device) {
  return device.browser + "|" + device.system;
}

DeviceDescription ParseStoredDevice(std::string_view stored) {
  size_t bar = stored.find('|');
  if (bar == std::string_view::npos) return {};
  return {Known(stored.substr(0, bar)), Known(stored.substr(bar + 1))};
}

}  // namespace meldpunt::web
