// The national file of another installation, as staff import it (ParseNationalCsv in
// domain/figures/national_report.hpp). A file accepted keeps to the limits; written again by this
// installation's writer (NationalCsv) it imports to the same bureaus, rows and counts.
#include <string>
#include <variant>

#include "check.hpp"
#include "domain/figures/national_report.hpp"

namespace {

bool SameRows(const std::vector<meldpunt::NationalRow>& a,
              const std::vector<meldpunt::NationalRow>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].table != b[i].table || a[i].code != b[i].code ||
        a[i].count.shown != b[i].count.shown || a[i].count.value != b[i].count.value)
      return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
  using namespace meldpunt;
  auto result = ParseNationalCsv(fuzz::AsText(data, size));
  auto* parsed = std::get_if<ParsedNationalFile>(&result);
  if (!parsed) {
    FUZZ_CHECK(std::get<NationalFileError>(result).line <= size + 1);
    return 0;
  }
  FUZZ_CHECK(!parsed->bureaus.empty() && parsed->bureaus.size() <= kMaxNationalFileBureaus);
  for (const auto& bureau : parsed->bureaus) {
    FUZZ_CHECK(bureau.imported && !bureau.id.empty() && bureau.id != kNationalRollUpId);
    FUZZ_CHECK(bureau.rows.size() <= kMaxNationalRowsPerBureau);
    for (const auto& row : bureau.rows) FUZZ_CHECK(row.count.value >= 0);
  }

  NationalFile file;
  file.year = parsed->year;
  file.bureaus = parsed->bureaus;
  file.national = parsed->roll_up;
  std::string written = NationalCsv(file);
  auto again_result = ParseNationalCsv(written);
  auto* again = std::get_if<ParsedNationalFile>(&again_result);
  if (!again) {
    std::fprintf(stderr, "written again and refused: problem %d on line %zu\n",
                 static_cast<int>(std::get<NationalFileError>(again_result).problem),
                 std::get<NationalFileError>(again_result).line);
  }
  FUZZ_CHECK(again != nullptr);
  FUZZ_CHECK(again->year == parsed->year);
  FUZZ_CHECK(again->bureaus.size() == parsed->bureaus.size());
  for (size_t i = 0; i < parsed->bureaus.size(); ++i) {
    FUZZ_CHECK(again->bureaus[i].id == parsed->bureaus[i].id);
    // A name that a spreadsheet would run as a formula is written with a "'" before it (CSV
    // injection), and read back with it: the only change a round trip makes.
    const std::string& name = parsed->bureaus[i].name;
    bool guarded = std::string_view("=+-@").find(name.front()) != std::string_view::npos;
    FUZZ_CHECK(again->bureaus[i].name == (guarded ? "'" + name : name));
    FUZZ_CHECK(SameRows(again->bureaus[i].rows, parsed->bureaus[i].rows));
  }
  FUZZ_CHECK(SameRows(again->roll_up.rows, parsed->roll_up.rows));
  return 0;
}
