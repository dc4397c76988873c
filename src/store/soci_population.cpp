// Population figures (inwonertallen) and the grouped counts behind the public figures.
#include <soci/soci.h>

#include <map>
#include <utility>

#include "domain/counting.hpp"
#include "store/report_columns.hpp"
#include "store/soci_store.hpp"
#include "store/soci_util.hpp"

namespace meldpunt {

using report_columns::SplitCodes;
using soci_util::GetInteger;
using soci_util::Guard;

ReportCounts SociStore::CountReportsByPlace(int from_year, int to_year) {
  return Guard("counting reports per place", [&] {
    soci::session sql(*readers_);
    ReportCounts counts;
    {
      soci::rowset<soci::row> rows =
          (sql.prepare << "SELECT reported_year, incident_municipality, residence_municipality, "
                          "COUNT(*) FROM reports WHERE reported_year BETWEEN :from_year AND "
                          ":to_year GROUP BY reported_year, incident_municipality, "
                          "residence_municipality",
           soci::use(from_year, "from_year"), soci::use(to_year, "to_year"));
      for (const auto& row : rows) {
        counts.places.push_back({static_cast<int>(GetInteger(row, 0)), row.get<std::string>(1),
                                 row.get<std::string>(2), GetInteger(row, 3)});
      }
    }
    // Grounds from the report row (report_columns::SortedCodes: each ground once per report),
    // grouped by their combination and split here into the rows the combination counts in
    // (GroundRowsOf: a parent ground once for a report with it or its sub-grounds): the covering
    // year index of migration 23 answers it without touching report_grounds or the report rows.
    std::map<std::pair<int, std::string>, long long> by_ground;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT reported_year, ground_codes, COUNT(*) FROM reports WHERE "
                        "reported_year BETWEEN :from_year AND :to_year GROUP BY reported_year, "
                        "ground_codes",
         soci::use(from_year, "from_year"), soci::use(to_year, "to_year"));
    std::vector<std::string> grounds;
    for (const auto& row : rows) {
      int year = static_cast<int>(GetInteger(row, 0));
      long long count = GetInteger(row, 2);
      grounds.clear();
      SplitCodes(row.get<std::string>(1), grounds);
      for (auto& ground : GroundRowsOf(grounds)) by_ground[{year, std::move(ground)}] += count;
    }
    for (auto& [key, count] : by_ground) counts.grounds.push_back({key.first, key.second, count});
    return counts;
  });
}

std::vector<PopulationFigure> SociStore::ListPopulation(int from_year, int to_year) {
  return Guard("reading population figures", [&] {
    soci::session sql(*readers_);
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT municipality, year, inhabitants FROM population WHERE year "
                        "BETWEEN :from_year AND :to_year ORDER BY municipality, year",
         soci::use(from_year, "from_year"), soci::use(to_year, "to_year"));
    std::vector<PopulationFigure> figures;
    for (const auto& row : rows) {
      figures.push_back(
          {row.get<std::string>(0), static_cast<int>(GetInteger(row, 1)), GetInteger(row, 2)});
    }
    return figures;
  });
}

void SociStore::WritePopulation(const std::vector<PopulationFigure>& figures, long long user_id,
                                long long now) {
  Guard("saving population figures", [&] {
    Write([&](soci::session& sql) {
      long long by_user = user_id;
      soci::indicator by = user_id > 0 ? soci::i_ok : soci::i_null;
      for (const auto& figure : figures) {
        sql << "INSERT INTO population (municipality, year, inhabitants, updated_at, updated_by) "
               "VALUES (:municipality, :year, :inhabitants, :now, :by) ON CONFLICT "
               "(municipality, year) DO UPDATE SET inhabitants = excluded.inhabitants, "
               "updated_at = excluded.updated_at, updated_by = excluded.updated_by",
            soci::use(figure.municipality), soci::use(figure.year), soci::use(figure.inhabitants),
            soci::use(now), soci::use(by_user, by);
      }
    });
  });
}

}  // namespace meldpunt
