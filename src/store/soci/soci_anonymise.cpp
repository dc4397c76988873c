// Retention and erasure: anonymising reports (store/soci/personal_data.hpp lists what goes).
#include <soci/soci.h>

#include "domain/date.hpp"
#include "domain/reports/reference.hpp"
#include "store/soci/personal_data.hpp"
#include "store/soci/soci_store.hpp"
#include "store/soci/soci_util.hpp"

namespace meldpunt {
namespace {

using soci_util::Guard;

// Reports anonymised per write: a large backlog (the first run after an upgrade) does not hold
// the single SQLite writer for long.
constexpr size_t kBatch = 100;

// Due: closed, closed before the cutoff, not yet anonymised.
constexpr const char* kDue =
    "status = 'closed' AND anonymised_at IS NULL AND case_closed_at IS NOT NULL AND "
    "case_closed_at < ";

}  // namespace

void SociStore::ErasePersonalData(soci::session& sql, long long report_id,
                                  const std::string& audit_action, long long now) const {
  for (const auto& erasure : kPersonalData) {
    sql << erasure.statement, soci::use(report_id);
  }
  if (audit_action.empty()) return;
  long long reported_at = 0;
  sql << "SELECT reported_at FROM reports WHERE id = :id", soci::use(report_id),
      soci::into(reported_at);
  std::string reference = ReferenceOfReport(reported_at, report_id);
  // Done by the system, not by a staff member: no user. Chained like every entry (soci_audit.cpp).
  AuditEntry entry = AuditEntry::BySystem(audit_action, reference);
  entry.report_id = report_id;
  AppendAudit(sql, entry, now);
}

long long SociStore::CountReportsToAnonymise(long long bureau_id, long long closed_before) {
  return Guard("counting reports due for anonymisation", [&] {
    soci::session sql(*readers_);
    long long count = 0;
    sql << std::string("SELECT COUNT(*) FROM reports WHERE bureau_id = :bureau AND ") + kDue +
               ":before",
        soci::use(bureau_id), soci::use(closed_before), soci::into(count);
    return count;
  });
}

long long SociStore::AnonymiseClosedReports(long long bureau_id, long long closed_before,
                                            long long now) {
  return Guard("anonymising closed reports", [&] {
    // Closed before closing times were kept: their retention period starts now.
    Write([&](soci::session& sql) {
      // Closed: no next deadline any more (store/case_due.hpp).
      sql << "UPDATE reports SET case_closed_at = :now, next_due_at = 253402300799 WHERE "
             "bureau_id = :bureau AND status = "
             "'closed' AND case_closed_at IS NULL AND anonymised_at IS NULL",
          soci::use(now), soci::use(bureau_id);
    });
    long long total = 0;
    for (;;) {
      std::vector<long long> ids(kBatch);
      {
        soci::session sql(*readers_);
        sql << std::string("SELECT id FROM reports WHERE bureau_id = :bureau AND ") + kDue +
                   ":before ORDER BY id LIMIT " + std::to_string(kBatch),
            soci::use(bureau_id), soci::use(closed_before), soci::into(ids);
      }
      if (ids.empty()) break;
      long long done = 0;
      Write([&](soci::session& sql) {
        for (long long id : ids) {
          // Claiming the report by marking it: a report reopened meanwhile is left alone, and of
          // two servers running retention at once only one erases (PostgreSQL waits for the
          // other's commit, then finds it marked).
          soci::statement mark =
              (sql.prepare << std::string("UPDATE reports SET anonymised_at = :now WHERE id = :id "
                                          "AND ") +
                                  kDue + ":before",
               soci::use(now), soci::use(id), soci::use(closed_before));
          mark.execute(true);
          if (mark.get_affected_rows() != 1) continue;
          ErasePersonalData(sql, id, "report.anonymise", now);
          ++done;
        }
      });
      total += done;
      if (done == 0 || ids.size() < kBatch) break;
    }
    return total;
  });
}

bool SociStore::AnonymiseReport(long long report_id, long long now) {
  return Guard("erasing a report's personal data", [&] {
    bool found = false;
    Write([&](soci::session& sql) {
      long long exists = 0;
      sql << "SELECT COUNT(*) FROM reports WHERE id = :id", soci::use(report_id),
          soci::into(exists);
      if (exists == 0) return;
      found = true;
      sql << "UPDATE reports SET anonymised_at = :now WHERE id = :id AND anonymised_at IS NULL",
          soci::use(now), soci::use(report_id);
      // Also for a report anonymised before: the list may have grown since (a new table).
      ErasePersonalData(sql, report_id, "", now);
    });
    return found;
  });
}

}  // namespace meldpunt
