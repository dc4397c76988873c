#include "base/log.hpp"

#include <atomic>
#include <boost/json/serialize.hpp>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>

namespace meldpunt::log {
namespace {
std::mutex g_mutex;
std::atomic<bool> g_request_logging{true};

std::string Now() {
  auto now = std::chrono::system_clock::now();
  auto seconds = std::chrono::system_clock::to_time_t(now);
  auto millis =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                static_cast<int>(millis));
  return buffer;
}
}  // namespace

void Write(std::string_view level, std::string_view message, boost::json::object fields) {
  boost::json::object line;
  line["time"] = Now();
  line["level"] = level;
  line["msg"] = message;
  for (auto& [key, value] : fields) line[key] = std::move(value);
  std::string text = boost::json::serialize(line) + "\n";
  std::lock_guard lock(g_mutex);
  std::fwrite(text.data(), 1, text.size(), stderr);
  std::fflush(stderr);
}

void SetRequestLogging(bool on) { g_request_logging = on; }
bool RequestLogging() { return g_request_logging; }

}  // namespace meldpunt::log
