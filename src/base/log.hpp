#pragma once
// Structured logs: one JSON object per line on stderr. Never a form body, never an IP address.
#include <boost/json/object.hpp>
#include <string_view>

namespace meldpunt::log {

// Adds "time", "level" and "msg" to the fields and writes the line atomically.
void Write(std::string_view level, std::string_view message, boost::json::object fields = {});
inline void Info(std::string_view message, boost::json::object fields = {}) {
  Write("info", message, std::move(fields));
}
inline void Error(std::string_view message, boost::json::object fields = {}) {
  Write("error", message, std::move(fields));
}
// Turns request logging off (benchmarks) or on.
void SetRequestLogging(bool on);
bool RequestLogging();

}  // namespace meldpunt::log
