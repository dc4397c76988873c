// Bureaus and their working areas (werkgebieden), and routing reports to them.
#include <soci/soci.h>

#include <algorithm>

#include "store/soci/soci_store.hpp"
#include "store/soci/soci_util.hpp"
#include "store/soci/statement_cache.hpp"

namespace meldpunt {

using soci_util::GetInteger;
using soci_util::Guard;

void SociStore::UseMunicipalities(const MunicipalityRegistry& registry) {
  municipalities_ = std::make_shared<const MunicipalityRegistry>(registry);
}

std::string SociStore::TodayCode(const std::string& code) const {
  const Municipality* today = municipalities_ ? municipalities_->Successor(code) : nullptr;
  return today ? today->code : code;
}

long long SociStore::RouteReport(soci::session& sql, const std::string& incident_municipality,
                                 const std::string& residence_municipality) const {
  // The place where it happened first, then where the reporter lives. A merged municipality
  // (Weesp, GM0457) is looked up as today's (Amsterdam, GM0363), as the figures count it; only
  // when no area holds today's code, the code as given (an area listed before a merger).
  PreparedStatements statements(sql);  // prepared once on the SQLite writer (issue 16)
  for (const std::string& given : {incident_municipality, residence_municipality}) {
    std::string today = TodayCode(given);
    for (const std::string& code : {today, given}) {
      long long bureau = 0;
      if (statements->Fetch(
              "SELECT bureau_id FROM bureau_municipalities WHERE municipality = :code",
              std::tie(bureau), code)) {
        return bureau;
      }
      if (today == given) break;
    }
  }
  long long first = 0;
  statements->Fetch("SELECT MIN(id) FROM bureaus", std::tie(first));
  return first;
}

std::optional<long long> SociStore::AddBureau(const std::string& name, long long now) {
  return Guard("adding a bureau", [&] {
    std::optional<long long> added;
    Write([&](soci::session& sql) {
      long long existing = 0;
      sql << "SELECT COUNT(*) FROM bureaus WHERE name = :name", soci::use(name),
          soci::into(existing);
      if (existing > 0) return;
      long long id = 0;
      sql << "INSERT INTO bureaus (name, created_at) VALUES (:name, :now) RETURNING id",
          soci::use(name), soci::use(now), soci::into(id);
      added = id;
    });
    return added;
  });
}

std::vector<Bureau> SociStore::ListBureaus() {
  return Guard("listing bureaus", [&] {
    soci::session sql(*readers_);
    std::vector<Bureau> bureaus;
    soci::rowset<soci::row> rows = (sql.prepare << "SELECT id, name FROM bureaus ORDER BY id");
    for (const auto& row : rows)
      bureaus.push_back(Bureau{GetInteger(row, 0), row.get<std::string>(1), {}});
    soci::rowset<soci::row> areas =
        (sql.prepare << "SELECT bureau_id, municipality FROM bureau_municipalities "
                        "ORDER BY municipality");
    for (const auto& row : areas) {
      long long id = GetInteger(row, 0);
      auto bureau = std::find_if(bureaus.begin(), bureaus.end(),
                                 [id](const Bureau& b) { return b.id == id; });
      if (bureau != bureaus.end()) bureau->municipalities.push_back(row.get<std::string>(1));
    }
    return bureaus;
  });
}

bool SociStore::AddToWorkingArea(long long bureau_id, const std::vector<std::string>& codes) {
  return Guard("changing a working area", [&] {
    bool found = false;
    Write([&](soci::session& sql) {
      long long exists = 0;
      sql << "SELECT COUNT(*) FROM bureaus WHERE id = :id", soci::use(bureau_id),
          soci::into(exists);
      if (exists == 0) return;
      found = true;
      for (const auto& code : codes) {
        sql << "DELETE FROM bureau_municipalities WHERE municipality = :code", soci::use(code);
        sql << "INSERT INTO bureau_municipalities (municipality, bureau_id) VALUES (:code, :id)",
            soci::use(code), soci::use(bureau_id);
      }
    });
    return found;
  });
}

bool SociStore::MoveReport(long long report_id, long long bureau_id) {
  return Guard("moving a report to another bureau", [&] {
    bool moved = false;
    Write([&](soci::session& sql) {
      long long exists = 0;
      sql << "SELECT COUNT(*) FROM bureaus WHERE id = :id", soci::use(bureau_id),
          soci::into(exists);
      if (exists == 0) return;
      // Mass-report events are the installation's: a case handed over stays on its event, and
      // the new bureau answers and closes it there.
      soci::statement update =
          (sql.prepare << "UPDATE reports SET bureau_id = :bureau WHERE id = :id",
           soci::use(bureau_id), soci::use(report_id));
      update.execute(true);
      moved = update.get_affected_rows() > 0;
      if (moved) RefreshCaseDue(sql, {report_id});  // the new bureau's deadline settings
    });
    return moved;
  });
}

}  // namespace meldpunt
