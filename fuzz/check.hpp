#pragma once
// What every fuzz target shares: a check that stops the run with a message (libFuzzer then saves
// the input as a crash), and the input as text.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <utility>

namespace meldpunt::fuzz {

inline std::string_view AsText(const std::uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

[[noreturn]] inline void Fail(const char* file, int line, const char* what) {
  std::fprintf(stderr, "%s:%d: invariant broken: %s\n", file, line, what);
  std::abort();
}

// Splits "first line\nrest" at the first line break: targets that need two inputs (a header and
// a body, a name and a value) take them this way, so that corpus files stay readable.
inline std::pair<std::string_view, std::string_view> SplitFirstLine(std::string_view text) {
  size_t end = text.find('\n');
  if (end == std::string_view::npos) return {text, {}};
  return {text.substr(0, end), text.substr(end + 1)};
}

}  // namespace meldpunt::fuzz

#define FUZZ_CHECK(condition) \
  ((condition) ? (void)0 : ::meldpunt::fuzz::Fail(__FILE__, __LINE__, #condition))
