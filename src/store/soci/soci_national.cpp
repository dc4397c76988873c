// The national file (landelijke jaarrapportage): every report's facts for a range of years in one
// read of clear columns, and the files imported from other installations.
#include <soci/soci.h>

#include "store/soci/report_columns.hpp"
#include "store/soci/soci_store.hpp"
#include "store/soci/soci_util.hpp"

namespace meldpunt {

using report_columns::SplitCodes;
using soci_util::GetInteger;
using soci_util::Guard;

namespace {

// A whole file ('~' key) stays only while one of its bureaus is still imported from it.
void DropOrphanFiles(soci::session& sql) {
  sql << "DELETE FROM national_imports WHERE bureau_key LIKE '~%' AND file_key NOT IN "
         "(SELECT file_key FROM national_imports WHERE bureau_key NOT LIKE '~%')";
}

}  // namespace

std::vector<ReportFacts> SociStore::ListYearFacts(int from_year, int to_year) {
  return Guard("listing the facts of a year", [&] {
    soci::session sql(*readers_);
    std::vector<ReportFacts> facts;
    // The grounds and handlings from the report row (report_columns::SortedCodes), not from
    // their tables: one pass over the reports of the years, one range of the covering year
    // index (migrations 23 and 25: on PostgreSQL with the id included, so neither engine reads
    // the report rows; PostgreSQL then sorts by id, about 23 MB, on disk with the default
    // work_mem, which still costs less than putting the facts in order here: docs/design.md).
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT r.id, r.reported_year, r.incident_date, "
                        "r.incident_municipality, r.residence_municipality, r.social_domain, "
                        "r.nature, CASE WHEN r.mass_event_id IS NULL THEN 0 ELSE 1 END, "
                        "COALESCE(r.bureau_id, 0), r.is_complaint, r.ground_codes, "
                        "r.handling_codes FROM reports r WHERE r.reported_year BETWEEN "
                        ":from_year AND :to_year ORDER BY r.id",
         soci::use(from_year, "from_year"), soci::use(to_year, "to_year"));
    for (const auto& row : rows) {
      ReportFacts& fact = facts.emplace_back();
      fact.id = GetInteger(row, 0);
      fact.reported_year = static_cast<int>(GetInteger(row, 1));
      fact.incident_year = IncidentYearOf(row.get<std::string>(2));
      fact.incident_municipality = row.get<std::string>(3);
      fact.residence_municipality = row.get<std::string>(4);
      fact.domain = row.get<std::string>(5);
      fact.nature = row.get<std::string>(6);
      fact.mass = GetInteger(row, 7) != 0;
      fact.bureau_id = GetInteger(row, 8);
      fact.complaint = GetInteger(row, 9) != 0;
      SplitCodes(row.get<std::string>(10), fact.grounds);
      SplitCodes(row.get<std::string>(11), fact.handlings);
    }
    return facts;
  });
}

void SociStore::SaveNationalImports(const std::vector<NationalImport>& imports,
                                    long long staff_user_id, long long now) {
  Guard("saving an imported national file", [&] {
    Write([&](soci::session& sql) {
      for (const auto& import : imports) {
        sql << "DELETE FROM national_imports WHERE bureau_key = :key AND year = :year",
            soci::use(import.bureau_key), soci::use(import.year);
        sql << "INSERT INTO national_imports (bureau_key, year, bureau_name, rows_csv, file_key, "
               "imported_at, imported_by) VALUES (:key, :year, :name, :rows, :file, :now, "
               "NULLIF(:by, 0))",
            soci::use(import.bureau_key), soci::use(import.year), soci::use(import.bureau_name),
            soci::use(import.rows_csv), soci::use(import.file_key), soci::use(now),
            soci::use(staff_user_id);
      }
      DropOrphanFiles(sql);
    });
  });
}

std::vector<NationalImport> SociStore::ListNationalImports(int year) {
  return Guard("listing imported national files", [&] {
    soci::session sql(*readers_);
    soci::rowset<soci::row> rows =
        (sql.prepare
             << "SELECT n.bureau_key, n.year, n.bureau_name, n.rows_csv, n.imported_at, "
                "COALESCE(u.email, ''), n.file_key FROM national_imports n LEFT JOIN staff_users u "
                "ON u.id = n.imported_by WHERE :year = 0 OR n.year = :year2 "
                "ORDER BY n.year DESC, n.bureau_key",
         soci::use(year, "year"), soci::use(year, "year2"));
    std::vector<NationalImport> imports;
    for (const auto& row : rows) {
      NationalImport import;
      import.bureau_key = row.get<std::string>(0);
      import.year = static_cast<int>(GetInteger(row, 1));
      import.bureau_name = row.get<std::string>(2);
      import.rows_csv = row.get<std::string>(3);
      import.imported_at = GetInteger(row, 4);
      import.imported_by_email = row.get<std::string>(5);
      import.file_key = row.get<std::string>(6);
      imports.push_back(std::move(import));
    }
    return imports;
  });
}

bool SociStore::DeleteNationalImport(const std::string& bureau_key, int year) {
  return Guard("deleting an imported national file", [&] {
    bool deleted = false;
    Write([&](soci::session& sql) {
      soci::statement statement =
          (sql.prepare << "DELETE FROM national_imports WHERE bureau_key = :key AND year = :year",
           soci::use(bureau_key), soci::use(year));
      statement.execute(true);
      deleted = statement.get_affected_rows() > 0;
      DropOrphanFiles(sql);
    });
    return deleted;
  });
}

}  // namespace meldpunt
