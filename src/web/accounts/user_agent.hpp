#pragma once
// A coarse description of a browser ("Firefox" on "Linux") for the list of one's own sessions, so
// a staff member recognises their devices. Only this pair is stored with a session, never the
// whole User-Agent header, and never an address.
#include <string>
#include <string_view>

namespace meldpunt::web {

struct DeviceDescription {
  std::string browser;  // "Firefox", "Chrome", …; empty when not recognised
  std::string system;   // "Linux", "Windows", "iPhone", …; empty when not recognised
};

DeviceDescription DescribeUserAgent(std::string_view user_agent);
// Stored form: "browser|system".
std::string StoredDevice(const DeviceDescription& device);
DeviceDescription ParseStoredDevice(std::string_view stored);

}  // namespace meldpunt::web
