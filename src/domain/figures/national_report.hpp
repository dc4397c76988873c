#pragma once
// The national yearly report (landelijke jaarrapportage): every bureau's figures for one year in
// one fixed format (docs/national-file.md), the national roll-up over them, and the parser for a
// file made by another installation. No I/O.
//
// A report belongs to the bureau that holds it (reports.bureau_id). Counts of this
// installation's bureaus are exact until the end; files of other installations arrive already
// suppressed and contribute what they say. Small numbers are suppressed once, jointly over every
// bureau's tables and the roll-up (domain/figures/suppression.hpp), so that neither a bureau's
// table nor the roll-up minus the other bureaus gives a small number away.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "base/result.hpp"
#include "domain/figures/figures.hpp"
#include "domain/figures/published_totals.hpp"
#include "domain/figures/suppression.hpp"
#include "domain/municipality.hpp"

namespace meldpunt {

// The first cell of every row, and the header the file starts with. Version 2 (issue 12): the
// municipality tables list every municipality where the bureau holds reports, "other" keeps only
// what is no municipality, and a parent ground counts its sub-grounds. Files of version 1 are
// still imported (docs/national-file.md).
inline constexpr std::string_view kNationalFormatVersion = "meldpunt-landelijk-2";
inline constexpr std::string_view kNationalFormatVersion1 = "meldpunt-landelijk-1";
inline constexpr std::string_view kNationalHeader =
    "format_version,bureau_id,bureau_name,year,table,code,count";
// The bureau identifier of the roll-up rows.
inline constexpr std::string_view kNationalRollUpId = "landelijk";
inline constexpr std::string_view kNationalRollUpName = "Landelijk totaal";

// The tables of a bureau, in file order. "total" has the one row "reports"; every other table
// adds up to it (ground and handling may count a report more than once).
inline constexpr std::string_view kNationalTables[] = {"total",
                                                       "kind",
                                                       "ground",
                                                       "domain",
                                                       "nature",
                                                       "handling",
                                                       "incident_municipality",
                                                       "residence_municipality"};
inline constexpr std::string_view kRowReports = "reports";
inline constexpr std::string_view kKindMelding = "melding";  // registration only
inline constexpr std::string_view kKindKlacht = "klacht";    // asks for advice or support
// Municipality tables: a row per today's municipality where the bureau holds reports about
// incidents in it / by its residents (and every municipality of its working area, also at zero),
// and "other" for what is no municipality: online or not in one place, abroad, unknown.
inline constexpr std::string_view kRowOther = "other";

// Limits on a file to import.
// A bureau has at most about 2 x 342 municipality rows and 60 others.
inline constexpr size_t kMaxNationalFileBytes = 8 * 1024 * 1024;
inline constexpr size_t kMaxNationalFileRows = 80000;
inline constexpr size_t kMaxNationalFileBureaus = 60;
inline constexpr size_t kMaxNationalRowsPerBureau = 2000;

// How a count appears in the file.
enum class CountShown {
  kExact,           // a number
  kBelowThreshold,  // "< 5"
  kHidden,          // "x": hidden so that a "< 5" cannot be worked out
  kAtLeast,         // ">= N": roll-up only, where a bureau's file gave "< 5" or "x"
};

struct NationalCount {
  CountShown shown = CountShown::kExact;
  long long value = 0;  // the number for kExact, the lower bound for kAtLeast, else 0
};

struct NationalRow {
  std::string table;
  std::string code;
  NationalCount count;
};

struct BureauFigures {
  std::string id;  // stable identifier (BureauIdentifier of the name), or kNationalRollUpId
  std::string name;
  bool imported = false;  // from another installation's file
  std::string file_key;   // imported: the file it came from (see ImportedFile)
  std::vector<NationalRow> rows;
};

// An imported file's own roll-up over its bureaus. While every one of those bureaus is still
// imported from that file, the roll-up counts them with the file's roll-up cells, which are
// exact more often than the sum of their suppressed cells: so importing a file reproduces its
// roll-up.
struct ImportedFile {
  std::string key;
  std::vector<std::string> bureau_ids;
  BureauFigures roll_up;
};

struct NationalFile {
  int year = 0;
  std::vector<BureauFigures> bureaus;  // this installation's, then imported ones, by id
  BureauFigures national;              // the roll-up
};

// A bureau of this installation and its working area (today's CBS codes).
struct NationalBureau {
  long long id = 0;
  std::string name;
  std::vector<std::string> municipalities;
};

// The stable identifier of a bureau in the file: its name in lower case, letters and digits,
// other characters as single hyphens ("ADV Noord-Holland" -> "adv-noord-holland").
std::string BureauIdentifier(std::string_view name);

// Exact counts per bureau for reports made in `year` (facts need bureau_id and complaint). Every
// code of the current lists has a row, also at zero; facts of other years are skipped.
std::vector<BureauFigures> CountBureaus(const std::vector<ReportFacts>& facts, int year,
                                        const std::vector<NationalBureau>& bureaus,
                                        const MunicipalityRegistry& registry);

// The file: the roll-up over `local` (exact) and `imported` (as their files said; through their
// file's roll-up where `files` has one for exactly the bureaus still imported from it), and joint
// suppression of everything. Local bureaus without reports in the year and imported bureaus
// whose id is also a local one are left out. `published` (PublishedMunicipalTotals of the same
// year) fixes the state of the roll-up's municipality rows that only local bureaus make up: the
// municipal reports and the public page show those numbers too, in that state.
NationalFile ComposeNationalFile(int year, std::vector<BureauFigures> local,
                                 std::vector<BureauFigures> imported,
                                 const std::vector<ImportedFile>& files = {},
                                 long long threshold = kDefaultSuppressionThreshold,
                                 const std::map<std::string, MunicipalTotals>& published = {});

// How a count of the file reads as a suppression state: a number is shown, "< 5" is below the
// threshold, "x" and ">= N" are hidden.
CellState CellStateOf(const NationalCount& count);

// The count as written in the file: "12", "< 5", "x", ">= 12".
std::string CountText(const NationalCount& count,
                      long long threshold = kDefaultSuppressionThreshold);

// The rows of the file, without a header: one vector of 7 cells per row, bureaus then roll-up.
std::vector<std::vector<std::string>> NationalFileRows(const NationalFile& file);

// The CSV file (UTF-8, CRLF, header first).
std::string NationalCsv(const NationalFile& file);

// Why a file is refused, with the line it was found on (1 = the header; 0 = the file as a whole).
enum class NationalFileProblem {
  kEmpty,
  kTooLarge,
  kNotUtf8,
  kBadHeader,
  kWrongVersion,
  kBadRow,  // wrong number of cells or bad quoting
  kBadBureau,
  kBadYear,
  kMixedYears,
  kUnknownTable,
  kBadCode,
  kBadCount,
  kDuplicateRow,
  kMissingTotal,
  kTooManyRows,
  kTooManyBureaus,
  kNoBureaus,
};
struct NationalFileError {
  NationalFileProblem problem;
  size_t line = 0;
};

struct ParsedNationalFile {
  int format = 2;  // 1 for a file of kNationalFormatVersion1
  int year = 0;
  std::vector<BureauFigures> bureaus;  // imported = true
  BureauFigures roll_up;               // the file's roll-up rows (maybe none)
};

// Strict: the exact header, one format version (1 or 2) for every row, one year, known tables,
// codes of letters, digits, '_' '.' '-', counts as written by CountText (">= N" only on roll-up
// rows), every bureau with its total row, within the limits above. A UTF-8 byte order mark is
// allowed.
std::variant<ParsedNationalFile, NationalFileError> ParseNationalCsv(std::string_view text);

}  // namespace meldpunt
