#pragma once
// Small helpers the command-line commands share (defined in commands.cpp).
#include <string>

namespace meldpunt::app {

long long UnixNow();  // Unix seconds
// A whole file; throws std::runtime_error naming the path when it cannot be read.
std::string ReadFile(const std::string& path);

}  // namespace meldpunt::app
