// Lists of cases by who handles them: "my cases" (mijn zaken) on the staff list.
#include <soci/soci.h>

#include "store/soci/soci_store.hpp"
#include "store/soci/soci_util.hpp"

namespace meldpunt {

using soci_util::Guard;

std::vector<RegisteredReport> SociStore::ListAssignedReports(long long bureau_id, long long user_id,
                                                             int limit, int offset) {
  return Guard("listing a handler's cases", [&] {
    soci::session sql(*readers_);
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT " << ReportColumns()
                     << " FROM reports WHERE bureau_id = :bureau AND assigned_to = :user ORDER BY "
                        "id DESC LIMIT :limit OFFSET :offset",
         soci::use(bureau_id), soci::use(user_id), soci::use(limit), soci::use(offset));
    std::vector<RegisteredReport> reports;
    for (const auto& row : rows) reports.push_back(ReadReport(row));
    ReadGrounds(sql, reports);
    return reports;
  });
}

long long SociStore::CountAssignedReports(long long bureau_id, long long user_id) {
  return Guard("counting a handler's cases", [&] {
    soci::session sql(*readers_);
    long long count = 0;
    sql << "SELECT COUNT(*) FROM reports WHERE bureau_id = :bureau AND assigned_to = :user",
        soci::use(bureau_id), soci::use(user_id), soci::into(count);
    return count;
  });
}

}  // namespace meldpunt
