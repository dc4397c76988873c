#pragma once
// "HOST:PORT" of --metrics-listen: an IPv4 address or a name, or an IPv6 address in brackets
// ("[::1]:9464"). The port must be given (1-65535): there is no default that could collide with
// the public port.
#include <string>
#include <string_view>

#include "base/result.hpp"

namespace meldpunt::metrics {

struct ListenAddress {
  std::string host;
  unsigned short port = 0;
};

Result<ListenAddress> ParseListenAddress(std::string_view text);

}  // namespace meldpunt::metrics
