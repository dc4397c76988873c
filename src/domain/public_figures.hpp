#pragma once
// The public figures (openbare cijfers): for the latest complete year, per municipality of each
// bureau's working area, the reports about incidents in it and by its residents, with the
// previous year, the change and the rate per 1,000 inhabitants where known; and the national
// distribution by ground. Everything here leaves the bureau, so everything is suppressed
// (domain/suppression.hpp). Computed from counts grouped in the database, not from reports, so
// that a year of a million reports is two small reads. No I/O.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/figures.hpp"
#include "domain/municipality.hpp"
#include "domain/population.hpp"

namespace meldpunt {

// Reports of a year with one pair of codes as stored (maybe of merged municipalities).
struct PlaceCount {
  int year = 0;
  std::string incident_municipality;
  std::string residence_municipality;
  long long count = 0;
};
// Reports of a year per ground row (GroundRowsOf, counting.hpp: a report with several counts once
// for each, a parent ground also for each report with one of its sub-grounds).
struct GroundCount {
  int year = 0;
  std::string ground;
  long long count = 0;
};
struct ReportCounts {
  std::vector<PlaceCount> places;
  std::vector<GroundCount> grounds;
};

// A bureau's working area, as the page lists it.
struct PublicArea {
  std::string bureau;
  std::vector<std::string> municipalities;  // today's CBS codes
};

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

// Computes and suppresses the public figures for `year` (with year - 1 beside it). Codes roll up
// into today's municipalities through `registry`.
PublicFigures ComputePublicFigures(const ReportCounts& counts, const std::vector<PublicArea>& areas,
                                   const std::vector<PopulationFigure>& population,
                                   const MunicipalityRegistry& registry, int year,
                                   long long threshold);

}  // namespace meldpunt
