#pragma once
// The municipal yearly report (gemeentelijke jaarrapportage): from the classification of each
// report, the tables for one municipality and year, with the previous year beside each figure.
// One table model that every output (HTML, CSV, and later PDF and XLSX) renders from. No I/O.
//
// Counting rules (docs/design.md, "Figures"):
// - A report counts once in every total, and once per code in a table where a report can have
//   several codes (grounds, handlings); the note under each table says so. A parent ground
//   counts every report with it or any of its sub-grounds, once (GroundRowsOf, counting.hpp).
// - Municipal codes roll up into today's municipality (merged municipalities, opgeheven
//   gemeenten); the report itself keeps its original code.
// - Reports linked to mass events are counted or left out as a whole, never silently mixed.
#include <optional>
#include <string>
#include <vector>

#include "domain/municipality.hpp"

namespace meldpunt {

// What the figures need of one report: classification and codes only, nothing personal.
struct ReportFacts {
  long long id = 0;
  int reported_year = 0;
  int reported_month = 1;             // 1-12, of the same Dutch date as reported_year
  std::optional<int> incident_year;   // none when the incident date is not known
  std::string incident_municipality;  // the code as stored, maybe of a merged municipality
  std::string residence_municipality;
  std::vector<std::string> grounds;
  std::string domain;
  std::string nature;
  std::vector<std::string> handlings;  // empty while the case is open
  bool mass = false;                   // linked to a mass event (massamelding)
  // Filled by Store::ListYearFacts only (the national file): the bureau that holds the report,
  // and whether it is a klacht (else a melding).
  long long bureau_id = 0;
  bool complaint = false;
};

// Which year a report belongs to: the year it was reported (default) or the incident's year.
enum class FiguresYear { kReported, kIncident };

struct FiguresQuery {
  std::string municipality;  // today's CBS code
  int year = 0;
  FiguresYear by = FiguresYear::kReported;
  bool with_mass = true;  // false: reports linked to mass events are left out
};

// How a number may be shown. Staff views show every number; output that leaves the bureau goes
// through domain/figures/suppression.hpp first.
enum class CellState {
  kShown,
  kBelowThreshold,  // a count under the threshold: "< 5"
  kHidden,          // hidden so that a "< 5" cannot be worked out from the totals
};

// One figure and the previous year's, each with its own state. The change is only shown when
// both are.
struct FigureCell {
  std::string key;  // identifies the same number wherever it appears (see suppression.hpp)
  long long current = 0;
  long long previous = 0;
  CellState current_state = CellState::kShown;
  CellState previous_state = CellState::kShown;

  long long change() const { return current - previous; }
  bool change_shown() const {
    return current_state == CellState::kShown && previous_state == CellState::kShown;
  }
};

// Row code for reports whose case has no handling yet (still open).
inline constexpr std::string_view kHandlingOpen = "open";

// The two populations of a municipal report.
inline constexpr std::string_view kPopulationIncident = "incident";    // incidents in it
inline constexpr std::string_view kPopulationResidents = "residents";  // by its residents

// Summary row codes.
inline constexpr std::string_view kRowTotal = "total";
inline constexpr std::string_view kRowResidents = "residents";         // reporter lives there
inline constexpr std::string_view kRowNonResidents = "non_residents";  // lives elsewhere/unknown
inline constexpr std::string_view kRowIncidentHere = "incident_here";  // incident in it
inline constexpr std::string_view kRowIncidentElsewhere = "incident_elsewhere";

struct FigureRow {
  std::string code;  // a code of the dimension's list, or a summary row code
  FigureCell cell;
};

struct FigureTable {
  std::string population;  // kPopulationIncident or kPopulationResidents
  std::string dimension;   // "summary", "ground", "domain", "nature", "handling"
  std::vector<FigureRow> rows;
  FigureCell total;  // reports in the population, each counted once
  // True where one report may count in several rows (grounds, handlings).
  bool multiple_per_report = false;
};

struct MunicipalReport {
  FiguresQuery query;
  std::string municipality_name;
  std::vector<FigureTable> tables;  // summary first, then per population by dimension
  // Reports linked to a mass event among those counted (0 when left out), this year and the
  // previous one: said on the page so that mass reports are never mixed in unseen.
  long long mass_current = 0;
  long long mass_previous = 0;
  // Inhabitants this year and the previous one, where an admin entered them
  // (domain/figures/population.hpp): the totals are then also shown per 1,000 inhabitants.
  std::optional<long long> population_current;
  std::optional<long long> population_previous;
};

// Computes the report. Codes roll up through `registry` (unknown codes stay as they are).
MunicipalReport ComputeMunicipalReport(const std::vector<ReportFacts>& facts,
                                       const FiguresQuery& query,
                                       const MunicipalityRegistry& registry);

// The year of a stored incident date ("2026-03-31", "2026-03" or "2026"), if any.
std::optional<int> IncidentYearOf(std::string_view incident_date);

}  // namespace meldpunt
