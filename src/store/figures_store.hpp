#pragma once
// Figures: counts and facts of reports (no personal data), imported national files and population
// figures.
// Every method may block and must not be called on an I/O thread. Failures throw StoreError.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "domain/figures/figures.hpp"
#include "domain/figures/population.hpp"
#include "store/store_types.hpp"

namespace meldpunt {

// Whether figures count the reports linked to mass events.
enum class MassReports { kIncluded, kExcluded };

inline constexpr size_t kMaxFactsMunicipalities = 1000;

struct MunicipalityCount {
  std::string code;  // CBS code or a special value (none / unknown)
  long long incident = 0;
  long long residence = 0;
};

// A bureau's figures for one year from another installation's national file (landelijke
// jaarrapportage), as imported: the rows as a one-bureau file in the fixed format
// (domain/figures/national_report.hpp), so the same parser reads them back.
struct NationalImport {
  // The file's bureau identifier; a key starting with '~' holds the whole file (its roll-up)
  // while any of its bureaus is imported from it.
  std::string bureau_key;
  int year = 0;
  std::string bureau_name;
  std::string rows_csv;
  std::string file_key;           // the file the rows came from
  long long imported_at = 0;      // Unix seconds
  std::string imported_by_email;  // empty when that account is gone
};

class FiguresStore {
 public:
  virtual ~FiguresStore() = default;

  // Counts per municipality, as incident place and as residence, for reports made in a year;
  // with kExcluded, reports linked to a mass event are left out; with a bureau, only the reports
  // that bureau holds.
  virtual std::vector<MunicipalityCount> CountByMunicipality(
      int year, MassReports mass = MassReports::kIncluded,
      std::optional<long long> bureau_id = std::nullopt) = 0;
  // Figures (soci_report_facts.cpp): the classification of every report reported in
  // [from_year, to_year] whose incident or residence municipality is one of `municipalities`
  // (codes as stored: pass merged predecessors too), oldest first. Reads only clear columns and
  // decrypts nothing. At most kMaxFactsMunicipalities codes; others throw StoreError.
  virtual std::vector<ReportFacts> ListReportFacts(
      int from_year, int to_year, const std::vector<std::string>& municipalities) = 0;
  // The national file (soci_national.cpp): the facts of every report reported in
  // [from_year, to_year], with bureau_id and complaint, in one read of clear columns.
  virtual std::vector<ReportFacts> ListYearFacts(int from_year, int to_year) = 0;
  // Imported national files: one row per bureau identifier and year; saving replaces the rows of
  // the same bureau and year, all in one transaction.
  virtual void SaveNationalImports(const std::vector<NationalImport>& imports,
                                   long long staff_user_id, long long now) = 0;
  // By year (all years when 0), then bureau identifier.
  virtual std::vector<NationalImport> ListNationalImports(int year) = 0;
  // Returns false when there was no such import. A file none of whose bureaus is left goes too.
  virtual bool DeleteNationalImport(const std::string& bureau_key, int year) = 0;
  // Population figures (soci_population.cpp), every municipality's for the years in
  // [from_year, to_year].
  virtual std::vector<PopulationFigure> ListPopulation(int from_year, int to_year) = 0;
  // Sets these figures (others keep theirs), in one transaction.
  virtual void WritePopulation(const std::vector<PopulationFigure>& figures, long long user_id,
                               long long now) = 0;
};

}  // namespace meldpunt
