#pragma once
// Small helpers the command-line commands share (defined in commands.cpp).
#include <functional>
#include <string>

#include "app/config.hpp"

namespace meldpunt::app {

long long UnixNow();  // Unix seconds
// The clock the server and commands use: UnixNow, moved by the offset in the config's
// clock_offset_file when one is set (tests only).
std::function<long long()> MakeClock(const Config& config);
// A whole file; throws std::runtime_error naming the path when it cannot be read.
std::string ReadFile(const std::string& path);

}  // namespace meldpunt::app
