#pragma once
// The public figures (openbare cijfers): for the latest complete year, per municipality of each
// bureau's working area, the reports about incidents in it and by its residents, with the
// previous year, the change and the rate per 1,000 inhabitants where known; and the distribution
// of all reports by ground. Everything here leaves the bureau, so everything is suppressed
// (domain/figures/suppression.hpp). The numbers are the national file's roll-up over this
// installation's bureaus, in the same states (domain/figures/national_report.hpp,
// domain/figures/published_totals.hpp): the page, the national file and every municipal report show
// one municipality's numbers the same way. No I/O.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/figures/figures.hpp"
#include "domain/figures/national_report.hpp"
#include "domain/figures/population.hpp"
#include "domain/municipality.hpp"

namespace meldpunt {

struct PublicMunicipalityRow {
  std::string code;
  std::string name;
  FigureCell incidents;                          // reports about incidents in the municipality
  FigureCell residents;                          // reports by its residents, wherever it happened
  std::optional<long long> population;           // this year's, when entered
  std::optional<long long> population_previous;  // the previous year's
};

struct PublicAreaTable {
  std::string bureau;
  std::vector<PublicMunicipalityRow> rows;  // sorted by name
  FigureCell incidents_total;               // about incidents in the working area
  FigureCell residents_total;               // by residents of the working area
};

struct PublicFigures {
  int year = 0;
  std::vector<PublicAreaTable> areas;
  // National: every report of the installation; rows per ground, the total each report once.
  FigureTable grounds;
};

// Computes and suppresses the public figures for `year` (with year - 1 beside it) from the facts
// of both years (Store::ListYearFacts, with bureau_id) and this installation's bureaus. Codes roll
// up into today's municipalities through `registry`. Areas are the bureaus with a listed working
// area.
PublicFigures ComputePublicFigures(const std::vector<ReportFacts>& facts,
                                   const std::vector<NationalBureau>& bureaus,
                                   const std::vector<PopulationFigure>& population,
                                   const MunicipalityRegistry& registry, int year,
                                   long long threshold);

}  // namespace meldpunt
