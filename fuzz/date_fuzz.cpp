// Calendar dates as typed in forms and dates of stored times (domain/date.hpp). A date accepted
// is valid and prints back as the text it came from; any Unix time has a valid date, with no
// undefined behaviour on the way.
#include <cstring>
#include <string>

#include "check.hpp"
#include "domain/date.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
  using namespace meldpunt;
  std::string_view text = fuzz::AsText(data, size);
  if (auto date = ParseIsoDate(text)) {
    FUZZ_CHECK(date->ok());
    FUZZ_CHECK(FormatIsoDate(*date) == text);
    // The first second of its year is at or before the date.
    long long start = StartOfYearUnixSeconds(static_cast<int>(date->year()));
    FUZZ_CHECK(DateOfUnixSeconds(start).year() == date->year());
  }
  if (size >= sizeof(long long)) {
    long long seconds = 0;
    std::memcpy(&seconds, data, sizeof seconds);
    Date date = DateOfUnixSeconds(seconds);
    FUZZ_CHECK(FormatIsoDate(date).size() >= 10);
  }
  return 0;
}
