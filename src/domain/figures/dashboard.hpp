#pragma once
// The figures dashboard (cijferoverzicht): the reports of a chosen period and area, per month of
// reporting and by ground, domain, nature, handling and municipality. Built from the same
// per-report facts as the municipal yearly report (domain/figures/figures.hpp) and in the same
// table model, so the page, its charts and the suppression rule share one shape. No I/O.
//
// Counting rules (docs/design.md, "Figures dashboard"):
// - A report counts in the month it was reported (Dutch calendar, as reported_year), once in
//   every total and once per code where a report can have several (grounds, handlings); a parent
//   ground counts every report with it or any of its sub-grounds, once (GroundRowsOf,
//   counting.hpp).
// - A report is in the area when the municipality where it happened or where the reporter lives
//   is, after rolling merged municipalities up into today's (MunicipalityRegistry::Successor).
// - The municipality table counts by where it happened: the municipalities of the area, then one
//   row for municipalities outside it and one for "not applicable" (online, national media).
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "domain/figures/figures.hpp"
#include "domain/figures/published_totals.hpp"
#include "domain/municipality.hpp"

namespace meldpunt {

// A calendar month as one number, year * 12 + (month - 1), so that a period is a range.
int MonthIndex(int year, int month);
int YearOfMonthIndex(int index);
int MonthOfMonthIndex(int index);  // 1-12

// A longer period is refused: one read and its tables stay bounded.
inline constexpr int kMaxDashboardMonths = 120;

struct DashboardQuery {
  int from_month = 0;             // MonthIndex, inclusive
  int to_month = 0;               // MonthIndex, inclusive
  std::vector<std::string> area;  // today's municipality codes, in the order they are shown
  bool with_mass = true;          // false: reports linked to a mass event are left out
};

// Dimensions of the dashboard's tables, in the order they are shown.
inline constexpr std::string_view kDimensionMonth = "month";
inline constexpr std::string_view kDimensionMunicipality = "municipality";
// An area of at most this many municipalities shows each of them, also at zero; a larger one only
// those with reports, so that the table stays readable.
inline constexpr size_t kMaxAreaRowsAtZero = 40;
// Municipality rows besides the area's own: incidents in a municipality outside the area.
inline constexpr std::string_view kRowOutsideArea = "outside_area";

struct Dashboard {
  DashboardQuery query;
  // "month" (row code YYYY-MM, every month of the period), "ground", "domain", "nature",
  // "handling" (with kHandlingOpen), "municipality". Only `current` of each cell is used; every
  // table's total is the same number (key "total"): the reports counted.
  std::vector<FigureTable> tables;
  long long mass = 0;  // reports linked to a mass event among those counted (0 when left out)
};

// The month code of a row: "2026-03".
std::string MonthCode(int index);

Dashboard ComputeDashboard(const std::vector<ReportFacts>& facts, const DashboardQuery& query,
                           const MunicipalityRegistry& registry);

// Whether the period is one calendar year with mass reports: its municipality rows are then the
// numbers the municipal report and the public page publish (PublishedMunicipalTotals).
bool CountsAPublishedYear(const DashboardQuery& query);

// Small-number suppression (domain/figures/suppression.hpp) for a dashboard that leaves the bureau:
// every table is a line whose total is the number of reports counted (grounds and handlings "at
// least" lines: a report may count in several of their rows). For a period of one calendar year
// with mass reports, `published` (PublishedMunicipalTotals of that year) fixes the state of the
// area's municipality rows: they are the numbers the municipal report and the public page show.
void SuppressDashboard(Dashboard& dashboard, long long threshold,
                       const std::map<std::string, MunicipalTotals>& published = {});

}  // namespace meldpunt
