#include "metrics/listen_address.hpp"

#include <charconv>

namespace meldpunt::metrics {

Result<ListenAddress> ParseListenAddress(std::string_view text) {
  const std::string expected = "give HOST:PORT, for example 127.0.0.1:9464 or [::1]:9464";
  ListenAddress address;
  std::string_view port;
  if (text.starts_with('[')) {
    size_t close = text.find(']');
    if (close == std::string_view::npos || close + 1 >= text.size() || text[close + 1] != ':') {
      return Error{"\"" + std::string(text) + "\": " + expected};
    }
    address.host = std::string(text.substr(1, close - 1));
    port = text.substr(close + 2);
  } else {
    size_t colon = text.rfind(':');
    if (colon == std::string_view::npos || text.find(':') != colon) {
      return Error{"\"" + std::string(text) + "\": " + expected};
    }
    address.host = std::string(text.substr(0, colon));
    port = text.substr(colon + 1);
  }
  if (address.host.empty()) return Error{"\"" + std::string(text) + "\": no host; " + expected};
  unsigned value = 0;
  auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
  if (ec != std::errc{} || end != port.data() + port.size() || value > 65535) {
    return Error{"\"" + std::string(text) + "\": the port must be a number up to 65535"};
  }
  address.port = static_cast<unsigned short>(value);
  return address;
}

}  // namespace meldpunt::metrics
