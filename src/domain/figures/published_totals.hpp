#pragma once
// The numbers several outputs publish: per municipality and year, the reports about incidents in
// it and the reports by its residents (by year of reporting, mass reports included). The municipal
// report (page, CSV, XLSX, PDF), the national file's roll-up and the public page all show them, so
// each must be "< 5", "x" or shown the same way everywhere, or a reader holding two outputs could
// work a small number back. The state is the one the municipal report gives it (it has the most
// lines around these numbers); the other outputs take it as fixed (SuppressCells with locked
// cells) and hide other cells instead. No I/O.
#include <map>
#include <string>
#include <vector>

#include "domain/figures/figures.hpp"
#include "domain/figures/suppression.hpp"
#include "domain/municipality.hpp"

namespace meldpunt {

struct MunicipalTotals {
  long long incidents = 0;  // reports about incidents in the municipality
  long long residents = 0;  // reports by its residents, wherever it happened
  CellState incidents_state = CellState::kBelowThreshold;
  CellState residents_state = CellState::kBelowThreshold;
};

// Per today's municipality code with at least one report of `year` (incident or residence) in
// `facts`: both totals of that year and their states in the suppressed municipal report. Facts
// of other years are ignored. A municipality that is not listed has no report: both zero, "< 5".
std::map<std::string, MunicipalTotals> PublishedMunicipalTotals(
    const std::vector<ReportFacts>& facts, int year, const MunicipalityRegistry& registry,
    long long threshold = kDefaultSuppressionThreshold);

}  // namespace meldpunt
