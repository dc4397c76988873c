#pragma once
// The municipal reports of a whole working area (werkgebied) at once: for the archive a bureau
// coordinator downloads with every municipality's report of a year. The facts are read once for
// the area and divided here, so a large area costs one read, not one per municipality. No I/O.
#include <string>
#include <vector>

#include "domain/figures/figures.hpp"
#include "domain/municipality.hpp"

namespace meldpunt {

// The current municipalities a working area stands for: every code through its successor (an
// area that still names a merged municipality gets today's one), unknown codes left out, each
// once, by code.
std::vector<std::string> CurrentMunicipalitiesOf(const std::vector<std::string>& area,
                                                 const MunicipalityRegistry& registry);

// Every code that rolls up into one of `municipalities` (themselves and their merged
// predecessors), for one Store::ListReportFacts over the whole area.
std::vector<std::string> CodesRollingUpIntoAny(const std::vector<std::string>& municipalities,
                                               const MunicipalityRegistry& registry);

// One report per municipality, in the order given, each exactly as ComputeMunicipalReport makes
// it for that municipality alone (`query.municipality` is set per report). `facts` may hold
// reports of other municipalities too; each report is handed only to the municipalities where
// it happened or where its reporter lives.
std::vector<MunicipalReport> ComputeAreaReports(const std::vector<ReportFacts>& facts,
                                                const std::vector<std::string>& municipalities,
                                                FiguresQuery query,
                                                const MunicipalityRegistry& registry);

}  // namespace meldpunt
