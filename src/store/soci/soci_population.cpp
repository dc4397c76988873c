// Population figures (inwonertallen).
#include <soci/soci.h>

#include <map>
#include <utility>

#include "store/soci/soci_store.hpp"
#include "store/soci/soci_util.hpp"

namespace meldpunt {

using soci_util::GetInteger;
using soci_util::Guard;

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
